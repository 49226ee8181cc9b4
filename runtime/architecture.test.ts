/**
 * The headless boundary: everything under `runtime/` and every node kind's
 * `model.ts` / `behavior.ts` runs in Node (CLI, CI) and must never pull in
 * React, React DOM, React Flow or the DOM. This test reads the source text
 * and follows project imports transitively, so a helper two files away that
 * imports React fails it too.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SELF = fileURLToPath(import.meta.url);

/** Packages (and any subpath of them) the headless code may not import. */
const BANNED_PACKAGES = ['react', 'react-dom', '@xyflow/react'];
/** DOM globals, matched in code only (comments and string contents are stripped first). */
const DOM_GLOBAL = /(?<![\w$.])(?:globalThis\.)?(document|window|localStorage|sessionStorage)\s*\./g;

interface Violation {
  /** The chain of files from the headless entry to the offending file, root-relative. */
  chain: string[];
  reason: string;
}

/** Removes comments; with `strings`, also empties string and template literal text (keeping `${}` code). */
function stripSource(src: string, strings: boolean): string {
  let out = '';
  let i = 0;
  const braces: number[] = []; // brace depth at each open `${`, to know where a template resumes
  let depth = 0;
  const readString = (quote: string) => {
    let s = quote;
    i++;
    while (i < src.length && src[i] !== quote) {
      if (src[i] === '\\') {
        s += strings ? '' : src.slice(i, i + 2);
        i += 2;
        continue;
      }
      if (src[i] === '\n') break;
      s += strings ? '' : src[i];
      i++;
    }
    i++;
    out += `${s}${quote}`;
  };
  const readTemplate = () => {
    // Called at a backtick or just after a `}` closing a `${`.
    while (i < src.length) {
      const c = src[i]!;
      if (c === '\\') {
        out += strings ? '' : src.slice(i, i + 2);
        i += 2;
      } else if (c === '`') {
        out += c;
        i++;
        return;
      } else if (c === '$' && src[i + 1] === '{') {
        out += '${';
        i += 2;
        braces.push(depth);
        depth++;
        return;
      } else {
        out += strings ? '' : c;
        i++;
      }
    }
  };
  while (i < src.length) {
    const c = src[i]!;
    const next = src[i + 1];
    if (c === '/' && next === '/') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      i = end === -1 ? src.length : end + 2;
      out += ' ';
    } else if (c === "'" || c === '"') {
      readString(c);
    } else if (c === '`') {
      out += c;
      i++;
      readTemplate();
    } else if (c === '{') {
      depth++;
      out += c;
      i++;
    } else if (c === '}') {
      depth--;
      out += c;
      i++;
      if (braces.length > 0 && braces[braces.length - 1] === depth) {
        braces.pop();
        readTemplate();
      }
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const IMPORT_PATTERNS = [
  /\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"\n]+)['"]/g,
  /\bimport\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g,
  /\brequire\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g,
];

/** Every module specifier a source file imports, re-exports, or loads dynamically. */
function importSpecifiers(src: string): string[] {
  const code = stripSource(src, false);
  const specs: string[] = [];
  for (const pattern of IMPORT_PATTERNS) for (const m of code.matchAll(pattern)) specs.push(m[1]!);
  return specs;
}

function bannedPackage(spec: string): string | undefined {
  return BANNED_PACKAGES.find((p) => spec === p || spec.startsWith(`${p}/`));
}

/**
 * Walks from the entry files through relative imports, calling `check` with each import of each file reached (and
 * the chain of files that led there); `check` returns false to not follow a relative import further. Each file's
 * text goes to `checkText` once. `read` returns a file's text, or undefined when there is no such file.
 */
function walkImports(
  entries: string[],
  read: (path: string) => string | undefined,
  check: (spec: string, chain: string[], target: string | undefined) => boolean,
  checkText: (src: string, chain: string[]) => void = () => {},
): void {
  const seen = new Set<string>();
  const queue: Array<{ file: string; chain: string[] }> = entries.map((file) => ({ file, chain: [file] }));
  while (queue.length > 0) {
    const { file, chain } = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const src = read(file);
    if (src === undefined) continue;
    for (const spec of importSpecifiers(src)) {
      const target = spec.startsWith('.') ? resolveImport(join(dirname(file), spec), read) : undefined;
      if (check(spec, chain, target) && target && !seen.has(target)) queue.push({ file: target, chain: [...chain, target] });
    }
    checkText(src, chain);
  }
}

/** Every banned import and DOM global reached from the entry files, with the chain of files that leads to it. */
function findViolations(entries: string[], read: (path: string) => string | undefined): Violation[] {
  const violations: Violation[] = [];
  walkImports(
    entries,
    read,
    (spec, chain) => {
      const banned = bannedPackage(spec);
      if (banned) violations.push({ chain, reason: `imports "${spec}" (${banned} is browser-only)` });
      return true;
    },
    (src, chain) => {
      for (const m of stripSource(src, true).matchAll(DOM_GLOBAL)) {
        violations.push({ chain, reason: `uses the DOM global "${m[0].replace(/\s+/g, '')}"` });
      }
    },
  );
  return violations;
}

function resolveImport(base: string, read: (path: string) => string | undefined): string | undefined {
  if (/\.(json|css|svg|png)$/.test(base)) return undefined;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (/\.(ts|tsx|js|mjs)$/.test(candidate) && read(candidate) !== undefined) return candidate;
  }
  return undefined;
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'fixtures') return [];
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** The headless entry points: all of runtime/ (but this file) and each kind's model and behaviour. */
function headlessEntries(): string[] {
  const runtime = walk(join(ROOT, 'runtime')).filter((f) => /\.(ts|tsx|js|mjs)$/.test(f) && f !== SELF);
  const kinds = readdirSync(join(ROOT, 'nodes')).flatMap((name) =>
    ['model.ts', 'behavior.ts'].map((f) => join(ROOT, 'nodes', name, f)).filter((f) => existsSync(f)),
  );
  return [...runtime, ...kinds];
}

const readDisk = (path: string) => {
  try {
    return statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The other direction: what the editor bundles for the browser must not reach Node-only code, the `node:` built-ins
 * or the CLI (`runtime/cli`: files, worker threads, standard input). Walks relative imports from the entries like
 * `findViolations` and reports each such import with its chain.
 */
function nodeOnlyImports(entries: string[], read: (path: string) => string | undefined, cliDir: string): Violation[] {
  const violations: Violation[] = [];
  walkImports(entries, read, (spec, chain, target) => {
    if (spec.startsWith('node:')) violations.push({ chain, reason: `imports "${spec}" (Node only)` });
    if (!target?.startsWith(cliDir)) return true;
    violations.push({ chain, reason: `imports "${spec}", the CLI (Node only)` });
    return false;
  });
  return violations;
}

const describeViolation = (v: Violation) => `${v.chain.map((f) => relative(ROOT, f) || f).join(' → ')} ${v.reason}`;

describe('architecture: the headless boundary', () => {
  it('nothing under runtime/ and no model.ts/behavior.ts imports React, React DOM, React Flow or DOM globals, even transitively', () => {
    const entries = headlessEntries();
    expect(entries.some((f) => f.endsWith(join('runtime', 'document', 'flow.ts')))).toBe(true);
    expect(entries.filter((f) => f.endsWith('model.ts')).length).toBeGreaterThanOrEqual(8);
    expect(findViolations(entries, readDisk).map(describeViolation)).toEqual([]);
  });

  it('nothing the editor bundles imports a node: built-in or the CLI (runtime/cli), even transitively', () => {
    const entries = walk(join(ROOT, 'editor')).filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f));
    expect(entries.some((f) => f.endsWith(join('editor', 'compare', 'scenarioChanges.ts')))).toBe(true);
    expect(nodeOnlyImports(entries, readDisk, join(ROOT, 'runtime', 'cli')).map(describeViolation)).toEqual([]);
    // The detector finds both kinds, through a chain.
    const files: Record<string, string> = {
      '/p/editor/a.tsx': "import { b } from '../runtime/call/b.ts';",
      '/p/runtime/call/b.ts': "import { readFile } from 'node:fs/promises';\nexport { main } from '../cli/main.ts';",
      '/p/runtime/cli/main.ts': 'export const main = 1;',
    };
    expect(nodeOnlyImports(['/p/editor/a.tsx'], (f) => files[f], '/p/runtime/cli').map((v) => `${v.chain.join(' → ')} ${v.reason}`)).toEqual([
      '/p/editor/a.tsx → /p/runtime/call/b.ts imports "node:fs/promises" (Node only)',
      '/p/editor/a.tsx → /p/runtime/call/b.ts imports "../cli/main.ts", the CLI (Node only)',
    ]);
  });

  describe('the detector itself', () => {
    const files: Record<string, string> = {
      '/p/runtime/a.ts': "import { b } from './b.ts';\nexport const a = b;",
      '/p/runtime/b.ts': "export { c as b } from '../nodes/c';",
      '/p/nodes/c.ts': "import type { ReactNode } from 'react';\nimport { createRoot } from 'react-dom/client';\nexport const c = 1;",
      '/p/runtime/flowish.ts': [
        '// Reads the flow document. Then the window. closes',
        '/* window.alert is not code */',
        "const msg = 'see document.title in the browser';",
        'const flowDocument = { nodes: [] };',
        'export const n = flowDocument.nodes.length + msg.length;',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: source text for the detector, not a template
        'const t = `template ${flowDocument.nodes.length} document.body`;',
      ].join('\n'),
      '/p/runtime/dom.ts': 'export const w = () => window.innerWidth + globalThis.document.body.clientWidth;',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text for the detector, not a template
      '/p/runtime/tpl.ts': 'export const t = `${window.location.href}`;',
      '/p/nodes/x/model.ts': "import { Handle } from '@xyflow/react';\nconst m = await import('@xyflow/react/dist/style.css');",
      '/p/nodes/y/behavior.ts': "import {\n  useState,\n  useEffect,\n} from 'react';",
      '/p/nodes/z/model.ts': "import { z } from 'zod';\nimport reactLike from 'react-markdown-free/x';\nconst r = require('react');",
    };
    const read = (p: string) => files[p];
    const run = (entry: string) => findViolations([entry], read).map((v) => `${v.chain.join(' → ')} ${v.reason}`);

    it('follows imports transitively and reports the chain', () => {
      expect(run('/p/runtime/a.ts')).toEqual([
        '/p/runtime/a.ts → /p/runtime/b.ts → /p/nodes/c.ts imports "react" (react is browser-only)',
        '/p/runtime/a.ts → /p/runtime/b.ts → /p/nodes/c.ts imports "react-dom/client" (react-dom is browser-only)',
      ]);
    });

    it('finds DOM globals in code, including template expressions', () => {
      expect(run('/p/runtime/dom.ts')).toEqual([
        '/p/runtime/dom.ts uses the DOM global "window."',
        '/p/runtime/dom.ts uses the DOM global "globalThis.document."',
      ]);
      expect(run('/p/runtime/tpl.ts')).toEqual(['/p/runtime/tpl.ts uses the DOM global "window."']);
    });

    it('ignores the words in comments, strings and longer names', () => {
      expect(run('/p/runtime/flowish.ts')).toEqual([]);
    });

    it('catches subpaths, dynamic imports, multi-line imports and require, but not look-alike packages', () => {
      expect(run('/p/nodes/x/model.ts')).toEqual([
        '/p/nodes/x/model.ts imports "@xyflow/react" (@xyflow/react is browser-only)',
        '/p/nodes/x/model.ts imports "@xyflow/react/dist/style.css" (@xyflow/react is browser-only)',
      ]);
      expect(run('/p/nodes/y/behavior.ts')).toEqual(['/p/nodes/y/behavior.ts imports "react" (react is browser-only)']);
      expect(run('/p/nodes/z/model.ts')).toEqual(['/p/nodes/z/model.ts imports "react" (react is browser-only)']);
    });
  });
});
