/**
 * What a refused document tells its reader: for each kind of mistake in a
 * flow, workspace or scenario file, the JSON path and the plain sentence that
 * `recflow validate`, `recflow simulate` and the editor's import show (the
 * documented limits: ids, labels, sizes, versions, hostile keys).
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseScenario } from '../call/scenario.ts';
import { edges, flow, node } from '../checks/testkit.ts';
import { describeDiff, diffFlows } from './diff.ts';
import { type DocError, parseWithSchema, readJson, scanHostile, toJsonPath } from './errors.ts';
import { parseFlow } from './flow.ts';
import { migrateFlow, migrateWorkspace } from './migrations.ts';
import { parseWorkspace, WORKSPACE_VERSION } from './workspace.ts';

type Json = Record<string, unknown>;
const start = { id: 's', kind: 'start', position: { x: 0, y: 0 }, data: { label: 'S', numberIds: [] } };
const flowWith = (patch: Json = {}, nodes: Json[] = []): Json => ({
  format: 'recflow.flow',
  version: 2,
  id: 'f',
  name: 'F',
  nodes: [start, ...nodes],
  edges: [],
  ...patch,
});
const at = (id: string, kind: string, data: Json): Json => ({ id, kind, position: { x: 0, y: 0 }, data });
const errorsOf = (r: { ok: boolean; errors?: DocError[] }) => (r.ok ? [] : r.errors);

describe('flow documents: each mistake with its path and sentence', () => {
  it.each<[string, Json, DocError[]]>([
    ['a name that is a number', flowWith({ name: 12 }), [{ path: '$.name', message: 'must be text, not a number' }]],
    ['a name that is null', flowWith({ name: null }), [{ path: '$.name', message: 'must be text, not null' }]],
    ['a name that is true', flowWith({ name: true }), [{ path: '$.name', message: 'must be text, not true' }]],
    ['a name that is false', flowWith({ name: false }), [{ path: '$.name', message: 'must be text, not false' }]],
    ['a name that is an object', flowWith({ name: {} }), [{ path: '$.name', message: 'must be text, not an object' }]],
    ['an empty name', flowWith({ name: '' }), [{ path: '$.name', message: 'must not be empty' }]],
    ['a missing name', flowWith({ name: undefined }), [{ path: '$.name', message: 'is required' }]],
    ['an id with a space', flowWith({ id: 'x y' }), [{ path: '$.id', message: 'may hold only letters, digits, and _ . : -' }]],
    ['an id of 65 characters', flowWith({ id: 'a'.repeat(65) }), [{ path: '$.id', message: 'must be at most 64 characters' }]],
    ['another format', flowWith({ format: 'x' }), [{ path: '$.format', message: 'must be "recflow.flow"' }]],
    ['nodes that are not a list', flowWith({ nodes: 3 }), [{ path: '$.nodes', message: 'must be a list, not a number' }]],
    ['a field the flow does not have', flowWith({ colour: 'red' }), [{ path: '$.colour', message: 'is not a field this document has' }]],
    [
      'a position that is text',
      flowWith({}, [{ ...at('p', 'play', { label: 'P', text: 't', durationSeconds: 1, recordingNotice: false }), position: { x: 'a', y: 0 } }]),
      [{ path: '$.nodes[1].position.x', message: 'must be a number, not text' }],
    ],
    [
      'a Recording node with an unknown record value names the allowed ones',
      flowWith({}, [at('r', 'recording', { label: 'R', record: 'maybe', channels: 'default', agentPause: 'default' })]),
      [{ path: '$.nodes[1].data.record', message: 'must be one of "on", "off"' }],
    ],
    [
      'a recording notice that is text',
      flowWith({}, [at('p', 'play', { label: 'P', text: 't', durationSeconds: 1, recordingNotice: 'yes' })]),
      [{ path: '$.nodes[1].data.recordingNotice', message: 'must be true or false, not text' }],
    ],
    [
      'a duration in fractions of a second',
      flowWith({}, [at('p', 'play', { label: 'P', text: 't', durationSeconds: 1.5, recordingNotice: false })]),
      [{ path: '$.nodes[1].data.durationSeconds', message: 'must be a whole number of seconds' }],
    ],
    [
      'a menu timeout of 0 seconds',
      flowWith({}, [at('m', 'menu', { label: 'M', prompt: 'p', options: [], timeoutSeconds: 0 })]),
      [{ path: '$.nodes[1].data.timeoutSeconds', message: 'must be at least 1 second' }],
    ],
    [
      'a label over 200 characters',
      flowWith({}, [at('p', 'play', { label: 'x'.repeat(201), text: 't', durationSeconds: 1, recordingNotice: false })]),
      [{ path: '$.nodes[1].data.label', message: 'must be at most 200 characters' }],
    ],
    ['an empty source port', flowWith({ edges: [{ id: 'e', source: 's', sourcePort: '', target: 's' }] }), [{ path: '$.edges[0].sourcePort', message: 'must be at least 1 character' }]],
    [
      'a transfer target of an unknown type names the allowed types',
      flowWith({}, [at('t', 'transfer', { label: 'T', target: { type: 'fax' }, ringTimeoutSeconds: 30 })]),
      [{ path: '$.nodes[1].data.target.type', message: 'must be one of "agent", "ringGroup", "extension", "external"' }],
    ],
    [
      'an assign target that is neither unchosen nor an id',
      flowWith({}, [at('a', 'assign', { label: 'A', target: { type: 'agent', agentId: 'x y' }, ringTimeoutSeconds: 30 })]),
      [{ path: '$.nodes[1].data.target.agentId', message: 'may hold only letters, digits, and _ . : -' }],
    ],
    [
      'a menu with 13 options',
      flowWith({}, [
        at('m', 'menu', { label: 'M', prompt: 'p', options: Array.from({ length: 13 }, () => ({ digit: '1', label: '' })), timeoutSeconds: 5 }),
      ]),
      [{ path: '$.nodes[1].data.options', message: 'must have at most 12 options' }],
    ],
  ])('%s', (_name, doc, errors) => {
    expect(errorsOf(parseFlow(doc))).toEqual(errors);
  });

  it('a flow over the node limit says how many nodes it has and the limit', () => {
    const nodes = Array.from({ length: 5001 }, (_, i) => at(`n${i}`, 'hangup', { label: '' }));
    expect(errorsOf(parseFlow(flowWith({ nodes })))).toEqual([{ path: '$.nodes', message: 'the flow has 5001 nodes; at most 5000 are allowed' }]);
  });

  it('versions: a newer one asks to update Recflow, one that never existed is named, and each step is applied in turn', () => {
    expect(errorsOf(parseFlow(flowWith({ version: 3 })))).toEqual([
      { path: '$.version', message: 'this flow is version 3, newer than this Recflow understands (up to 2); update Recflow to open it' },
    ]);
    expect(errorsOf(parseFlow(flowWith({ version: 0 })))).toEqual([{ path: '$.version', message: 'version 0 is not a flow version Recflow has ever written' }]);
    const newer = WORKSPACE_VERSION + 1;
    expect(errorsOf(parseWorkspace({ format: 'recflow.workspace', version: newer }))).toEqual([
      { path: '$.version', message: `this workspace is version ${newer}, newer than this Recflow understands (up to ${WORKSPACE_VERSION}); update Recflow to open it` },
    ]);
    // A version that is not a whole number is left for the schema to refuse with its path.
    expect(migrateFlow({ version: 1.5 })).toEqual({ ok: true, value: { version: 1.5 } });
    expect(migrateFlow({ version: '1' })).toEqual({ ok: true, value: { version: '1' } });
    expect(migrateFlow([1])).toEqual({ ok: true, value: [1] });
    // A version 1 workspace is lifted step by step to the current one.
    expect(migrateWorkspace({ version: 1, name: 'W' })).toEqual({ ok: true, value: { version: WORKSPACE_VERSION, name: 'W' } });
  });

  it('version 1 → 2 renames type and sourceHandle, and leaves anything else as it was', () => {
    const v1 = {
      version: 1,
      nodes: [{ id: 'a', type: 'start' }, { id: 'b', kind: 'play' }, 'junk'],
      edges: [{ id: 'e', source: 'a', sourceHandle: 'next', target: 'b' }, { id: 'f', sourcePort: 'x' }, null],
    };
    expect(migrateFlow(v1)).toEqual({
      ok: true,
      value: {
        version: 2,
        nodes: [{ id: 'a', kind: 'start' }, { id: 'b', kind: 'play' }, 'junk'],
        edges: [{ id: 'e', source: 'a', sourcePort: 'next', target: 'b' }, { id: 'f', sourcePort: 'x' }, null],
      },
    });
    expect(migrateFlow({ version: 1, nodes: 'none', edges: 7 })).toEqual({ ok: true, value: { version: 2, nodes: 'none', edges: 7 } });
  });
});

describe('workspace documents: each mistake with its path and sentence', () => {
  const ws = (patch: Json): Json => ({ format: 'recflow.workspace', version: 1, ...patch });
  it.each<[string, Json, DocError[]]>([
    ['R20: a retention of 0 months', ws({ account: { autoDelete: { months: 0 } } }), [{ path: '$.account.autoDelete.months', message: 'must be at least 1' }]],
    ['R20: a retention of 121 months', ws({ account: { autoDelete: { months: 121 } } }), [{ path: '$.account.autoDelete.months', message: 'must be at most 120' }]],
    ['R1: a setting that is not true or false', ws({ account: { agentPause: 'yes' } }), [{ path: '$.account.agentPause', message: 'must be true or false, not text' }]],
    ['a phone number that is not one', ws({ numbers: [{ id: 'n', number: 'abc' }] }), [{ path: '$.numbers[0].number', message: 'must be a phone number such as +15550100' }]],
    [
      'R2: an override value that is not a tri-state names the allowed ones',
      ws({ numbers: [{ id: 'n', number: '+15550100', override: { inbound: 'on' } }] }),
      [{ path: '$.numbers[0].override.inbound', message: 'must be one of "inherit", "enabled", "disabled"' }],
    ],
    [
      'R22: a scope that is not one names the allowed ones',
      ws({ roles: [{ id: 'r', name: 'R', listen: { scope: 'team' } }] }),
      [{ path: '$.roles[0].listen.scope', message: 'must be one of "all", "ringGroup", "agent"' }],
    ],
    ['an agent without a name', ws({ agents: [{ id: 'a', name: '', roleId: 'r' }] }), [{ path: '$.agents[0].name', message: 'must be at least 1 character' }]],
    ['a field the workspace does not have', ws({ startedAt: 1 }), [{ path: '$.startedAt', message: 'is not a field this document has' }]],
    [
      'a flow inside it that is refused, under $.flows[i]',
      ws({ flows: [{ format: 'recflow.flow', version: 2, id: 'f', name: 'F', nodes: 3, edges: [] }] }),
      [{ path: '$.flows[0].nodes', message: 'must be a list, not a number' }],
    ],
    [
      'two flows with one id',
      ws({ flows: [flowWith(), flowWith()] }),
      [{ path: '$.flows[1].id', message: 'duplicate flow id "f"' }],
    ],
  ])('%s', (_name, doc, errors) => {
    expect(errorsOf(parseWorkspace(doc))).toEqual(errors);
  });
});

describe('scenario documents: each mistake with its path and sentence', () => {
  const call = { direction: 'inbound', numberId: 'n', callerNumber: '+15550111' };
  it.each<[string, Json, DocError[]]>([
    ['a caller number that is not one', { call: { ...call, callerNumber: 'x' }, actions: [] }, [{ path: '$.call.callerNumber', message: 'must be a phone number such as +15550100' }]],
    ['a negative time', { call, actions: [{ at: -1, type: 'wait' }] }, [{ path: '$.actions[0].at', message: 'must be ≥ 0 seconds' }, { path: '$.actions[0].at', message: 'time goes backwards: -1s comes after 0s' }]],
    ['a time over a week', { call, actions: [{ at: 604801, type: 'wait' }] }, [{ path: '$.actions[0].at', message: 'must be at most a week (604800 s)' }]],
    ['a key that is not one', { call, actions: [{ at: 1, type: 'press', digit: 'A' }] }, [{ path: '$.actions[0].digit', message: 'must be one key: 0-9, * or #' }]],
    [
      'a party that is not one',
      { call, actions: [{ at: 1, type: 'hangUp', party: 'boss' }] },
      [{ path: '$.actions[0].party', message: 'must be "contact", "agent:<id>", "external:<number>" or "extension:<system>:<ext>"' }],
    ],
    [
      'a time going backwards names both times',
      { call, actions: [{ at: 9, type: 'wait' }, { at: 2, type: 'wait' }, { at: 3, type: 'wait' }] },
      [
        { path: '$.actions[1].at', message: 'time goes backwards: 2s comes after 9s' },
        { path: '$.actions[2].at', message: 'time goes backwards: 3s comes after 9s' },
      ],
    ],
    ['runUntil before the last action names it', { call, actions: [{ at: 9, type: 'wait' }], runUntil: 8 }, [{ path: '$.runUntil', message: 'must not be before the last action (9s)' }]],
  ])('%s', (_name, doc, errors) => {
    expect(errorsOf(parseScenario(doc))).toEqual(errors);
  });

  it('runUntil at the last action, and times that stay put, are fine', () => {
    expect(parseScenario({ call, actions: [{ at: 9, type: 'wait' }, { at: 9, type: 'wait' }], runUntil: 9 }).ok).toBe(true);
  });

  it(`refuses more than 10,000 actions, naming the limit`, () => {
    const actions = Array.from({ length: 10_001 }, () => ({ at: 1, type: 'wait' }));
    expect(errorsOf(parseScenario({ call, actions }))).toEqual([{ path: '$.actions', message: 'must have at most 10000 actions' }]);
  });
});

describe('reading any document (limits: 5 MB, 64 levels, no prototype keys)', () => {
  it('JSON paths quote keys that are not plain names', () => {
    expect(toJsonPath(['nodes', 2, 'data', 'label'])).toBe('$.nodes[2].data.label');
    expect(toJsonPath(['a b', '_x', '$y', '9z'])).toBe('$["a b"]._x.$y["9z"]');
  });

  it('hostile keys are named at their path; depth beyond 64 levels is refused once', () => {
    expect(scanHostile(JSON.parse('{"a": [{"__proto__": 1}], "constructor": {}, "b": {"prototype": 2}}'))).toEqual([
      { path: '$.constructor', message: 'the key "constructor" is not allowed' },
      { path: '$.b.prototype', message: 'the key "prototype" is not allowed' },
      { path: '$.a[0].__proto__', message: 'the key "__proto__" is not allowed' },
    ]);
    let deep: unknown = 1;
    for (let i = 0; i < 65; i++) deep = [deep];
    expect(scanHostile(deep)).toEqual([]);
    deep = [deep];
    expect(scanHostile(deep)).toEqual([{ path: `$${'[0]'.repeat(65)}`, message: 'nested deeper than 64 levels' }]);
  });

  it('stops listing hostile keys after the limit', () => {
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, JSON.parse('{"__proto__": 1}')]));
    expect(scanHostile(many)).toHaveLength(20);
    expect(scanHostile(many, 3)).toHaveLength(3);
  });

  it('bad JSON says so with the parser’s reason; a byte-order mark is not part of it', () => {
    const bad = readJson('{"a": ');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors[0]!.path).toBe('$');
    expect(!bad.ok && bad.errors[0]!.message).toMatch(/^not valid JSON: ./);
    expect(readJson('\uFEFF{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(readJson({ a: 1 })).toEqual({ ok: true, value: { a: 1 } });
  });

  it('5 MB of UTF-8 is the limit, counted in bytes', () => {
    const limit = 5 * 1024 * 1024;
    const fits = `"${'a'.repeat(limit - 2)}"`;
    expect(readJson(fits).ok).toBe(true);
    expect(readJson(`${fits} `)).toEqual({ ok: false, errors: [{ path: '$', message: 'the document is larger than 5 MB' }] });
    // 1.4 M three-byte characters: 4.2 MB of UTF-8 in fewer than 1.5 M characters.
    const wide = `"${'€'.repeat(1_400_000)}"`;
    expect(readJson(wide).ok).toBe(true);
    expect(readJson(`"${'€'.repeat(1_800_000)}"`).ok).toBe(false);
  });

  it('plain wording for any schema: formats, list sizes in items, values that are not finite, unknown issues left to zod', () => {
    expect(parseWithSchema(z.email(), 'x')).toEqual({ ok: false, errors: [{ path: '$', message: 'is not a valid email' }] });
    expect(parseWithSchema(z.array(z.number()).min(1), [])).toEqual({ ok: false, errors: [{ path: '$', message: 'must be at least 1 item' }] });
    expect(parseWithSchema(z.array(z.number()).max(2), [1, 2, 3])).toEqual({ ok: false, errors: [{ path: '$', message: 'must be at most 2 items' }] });
    expect(parseWithSchema(z.string().min(2), 'a')).toEqual({ ok: false, errors: [{ path: '$', message: 'must be at least 2 characters' }] });
    expect(parseWithSchema(z.set(z.number()).min(1), new Set())).toEqual({ ok: false, errors: [{ path: '$', message: 'must be at least 1 item' }] });
    expect(parseWithSchema(z.string(), Number.POSITIVE_INFINITY)).toEqual({ ok: false, errors: [{ path: '$', message: 'must be text, not a non-finite number' }] });
    expect(parseWithSchema(z.string(), 10n)).toEqual({ ok: false, errors: [{ path: '$', message: 'must be text, not bigint' }] });
    expect(parseWithSchema(z.number().int(), 'x')).toEqual({ ok: false, errors: [{ path: '$', message: 'must be a number, not text' }] });
    expect(parseWithSchema(z.null(), 1)).toEqual({ ok: false, errors: [{ path: '$', message: 'must be null, not a number' }] });
    expect(parseWithSchema(z.bigint(), 1)).toEqual({ ok: false, errors: [{ path: '$', message: 'must be bigint, not a number' }] });
    expect(parseWithSchema(z.strictObject({ a: z.number() }), { a: 1, b: 2, c: 3 }, ['x'])).toEqual({
      ok: false,
      errors: [
        { path: '$.x.b', message: 'is not a field this document has' },
        { path: '$.x.c', message: 'is not a field this document has' },
      ],
    });
    expect(parseWithSchema(z.union([z.string(), z.number()]), true)).toEqual({ ok: false, errors: [{ path: '$', message: 'does not match any allowed shape' }] });
    const zods = parseWithSchema(z.number().multipleOf(5), 3);
    expect(zods.ok).toBe(false);
    expect(!zods.ok && zods.errors[0]!.message).toMatch(/5/);
  });
});

describe('describing a diff (recflow diff, the Compare panel)', () => {
  it('one line per change: flow properties, nodes by title and label, then connections', () => {
    const before = flow(
      [node('s', 'start'), node('p', 'play', { label: 'Hello', text: 'Hi' }), node('m', 'menu', { label: '' }), node('old', 'hangup', { label: 'Bye' }), node('gone', 'hangup', { label: '' })],
      edges('s.next>p', 'p.next>m', 'm.1>old', 'm.2>old'),
    );
    const after = flow(
      [node('s', 'start'), node('p', 'play', { label: 'Hello', text: 'Hello there' }), node('m', 'menu', { label: '' }), node('new', 'voicemail', { label: '' }), node('old', 'hangup', { label: 'Bye' })],
      edges('s.next>p', 'p.next>new', 'm.1>new', 'm.timeout>old'),
    );
    after.name = 'Renamed';
    after.description = 'd';
    after.nodes[0]!.position = { x: 5, y: 0 };
    after.nodes[1]!.position = { x: 1, y: 1 };
    const d = diffFlows(before, after);
    expect(d.counts).toEqual({ added: 1, removed: 1, changed: 1, moved: 1, connections: 4 });
    expect(d).toMatchObject({ identical: false, layoutOnly: false });
    expect(describeDiff(d)).toEqual([
      'flow        name: "Test" → "Renamed"',
      'flow        description: not set → "d"',
      'moved       Start "Incoming call" (s)',
      'changed     Play "Hello" (p) (also moved)',
      '              text: "Hi" → "Hello there"',
      'added       Voicemail "new"',
      'removed     Hang up "gone"',
      'rewired     "p" port "next": "m" → "new"',
      'rewired     "m" port "1": "old" → "new"',
      'unconnected "m" port "2" (was → "old")',
      'connected   "m" port "timeout" → "old"',
    ]);
    // A re-layout can be left out: the Start that only moved is no change then, the Play still is.
    expect(diffFlows(before, after, { ignoreLayout: true }).nodes.map((n) => [n.id, n.change])).toEqual([
      ['p', 'changed'],
      ['new', 'added'],
      ['gone', 'removed'],
    ]);
  });

  it('a flow that only moved is layout only; a changed kind and endsCall are changes', () => {
    const a = flow([node('s', 'start'), node('x', 'hangup', { label: 'X' })], edges('s.next>x'));
    const moved = structuredClone(a);
    moved.nodes[1]!.position = { x: 0, y: 9 };
    expect(diffFlows(a, moved)).toMatchObject({ identical: false, layoutOnly: true, counts: { moved: 1 } });
    expect(diffFlows(a, moved, { ignoreLayout: true })).toMatchObject({ identical: true, layoutOnly: false, nodes: [] });
    const kind = flow([node('s', 'start'), node('x', 'voicemail', { label: 'X' }, ['next'])], edges('s.next>x'));
    expect(diffFlows(a, kind).nodes[0]!.fields.slice(0, 1)).toEqual([{ field: 'kind', before: 'hangup', after: 'voicemail' }]);
    expect(diffFlows(a, kind).nodes[0]!.fields.at(-1)).toEqual({ field: 'endsCall', before: [], after: ['next'] });
    const reordered = structuredClone(kind);
    reordered.nodes[1]!.endsCall = ['next', 'next'];
    expect(diffFlows(kind, reordered).identical).toBe(true);
  });
});
