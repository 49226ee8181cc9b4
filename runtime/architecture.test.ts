/**
 * The architecture, read from the source text:
 * - The headless boundary: everything under `runtime/`, the kind contract
 *   (`nodes/kit/`), the registry and every kind's definition, model and
 *   behaviour run in Node (CLI, CI) and must never pull in React, React DOM,
 *   React Flow or the DOM. Project imports are followed transitively, so a
 *   helper two files away that imports React fails it too. The one edge not
 *   followed is a kind's UI loader, `ui: () => import('./ui.tsx')` in its
 *   `kind.ts`: only the editor calls it.
 * - The layers: what each part of the code may import (below), and no import
 *   cycle that crosses from one part into another.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
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

/** A kind's UI loader: the editor-only edge of a kind definition. */
const UI_LOADER = /\bui\s*:\s*\(\s*\)\s*=>\s*import\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g;
/** `nodes/<kind>/kind.ts` (a fixture kind's too). */
const KIND_DEFINITION = /[\\/]nodes[\\/](?:__fixtures__[\\/])?(?!kit[\\/])[^\\/]+[\\/]kind\.ts$/;

/**
 * The UI loaders of a kind definition that point into its own folder: the
 * editor follows them, the headless walk does not. Anywhere else (or pointing
 * elsewhere) a dynamic import is an ordinary edge.
 */
function editorOnlyLoaders(file: string, src: string): Set<string> {
  if (!KIND_DEFINITION.test(file)) return new Set();
  const loaders = [...stripSource(src, false).matchAll(UI_LOADER)].map((m) => m[1]!);
  const all = importSpecifiers(src);
  const count = (list: string[], s: string) => list.filter((x) => x === s).length;
  // Skipped only when every import of that module in the file is a `ui:` loader.
  return new Set(loaders.filter((s) => /^\.\/[^/]+$/.test(s) && count(all, s) === count(loaders, s)));
}

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
 * text goes to `checkText` once. `read` returns a file's text, or undefined when there is no such file. A
 * `headless` walk leaves out the kinds' UI loaders (only the editor follows them).
 */
function walkImports(
  entries: string[],
  read: (path: string) => string | undefined,
  headless: boolean,
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
    const editorOnly = headless ? editorOnlyLoaders(file, src) : new Set<string>();
    for (const spec of importSpecifiers(src)) {
      if (editorOnly.has(spec)) continue;
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
    true,
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

/** The headless entry points: all of runtime/ (but this file), the kind contract, the registry, and each kind's definition, model and behaviour. */
function headlessEntries(): string[] {
  const runtime = walk(join(ROOT, 'runtime')).filter((f) => /\.(ts|tsx|js|mjs)$/.test(f) && f !== SELF);
  const nodes = walk(join(ROOT, 'nodes')).filter((f) => {
    const rel = relative(ROOT, f).split(sep).join('/');
    return rel === 'nodes/index.ts' || /^nodes\/kit\/[^/]+\.ts$/.test(rel) || /\/(kind|model|behavior)\.ts$/.test(rel);
  });
  return [...runtime, ...nodes];
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
  walkImports(entries, read, false, (spec, chain, target) => {
    if (spec.startsWith('node:')) violations.push({ chain, reason: `imports "${spec}" (Node only)` });
    if (!target?.startsWith(cliDir)) return true;
    violations.push({ chain, reason: `imports "${spec}", the CLI (Node only)` });
    return false;
  });
  return violations;
}

const describeViolation = (v: Violation) => `${v.chain.map((f) => relative(ROOT, f) || f).join(' → ')} ${v.reason}`;

// ---------------------------------------------------------------- layers

/**
 * Where a file sits. A kind folder (`nodes/<kind>/`, or a fixture kind under
 * `nodes/__fixtures__/`) is a layer of its own, so kinds never lean on each other.
 */
function layerOf(rel: string): string {
  if (rel.startsWith('nodes/kit/')) return 'nodes/kit';
  if (rel === 'nodes/index.ts') return 'nodes/index';
  const kind = /^nodes\/((?:__fixtures__\/)?[^/]+)\//.exec(rel);
  if (kind) return `kind:${kind[1]}`;
  if (rel.startsWith('runtime/')) return 'runtime';
  if (rel.startsWith('editor/kit/')) return 'editor/kit';
  if (rel.startsWith('editor/')) return 'editor';
  if (rel.startsWith('examples/')) return 'examples';
  return 'other';
}

/**
 * What each layer may import from the project. From the bottom up:
 * nodes/kit (the kind contract) ← a kind's folder (and editor/kit for its views)
 * ← nodes/index.ts (the registry, only kinds' `kind.ts`) ← runtime/ ← editor/
 * (which also opens the sample in examples/).
 * Nothing outside nodes/ reaches into a kind's folder: it asks the registry.
 */
function mayImport(from: string, to: string, toRel: string): boolean {
  switch (from) {
    case 'nodes/kit':
      return to === 'nodes/kit';
    case 'nodes/index':
      return to === 'nodes/kit' || (to.startsWith('kind:') && toRel.endsWith('/kind.ts'));
    case 'runtime':
      return to === 'runtime' || to === 'nodes/index' || to === 'nodes/kit';
    case 'editor/kit':
      return to === 'editor/kit' || to === 'nodes/kit';
    case 'editor':
      return ['editor', 'editor/kit', 'runtime', 'nodes/index', 'nodes/kit', 'examples'].includes(to);
    default:
      return from.startsWith('kind:') ? to === from || to === 'nodes/kit' || to === 'editor/kit' : true;
  }
}

/** Packages the two kits may use: the contract needs zod (and fast-check's types); the view kit React, React Flow and zod's types. */
const KIT_PACKAGES: Record<string, string[]> = {
  'nodes/kit': ['zod', 'fast-check'],
  'editor/kit': ['react', 'react-dom', '@xyflow/react', 'zod'],
};

/** Tests and stories are harnesses: they may reach anywhere. */
const isHarness = (rel: string) => /\.(test|stories)\.tsx?$/.test(rel);

function resolveAny(base: string, read: (path: string) => string | undefined): string | undefined {
  if (/\.css$/.test(base)) return read(base) === undefined ? undefined : base;
  return resolveImport(base, read);
}

interface ImportEdge {
  from: string;
  /** The resolved project file, when the specifier is relative. */
  to?: string;
  spec: string;
}

function importEdges(files: string[], read: (path: string) => string | undefined): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const from of files) {
    const src = read(from);
    if (src === undefined) continue;
    for (const spec of importSpecifiers(src)) {
      const to = spec.startsWith('.') ? resolveAny(join(dirname(from), spec), read) : undefined;
      edges.push(to ? { from, to, spec } : { from, spec });
    }
  }
  return edges;
}

/** Every import that breaks the layering, as "from → to: why", root-relative. */
function layerViolations(root: string, files: string[], read: (path: string) => string | undefined): string[] {
  const rel = (f: string) => relative(root, f).split(sep).join('/');
  const out: string[] = [];
  for (const e of importEdges(files.filter((f) => !isHarness(rel(f))), read)) {
    const from = layerOf(rel(e.from));
    if (e.to) {
      const to = layerOf(rel(e.to));
      if (!mayImport(from, to, rel(e.to))) out.push(`${rel(e.from)} → ${rel(e.to)}: ${from} may not import ${to}`);
    } else if (!e.spec.startsWith('.') && KIT_PACKAGES[from]) {
      const pkg = e.spec.startsWith('@') ? e.spec.split('/').slice(0, 2).join('/') : e.spec.split('/')[0]!;
      if (!KIT_PACKAGES[from]!.includes(pkg)) out.push(`${rel(e.from)} → ${e.spec}: ${from} may use only ${KIT_PACKAGES[from]!.join(', ')}`);
    }
  }
  return out;
}

/**
 * Import cycles that cross layers (Tarjan's strongly connected components over
 * every import, type-only and dynamic ones included), each as its files.
 * A cycle inside one layer (two runtime modules that know each other) is that
 * layer's own business.
 */
function crossLayerCycles(root: string, files: string[], read: (path: string) => string | undefined): string[][] {
  const rel = (f: string) => relative(root, f).split(sep).join('/');
  const ids = new Map(files.map((f, i) => [f, i]));
  const next: number[][] = files.map(() => []);
  for (const e of importEdges(files, read)) {
    const a = ids.get(e.from);
    const b = e.to === undefined ? undefined : ids.get(e.to);
    if (a !== undefined && b !== undefined) next[a]!.push(b);
  }
  const index = new Array<number>(files.length).fill(-1);
  const low = new Array<number>(files.length).fill(0);
  const onStack = new Array<boolean>(files.length).fill(false);
  const stack: number[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  const connect = (v: number) => {
    index[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = true;
    for (const w of next[v]!) {
      if (index[w] === -1) {
        connect(w);
        low[v] = Math.min(low[v]!, low[w]!);
      } else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
    }
    if (low[v] !== index[v]) return;
    const members: string[] = [];
    let w: number;
    do {
      w = stack.pop()!;
      onStack[w] = false;
      members.push(rel(files[w]!));
    } while (w !== v);
    if (new Set(members.map(layerOf)).size > 1) cycles.push(members.sort());
  };
  for (let v = 0; v < files.length; v++) if (index[v] === -1) connect(v);
  return cycles;
}

/** The source files of nodes/, runtime/ and editor/. */
function sourceFiles(): string[] {
  return ['nodes', 'runtime', 'editor'].flatMap((d) => walk(join(ROOT, d))).filter((f) => /\.(ts|tsx)$/.test(f));
}

describe('architecture: the headless boundary', () => {
  it('nothing under runtime/, nodes/kit/, the registry or a kind\'s kind.ts/model.ts/behavior.ts imports React, React DOM, React Flow or DOM globals, even transitively', () => {
    const entries = headlessEntries();
    expect(entries.some((f) => f.endsWith(join('runtime', 'document', 'flow.ts')))).toBe(true);
    expect(entries.some((f) => f.endsWith(join('nodes', 'index.ts')))).toBe(true);
    expect(entries.some((f) => f.endsWith(join('nodes', 'kit', 'contract.ts')))).toBe(true);
    expect(entries.filter((f) => f.endsWith('model.ts')).length).toBeGreaterThanOrEqual(8);
    expect(entries.filter((f) => f.endsWith('kind.ts')).length).toBeGreaterThanOrEqual(8);
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
      '/p/nodes/q/kind.ts': "import { m } from './model.ts';\nexport const q = defineKind({ model: m, ui: () => import('./ui.tsx') });",
      '/p/nodes/q/model.ts': "import { z } from 'zod';\nexport const m = z.string();",
      '/p/nodes/q/ui.tsx': "import { memo } from 'react';\nexport const ui = memo;",
      '/p/nodes/r/kind.ts': "export const r = defineKind({ ui: () => import('../q/ui.tsx') });",
      '/p/runtime/sneaky.ts': "export const s = { ui: () => import('../nodes/q/ui.tsx') };",
      '/p/nodes/s/kind.ts': "export const s = defineKind({ ui: () => import('./ui.tsx'), view: () => import('./ui.tsx') });",
      '/p/nodes/s/ui.tsx': "import { memo } from 'react';\nexport const ui = memo;",
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

    it("does not follow a kind definition's UI loader into its own folder, and follows every other dynamic import", () => {
      expect(run('/p/nodes/q/kind.ts')).toEqual([]);
      expect(run('/p/nodes/r/kind.ts')).toEqual(['/p/nodes/r/kind.ts → /p/nodes/q/ui.tsx imports "react" (react is browser-only)']);
      expect(run('/p/runtime/sneaky.ts')).toEqual(['/p/runtime/sneaky.ts → /p/nodes/q/ui.tsx imports "react" (react is browser-only)']);
      // The same module imported any other way as well is an ordinary edge.
      expect(run('/p/nodes/s/kind.ts')).toEqual(['/p/nodes/s/kind.ts → /p/nodes/s/ui.tsx imports "react" (react is browser-only)']);
    });
  });
});

describe('architecture: the layers', () => {
  it('each part imports only the layers below it: kinds only the kits, the kits nothing of the app, the runtime and the editor kinds only through the registry', () => {
    const files = sourceFiles();
    expect(files.some((f) => f.endsWith(join('editor', 'kit', 'NodeShell.tsx')))).toBe(true);
    expect(layerViolations(ROOT, files, readDisk)).toEqual([]);
  });

  it('no import cycle crosses from one layer into another (nodes/ and runtime/ above all)', () => {
    expect(crossLayerCycles(ROOT, sourceFiles(), readDisk)).toEqual([]);
  });

  describe('the checks themselves', () => {
    const files: Record<string, string> = {
      '/p/nodes/kit/contract.ts': "import { z } from 'zod';\nimport type { X } from '../../runtime/call/types.ts';",
      '/p/nodes/kit/fields.ts': "import { idSchema } from './contract.ts';\nimport { thing } from 'lodash';",
      '/p/nodes/index.ts': "import { playKind } from './play/kind.ts';\nimport { PlayNode } from './play/PlayNode.tsx';",
      '/p/nodes/play/kind.ts': "import { defineKind } from '../kit/contract.ts';\nimport { startModel } from '../start/model.ts';",
      '/p/nodes/play/PlayNode.tsx':
        "import { NodeShell } from '../../editor/kit/NodeShell.tsx';\nimport { Widgets } from '../../editor/inspector/Inspector.tsx';\nimport { getModel } from '../index.ts';",
      '/p/nodes/play/PlayNode.stories.tsx': "import { Inspector } from '../../editor/inspector/Inspector.tsx';",
      '/p/nodes/start/model.ts': "import { z } from 'zod';",
      '/p/editor/kit/NodeShell.tsx':
        "import { Handle } from '@xyflow/react';\nimport { useStore } from '../store/react.tsx';\nimport { kinds } from '../../nodes/index.ts';\nimport '../canvas/canvas.css';\nimport './forms.css';\nimport { produce } from 'immer';",
      '/p/editor/kit/forms.css': '.x {}',
      '/p/editor/canvas/canvas.css': '.y {}',
      '/p/editor/store/react.tsx': "import { NodeShell } from '../kit/NodeShell.tsx';",
      '/p/editor/inspector/Inspector.tsx': "import { PlayFields } from '../../nodes/play/PlayFields.tsx';\nimport { kinds } from '../../nodes/index.ts';",
      '/p/nodes/play/PlayFields.tsx': "import { widgets } from '../../editor/kit/widgets.tsx';",
      '/p/editor/kit/widgets.tsx': "import { useId } from 'react';",
      '/p/runtime/call/types.ts': "import { menuModel } from '../../nodes/menu/model.ts';\nimport { kinds } from '../../nodes/index.ts';",
      '/p/nodes/menu/model.ts': "import type { Choice } from '../../runtime/call/types.ts';",
    };
    const read = (path: string) => files[path];
    const all = Object.keys(files).filter((f) => /\.tsx?$/.test(f));

    it('names every import that breaks the layering, and lets tests and stories reach anywhere', () => {
      expect(layerViolations('/p', all, read).sort()).toEqual(
        [
          'nodes/kit/contract.ts → runtime/call/types.ts: nodes/kit may not import runtime',
          'nodes/kit/fields.ts → lodash: nodes/kit may use only zod, fast-check',
          'nodes/index.ts → nodes/play/PlayNode.tsx: nodes/index may not import kind:play',
          'nodes/play/kind.ts → nodes/start/model.ts: kind:play may not import kind:start',
          'nodes/play/PlayNode.tsx → editor/inspector/Inspector.tsx: kind:play may not import editor',
          'nodes/play/PlayNode.tsx → nodes/index.ts: kind:play may not import nodes/index',
          'editor/kit/NodeShell.tsx → editor/store/react.tsx: editor/kit may not import editor',
          'editor/kit/NodeShell.tsx → nodes/index.ts: editor/kit may not import nodes/index',
          'editor/kit/NodeShell.tsx → editor/canvas/canvas.css: editor/kit may not import editor',
          'editor/kit/NodeShell.tsx → immer: editor/kit may use only react, react-dom, @xyflow/react, zod',
          'editor/inspector/Inspector.tsx → nodes/play/PlayFields.tsx: editor may not import kind:play',
          'runtime/call/types.ts → nodes/menu/model.ts: runtime may not import kind:menu',
          'nodes/menu/model.ts → runtime/call/types.ts: kind:menu may not import runtime',
        ].sort(),
      );
    });

    it('finds cycles that cross layers, type-only imports included, and leaves a cycle within one layer alone', () => {
      const graph: Record<string, string> = {
        '/p/runtime/call/lookup.ts': "import { getBehavior } from '../../nodes/index.ts';",
        '/p/nodes/index.ts': "import { playKind } from './play/kind.ts';",
        '/p/nodes/play/kind.ts': "import { playBehavior } from './behavior.ts';",
        '/p/nodes/play/behavior.ts': "import type { NodeStep } from '../../runtime/call/lookup.ts';",
        '/p/editor/kit/NodeShell.tsx': "import('../canvas/nodeTypes.ts');",
        '/p/editor/canvas/nodeTypes.ts': "import { NodeShell } from '../kit/NodeShell.tsx';",
        '/p/runtime/a.ts': "import { b } from './b.ts';",
        '/p/runtime/b.ts': "import type { a } from './a.ts';",
      };
      expect(crossLayerCycles('/p', Object.keys(graph), (path) => graph[path])).toEqual([
        ['nodes/index.ts', 'nodes/play/behavior.ts', 'nodes/play/kind.ts', 'runtime/call/lookup.ts'],
        ['editor/canvas/nodeTypes.ts', 'editor/kit/NodeShell.tsx'],
      ]);
    });
  });
});

