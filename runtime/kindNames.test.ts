/**
 * Nothing outside `nodes/` names a node kind: the runtime and the editor ask
 * the registry by trait (`traits.entry`, `traits.agentAnswers`, …), so a new
 * kind needs no edit there. A grep for a node's `.kind` compared with a kind
 * name misses `switch (node.kind)`, React Flow's `n.type` compared with one,
 * `getModel('start')`, `{ kind: 'start', … }` and tables keyed by kind, and
 * it trips over the call machine's own words that happen to match (a `menu`
 * wait, a `transfer` action). So this test asks TypeScript: a kind name is
 * refused wherever it meets a value that may be a node kind.
 *
 * Refused, in runtime/ and editor/ (tests and the two test-data builders aside):
 * - a comparison (`===`, `!==`, `==`, `!=`) or `case` between a kind name and a
 *   value typed as a node kind (a union of kind names only) or as any string;
 * - a kind name where a node kind is expected (a parameter, a property typed as
 *   a node kind, such as `kind` of a flow node or the registry's lookups);
 * - a list of two or more kind names, or an object with three or more kind
 *   names as keys (a table by kind).
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { kindNames } from '../nodes/index.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Registered kinds, and the names a kind may soon have (the lead's pre-stop hook looks for these too). */
const KIND_WORDS = new Set<string>([...kindNames, 'queue', 'decision', 'step']);

/**
 * Test-data builders that describe particular flows on purpose, as the example
 * JSON files do: the two `testkit.ts` (rule and check tests' little flows) and
 * `generateFlow.ts` (large realistic flows for the bench, e2e and property tests).
 */
const TEST_DATA = new Set(['runtime/call/testkit.ts', 'runtime/checks/testkit.ts', 'runtime/checks/generateFlow.ts']);

const COMPARISONS = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

const isStringish = (t: ts.Type) =>
  (t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.String)) !== 0 ||
  (t.isIntersection() && t.types.some((p) => (p.flags & ts.TypeFlags.String) !== 0));

function members(t: ts.Type): ts.Type[] {
  const all = t.isUnion() ? t.types : [t];
  return all.filter((p) => (p.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) === 0);
}

/** A value of this type may be a node kind: a union of kind names only (perhaps narrowed), or any string. */
function mayBeKind(t: ts.Type, kinds: ReadonlySet<string>): boolean {
  const parts = members(t);
  if (parts.length === 0) return false;
  if (parts.some(isStringish)) return true;
  return parts.every((p) => p.isStringLiteral() && kinds.has(p.value));
}

/** A place typed to take a node kind: its literal members are all kind names (besides "any other string"). */
function expectsKind(types: readonly ts.Type[], kinds: ReadonlySet<string>): boolean {
  const parts = types.flatMap(members);
  const literals = parts.filter((p) => p.isStringLiteral());
  if (literals.length === 0) return false;
  return literals.every((p) => p.isStringLiteral() && kinds.has(p.value)) && parts.every((p) => p.isStringLiteral() || isStringish(p));
}

const isKindWord = (n: ts.Node, words: ReadonlySet<string>): n is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral =>
  (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && words.has(n.text);

const propertyName = (p: ts.ObjectLiteralElementLike): string | undefined =>
  p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;

/** A callee named by identifiers only (`getKind`, `flow.nodes.push`, `z.literal`): its type is read without resolving a call. */
function isPlainCallee(e: ts.Expression): boolean {
  return ts.isIdentifier(e) || (ts.isPropertyAccessExpression(e) && isPlainCallee(e.expression));
}

/** The call a value is an argument of, directly or inside object and array literals, and the argument's position. */
function enclosingCall(node: ts.Node): { call: ts.CallExpression | ts.NewExpression; arg: ts.Expression } | undefined {
  let child: ts.Node = node;
  let parent = node.parent;
  while (ts.isPropertyAssignment(parent) || ts.isObjectLiteralExpression(parent) || ts.isArrayLiteralExpression(parent) || ts.isParenthesizedExpression(parent)) {
    child = parent;
    parent = parent.parent;
  }
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.some((a) => a === child)) {
    return { call: parent, arg: child as ts.Expression };
  }
  return undefined;
}

/**
 * The types declared for the place a literal is written in, before TypeScript
 * narrows them by the literal itself: a parameter's declared type (a generic
 * one by its constraint, not instantiated with the argument), a property's
 * type in the object's declared type (a discriminated union is not narrowed
 * to the member written), else the contextual type. Inside an object passed to
 * a generic call the types are inferred from what is written (a `const` type
 * parameter, as xstate's machine config has), so there is no expectation to
 * read; nor is there when the callee is itself the result of a call
 * (`setup(…).createMachine`). Both also keep the scan from inferring large
 * configurations.
 */
function declaredSlotTypes(checker: ts.TypeChecker, lit: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral): ts.Type[] {
  const parent = lit.parent;
  const inCall = enclosingCall(lit);
  if (inCall) {
    if (!isPlainCallee(inCall.call.expression)) return [];
    const callee = checker.getTypeAtLocation(inCall.call.expression);
    const signatures = ts.isNewExpression(inCall.call) ? callee.getConstructSignatures() : callee.getCallSignatures();
    const args: readonly ts.Expression[] = inCall.call.arguments ?? [];
    if (inCall.arg === lit) {
      return signatures.flatMap((s) => {
        const params = s.getParameters();
        const param = params[Math.min(args.indexOf(lit), params.length - 1)];
        return param ? [checker.getTypeOfSymbol(param)] : [];
      });
    }
    if (signatures.some((s) => (s.getTypeParameters()?.length ?? 0) > 0)) return [];
  }
  if (ts.isPropertyAssignment(parent) && parent.initializer === lit && ts.isObjectLiteralExpression(parent.parent)) {
    const object = checker.getContextualType(parent.parent);
    const name = propertyName(parent);
    return (object ? members(object) : []).flatMap((t) => {
      const prop = name === undefined ? undefined : checker.getPropertyOfType(t, name);
      return prop ? [checker.getTypeOfSymbol(prop)] : [];
    });
  }
  const contextual = checker.getContextualType(lit);
  return contextual ? [contextual] : [];
}

/** Every place in `files` that names a kind, as "file:line: code (why)". */
function kindNameUses(program: ts.Program, files: readonly string[], root: string, words: ReadonlySet<string>, kinds: ReadonlySet<string>): string[] {
  const checker = program.getTypeChecker();
  const out: string[] = [];
  for (const file of files) {
    const sf = program.getSourceFile(file);
    if (!sf) throw new Error(`not in the program: ${file}`);
    const report = (node: ts.Node, why: string) => {
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      out.push(`${relative(root, file).split(sep).join('/')}:${line}: ${node.getText(sf).replace(/\s+/g, ' ').slice(0, 80)} (${why})`);
    };
    const compared = new Set<ts.Node>();
    const visit = (node: ts.Node): void => {
      if (ts.isBinaryExpression(node) && COMPARISONS.has(node.operatorToken.kind)) {
        for (const [lit, other] of [
          [node.right, node.left],
          [node.left, node.right],
        ] as const) {
          if (!isKindWord(lit, words)) continue;
          compared.add(lit);
          if (mayBeKind(checker.getTypeAtLocation(other), kinds)) report(node, 'compares a node kind with a kind name');
        }
      } else if (ts.isCaseClause(node) && isKindWord(node.expression, words)) {
        compared.add(node.expression);
        const subject = node.parent.parent.expression;
        if (mayBeKind(checker.getTypeAtLocation(subject), kinds)) report(node.expression, 'a case on a node kind');
      } else if (isKindWord(node, words) && !compared.has(node) && !ts.isLiteralTypeNode(node.parent) && !ts.isImportDeclaration(node.parent)) {
        const expected = declaredSlotTypes(checker, node).map((t) => checker.getBaseConstraintOfType(t) ?? t);
        // A slot typed as exactly this literal was inferred from it (a `const` type parameter, as xstate's
        // machine config has): it says nothing about what the place expects.
        const onlyItself = expected.flatMap(members).every((t) => t.isStringLiteral() && t.value === node.text);
        if (!onlyItself && expectsKind(expected, kinds)) {
          report(node, 'a kind name where a node kind is expected');
        }
      } else if (ts.isArrayLiteralExpression(node)) {
        const els = node.elements;
        if (els.length >= 2 && els.every((e) => isKindWord(e, words))) report(node, 'a list of kind names');
      } else if (ts.isObjectLiteralExpression(node)) {
        const keyed = node.properties.filter((p) => {
          const name = propertyName(p);
          return name !== undefined && kinds.has(name);
        });
        // Three kind names as keys make a table by kind (two are common words of other vocabularies: a machine's
        // `menu` and `voicemail` states, the timeline's `transfer` and `recording` markers).
        if (keyed.length >= 3) report(node, 'a table keyed by kind names');
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'fixtures') return [];
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function scannedFiles(): string[] {
  return ['runtime', 'editor']
    .flatMap((d) => walk(join(ROOT, d)))
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !TEST_DATA.has(relative(ROOT, f).split(sep).join('/')));
}

describe('no code outside nodes/ names a node kind', () => {
  it(
    'runtime/ and editor/ compare no node kind with a kind name, pass none where a kind is expected, and keep no tables by kind',
    () => {
      const files = scannedFiles();
      expect(files.some((f) => f.endsWith(join('runtime', 'checks', 'checkFlow.ts')))).toBe(true);
      expect(files.some((f) => f.endsWith(join('editor', 'canvas', 'Canvas.tsx')))).toBe(true);
      const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
      if (!config) throw new Error('cannot read tsconfig.json');
      const program = ts.createProgram(files, { ...config.options, noEmit: true });
      // The registry's types resolved (an unresolved import would read as `any` and hide expected kinds).
      expect(program.getOptionsDiagnostics()).toEqual([]);
      expect(program.getGlobalDiagnostics()).toEqual([]);
      expect(program.getSourceFile(join(ROOT, 'nodes', 'index.ts'))).toBeDefined();
      expect(kindNameUses(program, files, ROOT, KIND_WORDS, new Set(kindNames))).toEqual([]);
    },
    // A type-checked program of ~100 files: seconds on an idle machine, more on a shared one.
    180_000,
  );

  describe('the scan itself', () => {
    const sources: Record<string, string> = {
      '/v/kinds.ts': [
        "export type NodeKindName = 'start' | 'play' | 'menu';",
        'export interface FlowNode { id: string; kind: NodeKindName }',
        'export declare function getKind(kind: NodeKindName | (string & {})): unknown;',
      ].join('\n'),
      '/v/bad.ts': [
        "import { type FlowNode, getKind } from './kinds.ts';",
        'declare const flowNode: FlowNode;',
        'declare const maybe: FlowNode | undefined;',
        'declare const rfNode: { type?: string };',
        "export const a = flowNode.kind === 'start';",
        "export const b = 'menu' !== flowNode.kind;",
        "export const c = maybe?.kind === 'play';",
        "export const d = rfNode.type === 'start';",
        "switch (flowNode.kind) { case 'menu': break; }",
        "getKind('menu');",
        "export const e: FlowNode = { id: 'x', kind: 'start' };",
        "export const f = new Set(['play', 'menu']);",
        'export const g = { start: 1, play: 2, menu: 3 };',
        "export let h = false;",
        "if (flowNode.kind !== 'start') h = flowNode.kind === 'play';",
        "export const i: Partial<Record<FlowNode['kind'], number>> = { start: 1, menu: 2, play: 3 };",
        'export const nodes: FlowNode[] = [];',
        "nodes.push({ id: 'y', kind: 'menu' });",
      ].join('\n'),
      '/v/good.ts': [
        "import type { FlowNode } from './kinds.ts';",
        "declare const pending: { kind: 'play' | 'menu' | 'ring' };",
        "export const a = pending.kind === 'play';",
        "declare const label: { anchor: 'start' | 'middle' };",
        "export const b = label.anchor === 'start';",
        "declare function mark(kind: 'transfer' | 'pause', text: string): void;",
        "mark('transfer', 'x');",
        "export const states = ['playing', 'menu', 'ringing'];",
        "export const families = { transfer: 'transfer', pause: 'pause' };",
        "export const phases: Record<'menu' | 'transfer' | 'ringing', number> = { menu: 1, transfer: 2, ringing: 3 };",
        'declare function machine<const T>(config: T): T;',
        "machine({ states: { menu: {} }, on: { go: { target: 'menu' } } });",
        "export type Start = Extract<FlowNode, { kind: 'start' }>;",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: source text for the scan, not a template
        "export const c = `kind-${'start'.length}`;",
      ].join('\n'),
    };
    const options: ts.CompilerOptions = {
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts'],
      types: [],
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      strict: true,
      allowImportingTsExtensions: true,
      skipLibCheck: true,
      noEmit: true,
    };
    const host = ts.createCompilerHost(options);
    const real = { getSourceFile: host.getSourceFile, fileExists: host.fileExists, readFile: host.readFile };
    host.getSourceFile = (name, lang, ...rest) =>
      sources[name] !== undefined ? ts.createSourceFile(name, sources[name]!, lang, true) : real.getSourceFile(name, lang, ...rest);
    host.fileExists = (name) => sources[name] !== undefined || real.fileExists(name);
    host.readFile = (name) => sources[name] ?? real.readFile(name);
    const realDirectoryExists = host.directoryExists?.bind(host);
    host.directoryExists = (dir) => dir === '/v' || (realDirectoryExists?.(dir) ?? false);
    const words = new Set(['start', 'play', 'menu', 'transfer', 'queue']);
    const kinds = new Set(['start', 'play', 'menu', 'transfer']);
    let program: ts.Program | undefined;
    const scan = (file: string) => {
      if (!program) {
        program = ts.createProgram(Object.keys(sources), options, host);
        // The made-up sources must type-check, or `any` would stand in for the types the scan reads.
        expect(ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
      }
      return kindNameUses(program, [file], '/v', words, kinds);
    };

    it('finds comparisons with any receiver, cases, expected kinds, lists and tables of kind names', () => {
      expect(scan('/v/bad.ts').map((s) => s.replace(/ \(.*\)$/, ''))).toEqual([
        "bad.ts:5: flowNode.kind === 'start'",
        "bad.ts:6: 'menu' !== flowNode.kind",
        "bad.ts:7: maybe?.kind === 'play'",
        "bad.ts:8: rfNode.type === 'start'",
        "bad.ts:9: 'menu'",
        "bad.ts:10: 'menu'",
        "bad.ts:11: 'start'",
        "bad.ts:12: ['play', 'menu']",
        'bad.ts:13: { start: 1, play: 2, menu: 3 }',
        "bad.ts:15: flowNode.kind !== 'start'",
        "bad.ts:15: flowNode.kind === 'play'",
        'bad.ts:16: { start: 1, menu: 2, play: 3 }',
        "bad.ts:18: 'menu'",
      ]);
    }, 60_000);

    it("leaves alone the same words in other vocabularies: a wait's kind, an anchor, a marker, state names, type-level names", () => {
      expect(scan('/v/good.ts')).toEqual([]);
    }, 60_000);
  });
});
