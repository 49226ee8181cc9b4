/**
 * Fuzz tests of every CLI command: the example documents and call logs, mutated at random (values replaced by odd
 * JSON, keys removed or added, hostile keys, control characters, deep nesting, cut-off text, stray bytes), and odd
 * command lines. Whatever the input, a command ends with exit 0, 1 or 2, says why when it fails, never shows a stack trace
 * or reaches the catch-all "unexpected failure", and finishes within a time limit. fast-check prints the seed of
 * any failure, so a failing case can be replayed.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const text = (path: string) => readFile(join(root, path), 'utf8');
const SCENARIOS = ['support-tech-answered', 'payments-conference-control', 'support-warm-external', 'outside-partner-unavailable', 'outbound-support-number'];

/** Seconds one command may take on any input (a busy 2-core machine included). */
const LIMIT_MS = 10_000;
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Values that have broken parsers before: odd types, huge and negative numbers, control characters, hostile names, deep nesting. */
const oddValue: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.constantFrom<Json>(null, true, -1, 0, 1e308, -1e308, 0.1, 2 ** 53, '', ' ', '\u001b[2J\u001b]0;x\u0007', '__proto__', 'constructor', 'toString', '-', '0'),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer({ min: 1, max: 200 }).map((depth) => {
    let v: Json = 0;
    for (let i = 0; i < depth; i++) v = [v];
    return v;
  }),
  fc.integer({ min: 1, max: 3000 }).map((n) => 'x'.repeat(n * 10)),
);
const oddKey = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'id', 'kind', 'at', 'type'));

/** One change to a JSON document, at a place picked by index among all its objects and arrays. */
const edit = fc.oneof(
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), pick: fc.nat(), value: oddValue }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), pick: fc.nat() }),
  fc.record({ op: fc.constant('add' as const), at: fc.nat(), key: oddKey, value: oddValue }),
);
/** A change to the text after the edits: cut it short, insert bytes, or none. */
const textEdit = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('cut' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.nat(), bytes: fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }) }) },
);
const mutation = fc.record({ edits: fc.array(edit, { maxLength: 4 }), text: textEdit });
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function containers(value: Json, out: Array<Json[] | { [key: string]: Json }> = []) {
  if (value !== null && typeof value === 'object') {
    out.push(value);
    for (const v of Array.isArray(value) ? value : Object.values(value)) containers(v, out);
  }
  return out;
}

/** `base` (JSON text) with `m` applied; keys are set as own properties, so `__proto__` stays a key. */
function mutate(base: string, m: Mutation): string {
  const doc = JSON.parse(base) as Json;
  for (const e of m.edits) {
    const all = containers(doc);
    if (all.length === 0) break;
    const target = all[e.at % all.length]!;
    const keys = Array.isArray(target) ? target.map((_, i) => i) : Object.keys(target);
    if (e.op === 'add') {
      if (Array.isArray(target)) target.push(e.value);
      else Object.defineProperty(target, e.key, { value: e.value, enumerable: true, writable: true, configurable: true });
      continue;
    }
    if (keys.length === 0) continue;
    const key = keys[e.pick % keys.length]!;
    if (e.op === 'set') (target as Record<string | number, Json>)[key] = e.value;
    else if (Array.isArray(target)) target.splice(key as number, 1);
    else delete (target as Record<string, Json>)[key as string];
  }
  let out = JSON.stringify(doc);
  if (m.text?.op === 'cut') out = out.slice(0, m.text.at % (out.length + 1));
  if (m.text?.op === 'insert') {
    const at = m.text.at % (out.length + 1);
    out = out.slice(0, at) + m.text.bytes + out.slice(at);
  }
  return out;
}

/** Runs the CLI in this process and checks what every run must do, whatever the input. */
async function runChecked(args: string[]) {
  let out = '';
  let err = '';
  const started = performance.now();
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), cwd: root, env: {} });
  const ms = performance.now() - started;
  const context = `recflow ${args.join(' ')} → exit ${code}\n${err.slice(0, 2000)}`;
  expect([0, 1, 2], context).toContain(code);
  expect(out + err, context).not.toMatch(/\n\s+at .+[(:]\d+|unexpected failure|RangeError|TypeError|SyntaxError: /);
  // A failure says why (an empty log may well print nothing).
  if (code !== 0) expect(out.length + err.length, context).toBeGreaterThan(0);
  expect(ms, context).toBeLessThan(LIMIT_MS);
  return { code, out, err };
}

async function files(contents: Record<string, string>): Promise<Record<string, string>> {
  const dir = await mkdtemp(join(tmpdir(), 'recflow-fuzz-'));
  const paths: Record<string, string> = {};
  for (const [name, content] of Object.entries(contents)) {
    paths[name] = join(dir, name);
    await writeFile(paths[name]!, content);
  }
  return paths;
}

const docs = async () => ({
  workspace: await text('examples/workspace.json'),
  support: await text('examples/flows/support-line.json'),
  payments: await text('examples/flows/payments-line.json'),
  scenarios: await Promise.all(SCENARIOS.map((s) => text(`examples/scenarios/${s}.json`))),
});

/** A call log line from an example scenario: its call and actions only. */
const logLine = (scenario: string) => {
  const s = JSON.parse(scenario) as { call: unknown; actions: unknown; runUntil?: unknown };
  return JSON.stringify({ call: s.call, actions: s.actions, ...(s.runUntil === undefined ? {} : { runUntil: s.runUntil }) });
};

/** A call log line from one of the scenarios, as it is or mutated (kept on one line). */
const logLineArb = (scenarios: string[]) =>
  fc.tuple(fc.nat(), mutation, fc.boolean()).map(([which, m, keep]) => {
    const line = logLine(scenarios[which % scenarios.length]!);
    return keep ? line : mutate(line, m).replaceAll('\n', ' ');
  });

describe('fuzz: every command ends with exit 0, 1 or 2, no stack trace, in time', () => {
  it('validate: mutated flows and workspaces, text and --json', async () => {
    const d = await docs();
    await fc.assert(
      fc.asyncProperty(mutation, mutation, fc.boolean(), fc.boolean(), async (mf, mw, withWs, json) => {
        const p = await files({ 'flow.json': mutate(d.support, mf), 'ws.json': mutate(d.workspace, mw) });
        await runChecked(['validate', p['flow.json']!, ...(withWs ? ['--workspace', p['ws.json']!] : []), ...(json ? ['--json'] : [])]);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('simulate: mutated scenarios, workspaces and flows', async () => {
    const d = await docs();
    await fc.assert(
      fc.asyncProperty(fc.nat(), mutation, mutation, mutation, async (which, ms, mw, mf) => {
        const p = await files({ 'ws.json': mutate(d.workspace, mw), 'flow.json': mutate(d.support, mf) });
        const s = JSON.parse(d.scenarios[which % d.scenarios.length]!) as Record<string, unknown>;
        s.workspace = p['ws.json'];
        s.flow = p['flow.json'];
        const q = await files({ 'scenario.json': mutate(JSON.stringify(s), ms) });
        await runChecked(['simulate', q['scenario.json']!]);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('simulate --batch: mutated call logs (and odd --fields, --shard, --summary)', async () => {
    const d = await docs();
    const lineArb = logLineArb(d.scenarios);
    const options = fc.record({
      fields: fc.option(fc.constantFrom('all', 'none', 'segments,path', 'timeline', 'nope', ',', ''), { nil: undefined }),
      shard: fc.option(fc.constantFrom('1/1', '2/3', '0/1', 'auto', 'x'), { nil: undefined }),
      summary: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(lineArb, fc.constantFrom('', '\r', '\u0000', '{', 'null', '[]')), { maxLength: 20 }), options, async (lines, o) => {
        const p = await files({ 'calls.ndjson': lines.join('\n'), 'ws.json': d.workspace, 'flow.json': d.support });
        await runChecked([
          'simulate',
          '--batch',
          p['calls.ndjson']!,
          '-w',
          p['ws.json']!,
          '-f',
          p['flow.json']!,
          ...(o.fields === undefined ? [] : ['--fields', o.fields]),
          ...(o.shard === undefined ? [] : ['--shard', o.shard]),
          ...(o.summary ? ['--summary'] : []),
        ]);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('test: folders of mutated scenarios beside mutated flows and workspaces', async () => {
    const d = await docs();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 4 }), mutation, fc.boolean(), async (scenarios, mw, json) => {
        const contents: Record<string, string> = { 'workspace.json': mutate(d.workspace, mw), 'flow.json': d.support };
        scenarios.forEach(([which, m], i) => {
          const s = JSON.parse(d.scenarios[which % d.scenarios.length]!) as Record<string, unknown>;
          s.workspace = 'workspace.json';
          s.flow = 'flow.json';
          contents[`s${i}.json`] = mutate(JSON.stringify(s), m);
        });
        const p = await files(contents);
        await runChecked(['test', join(p['flow.json']!, '..'), ...(json ? ['--json'] : [])]);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('diff: mutated versions of a flow, with and without --ignore-layout and --json', async () => {
    const d = await docs();
    await fc.assert(
      fc.asyncProperty(mutation, mutation, fc.boolean(), fc.boolean(), async (mb, ma, ignore, json) => {
        const p = await files({ 'before.json': mutate(d.support, mb), 'after.json': mutate(d.support, ma) });
        await runChecked(['diff', p['before.json']!, p['after.json']!, ...(ignore ? ['--ignore-layout'] : []), ...(json ? ['--json'] : [])]);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('diff --calls: mutated logs through mutated versions', async () => {
    const d = await docs();
    const lineArb = logLineArb(d.scenarios);
    await fc.assert(
      fc.asyncProperty(fc.array(lineArb, { maxLength: 10 }), mutation, fc.boolean(), async (lines, ma, json) => {
        const p = await files({ 'calls.ndjson': lines.join('\n'), 'ws.json': d.workspace, 'before.json': d.support, 'after.json': mutate(d.support, ma) });
        await runChecked(['diff', '--calls', p['calls.ndjson']!, '-w', p['ws.json']!, p['before.json']!, p['after.json']!, ...(json ? ['--json'] : [])]);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('cover: mutated flows and workspaces, with --json and --out', async () => {
    const d = await docs();
    await fc.assert(
      fc.asyncProperty(mutation, mutation, fc.boolean(), fc.boolean(), fc.boolean(), async (mf, mw, withWs, json, write) => {
        const p = await files({ 'flow.json': mutate(d.payments, mf), 'ws.json': mutate(d.workspace, mw) });
        await runChecked([
          'cover',
          p['flow.json']!,
          ...(withWs ? ['--workspace', p['ws.json']!] : []),
          ...(json ? ['--json'] : []),
          ...(write ? ['--out', join(p['flow.json']!, '..', 'out')] : []),
        ]);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('odd command lines: unknown commands and options, missing values, stray arguments', async () => {
    const word = fc.constantFrom(
      'validate',
      'simulate',
      'test',
      'diff',
      'cover',
      '--batch',
      '--calls',
      '--workspace',
      '-w',
      '--flow',
      '--json',
      '--workers',
      '--fields',
      '--shard',
      '--summary',
      '--ignore-layout',
      '--help',
      '--version',
      '-',
      '--',
      '256',
      'auto',
      'examples/workspace.json',
      'examples/flows/support-line.json',
      'examples/scenarios',
      'examples/scenarios/payments-card.json',
      'no/such/file',
      '/dev/null',
      '\u001b[2J',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(word, { maxLength: 6 }), async (args) => {
        // Standard input is never read here: `-` with a batch finds none and says so.
        await runChecked(args);
      }),
      { numRuns: RUNS * 2 },
    );
  }, 120_000);
});
