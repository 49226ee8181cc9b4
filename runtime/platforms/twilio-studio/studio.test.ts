/**
 * Twilio Studio import and export on flow definitions written for these tests
 * from Studio's widget pages (fixtures/), the refusals Studio's schema would
 * make, and the round trip: an unedited import exports back every state with
 * the same name, type, transitions and properties (offset aside), and the same
 * initial_state, flags and description.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { StudioState } from '../../../nodes/kit/twilio.ts';
import { checkFlow } from '../../checks/checkFlow.ts';
import { simulate } from '../../call/scenario.ts';
import type { FlowDoc, FlowNode } from '../../document/flow.ts';
import { parseWorkspace } from '../../document/workspace.ts';
import { describeImport, type ImportOutcome } from '../format.ts';
import { detectFormat, importPlatformFlow } from '../formats.ts';
import { loadExampleWorkspace } from '../../../examples/index.ts';
import { roundTripDifferences } from './document.ts';
import { exportStudioFlow } from './export.ts';
import { tooManyStates } from './fixtures/tooManyStates.ts';
import { validateStudioDefinition } from './widgets.ts';

const here = dirname(fileURLToPath(import.meta.url));
const text = (name: string) => readFileSync(join(here, 'fixtures', name), 'utf8');
const imported = (name: string) => {
  const outcome = importPlatformFlow(text(name));
  if (!outcome.ok) throw new Error(`${name}: ${JSON.stringify(outcome.errors)}`);
  return outcome;
};
type Ok = Extract<ImportOutcome, { ok: true }>;
const rowsOf = (o: Ok) => o.report.rows.map((r) => [r.actionId, r.actionType, r.kind, r.fidelity]);
const notesOf = (o: Ok, id: string) => o.report.rows.find((r) => r.actionId === id)!.notes.map((n) => [n.fidelity, n.path]);
const node = (flow: FlowDoc, id: string) => flow.nodes.find((n) => n.id === id) as FlowNode & { data: Record<string, unknown> };
const edge = (flow: FlowDoc, source: string, port: string) => flow.edges.find((e) => e.source === source && e.sourcePort === port)?.target;
interface Definition {
  description: string;
  states: StudioState[];
  initial_state: string;
  flags: Record<string, unknown>;
}
const withoutOffset = (s: StudioState) => {
  const { offset: _offset, ...properties } = s.properties;
  return JSON.stringify({ name: s.name, type: s.type, transitions: s.transitions, properties });
};

const FIXTURES = [
  'support-line.json',
  'after-hours-voicemail.json',
  'subflow-function.json',
  'agent-record-option.json',
  'messages-and-unknown.json',
  'no-offsets.json',
  'starts-at-greeting.json',
  'two-triggers-payments.json',
  'digit-menus.json',
];

describe('Twilio Studio import: each widget read by its kind, with the report', () => {
  it('support line: trigger, a notice, recording on in dual channels, a gather, a split on its digits, Flex and a number', () => {
    const o = imported('support-line.json');
    expect(o.report.format).toBe('twilio-studio');
    expect(rowsOf(o)).toEqual([
      ['Trigger', 'trigger', 'start', 'simulated'],
      ['greeting', 'say-play', 'play', 'approximated'],
      ['start_recording', 'record-call', 'recording', 'simulated'],
      ['main_menu', 'gather-input-on-call', 'menu', 'simulated'],
      ['greeting_again', 'say-play', 'play', 'approximated'],
      ['route_digits', 'split-based-on', 'menu', 'simulated'],
      ['main_menu_again', 'say-play', 'play', 'approximated'],
      ['billing_queue', 'send-to-flex', 'queue', 'simulated'],
      ['engineer', 'connect-call-to', 'transfer', 'simulated'],
    ]);
    const f = o.flow;
    expect(f.name).toBe('Support line');
    // The trigger is the flow's entry: no node is added, and calls enter by incomingCall.
    expect(o.report.added).toEqual([]);
    expect(f.nodes[0]!.id).toBe('Trigger');
    expect(edge(f, 'Trigger', 'next')).toBe('greeting');
    expect(node(f, 'greeting').data).toMatchObject({ recordingNotice: true, durationSeconds: 4 });
    expect(node(f, 'greeting_again').data).toMatchObject({ durationSeconds: 6 });
    expect(node(f, 'start_recording').data).toMatchObject({ record: 'on', channels: 'dual' });
    expect(notesOf(o, 'start_recording')).toEqual([['not-simulated', '$.states[2].transitions[1]']]);
    // Recording on and its channels are simulated: the row says so, its note names the part that is not.
    const text = describeImport(o.report);
    expect(text).toMatch(/^ {2}simulated {5}record-call → recording "start_recording"/m);
    expect(text).toMatch(/^ {6}not-simulated \(one part\): the failed transition is taken on Studio/m);
    expect(text).toMatch(/^Twilio Studio: 9 widgets imported — 6 simulated, 3 approximated, 0 not simulated \(3 with a part not simulated\)$/m);
    // The gather and the split on its Digits are one Menu: a port per key, noMatch the invalid port, the
    // timeout port follows timeout; speech has no next here. The split is no node of its own.
    expect(node(f, 'main_menu').data).toMatchObject({
      timeoutSeconds: 6,
      options: [
        { digit: '1', label: 'billing' },
        { digit: '2', label: 'engineer' },
      ],
    });
    expect(edge(f, 'main_menu', '1')).toBe('billing_queue');
    expect(edge(f, 'main_menu', '2')).toBe('engineer');
    expect(edge(f, 'main_menu', 'invalid')).toBe('main_menu_again');
    expect(edge(f, 'main_menu', 'timeout')).toBe('greeting_again');
    expect(f.nodes.some((n) => n.id === 'route_digits')).toBe(false);
    expect(o.report.rows[5]).toMatchObject({ nodeId: 'main_menu', path: '$.states[5]', notes: [{ message: expect.stringMatching(/read with the gather "main_menu" as one Menu/) }] });
    // R25: Flex's workflow is a ring group of the workspace; failing to enqueue leaves by error.
    expect(node(f, 'billing_queue').data).toMatchObject({ queueName: 'WW0000000000000000000000000000billing', target: { type: 'ringGroup' } });
    expect(edge(f, 'billing_queue', 'error')).toBe('main_menu_again');
    expect(node(f, 'engineer').data).toMatchObject({ target: { type: 'external', number: '+15550123456' }, ringTimeoutSeconds: 20 });
    // A transition with no next ends the call there.
    expect(node(f, 'greeting_again').endsCall).toEqual(['next']);
    expect(node(f, 'engineer').endsCall).toEqual(['failed']);
    // Positions from properties.offset.
    expect(node(f, 'engineer').position).toEqual({ x: 400, y: 1000 });
    expect(o.workspace.platform).toBe('twilio-studio');
  });

  it('after hours: an HTTP request and set-variables kept as steps, a split, Enqueue Call, a long voicemail', () => {
    const o = imported('after-hours-voicemail.json');
    expect(rowsOf(o)).toEqual([
      ['Trigger', 'trigger', 'start', 'simulated'],
      ['check_hours', 'make-http-request', 'step', 'not-simulated'],
      ['open_or_closed', 'split-based-on', 'decision', 'not-simulated'],
      ['front_desk', 'enqueue-call', 'queue', 'approximated'],
      ['leave_message', 'record-voicemail', 'voicemail', 'approximated'],
      ['remember_caller', 'set-variables', 'step', 'not-simulated'],
    ]);
    const f = o.flow;
    expect(node(f, 'check_hours').data).toMatchObject({ action: 'http', system: 'https://hours.example.com/open' });
    expect(edge(f, 'check_hours', 'next')).toBe('open_or_closed');
    expect(edge(f, 'check_hours', 'error')).toBe('leave_message');
    expect(node(f, 'open_or_closed').data).toMatchObject({ outcomes: [{ name: 'If value equal_to open' }] });
    // R19: the message is at most 600 s in Recflow, 7200 s on Studio: reported at max_length.
    expect(node(f, 'leave_message').data).toMatchObject({ maxLengthSeconds: 600 });
    expect(notesOf(o, 'leave_message')).toEqual([
      ['approximated', '$.states[4].properties.max_length'],
      ['not-simulated', '$.states[4].properties.transcribe'],
    ]);
    expect(edge(f, 'leave_message', 'next')).toBe('remember_caller');
    expect(o.workspace.ringGroups.map((g) => g.name)).toEqual(['front-desk']);
  });

  it('subflow and function: run-function as a step, run-subflow as a flow that returns, Enqueue Call by workflow', () => {
    const o = imported('subflow-function.json');
    expect(rowsOf(o)).toEqual([
      ['Trigger', 'trigger', 'start', 'not-simulated'],
      ['lookup_account', 'run-function', 'step', 'not-simulated'],
      ['verify_identity', 'run-subflow', 'flow', 'simulated'],
      ['fallback_queue', 'enqueue-call', 'queue', 'approximated'],
      ['sorry', 'say-play', 'play', 'approximated'],
    ]);
    // The parent (subflow) trigger is kept and reported.
    expect(notesOf(o, 'Trigger')).toEqual([['not-simulated', '$.states[0].transitions[1]']]);
    const f = o.flow;
    expect(node(f, 'verify_identity').data).toMatchObject({ returns: true });
    expect(edge(f, 'verify_identity', 'next')).toBe('fallback_queue');
    // R28: the subflow is a flow of the workspace (empty until it is imported too).
    const flowId = node(f, 'verify_identity').data.flowId as string;
    expect(o.workspace.flows.map((x) => x.id)).toContain(flowId);
    expect(edge(f, 'fallback_queue', 'error')).toBe('sorry');
  });

  it('an agent with the record option, recording on in mono and off, a conference kept as a step', () => {
    const o = imported('agent-record-option.json');
    expect(rowsOf(o)).toEqual([
      ['Trigger', 'trigger', 'start', 'simulated'],
      ['notice', 'say-play', 'play', 'approximated'],
      ['recording_on', 'record-call', 'recording', 'simulated'],
      ['ring_agent', 'connect-call-to', 'transfer', 'approximated'],
      ['recording_off', 'record-call', 'recording', 'simulated'],
      ['conference_room', 'connect-call-to', 'step', 'not-simulated'],
    ]);
    const f = o.flow;
    expect(node(f, 'recording_on').data).toMatchObject({ record: 'on', channels: 'mono' });
    expect(node(f, 'recording_off').data).toMatchObject({ record: 'off', channels: 'default' });
    // The client is an agent of the workspace; the record option is reported where it is written.
    expect(node(f, 'ring_agent').data).toMatchObject({ target: { type: 'agent', agentId: 'alex' } });
    expect(o.workspace.agents.map((a) => a.id)).toContain('alex');
    expect(notesOf(o, 'ring_agent')).toContainEqual(['approximated', '$.states[3].properties.record']);
    expect(notesOf(o, 'conference_room')[0]).toEqual(['not-simulated', '$.states[5]']);
  });

  it('messages and an unknown widget: message triggers kept, send-and-wait-for-reply kept verbatim, speech approximated', () => {
    const o = imported('messages-and-unknown.json');
    expect(rowsOf(o)).toEqual([
      ['Trigger', 'trigger', 'start', 'not-simulated'],
      ['reply_by_text', 'send-and-wait-for-reply', 'step', 'not-simulated'],
      ['ask_reason', 'gather-input-on-call', 'menu', 'approximated'],
      ['text_link', 'send-message', 'step', 'not-simulated'],
      ['goodbye', 'say-play', 'play', 'approximated'],
    ]);
    expect(notesOf(o, 'Trigger')).toEqual([
      ['not-simulated', '$.states[0].transitions[0]'],
      ['not-simulated', '$.states[0].transitions[2]'],
    ]);
    expect(notesOf(o, 'ask_reason')).toContainEqual(['approximated', '$.states[2].properties.input']);
    // The widget Recflow does not model is kept whole in the step, so nothing is dropped.
    expect(node(o.flow, 'reply_by_text').data.original).toEqual(JSON.parse(text('messages-and-unknown.json')).states[1]);
    // A dynamic prompt's length is unknown.
    expect(node(o.flow, 'goodbye').data).toMatchObject({ durationSeconds: 5 });
  });

  it('no offsets: laid out from the trigger; a transition back into the flow keeps its edge', () => {
    const o = imported('no-offsets.json');
    expect(rowsOf(o)).toEqual([
      ['Trigger', 'trigger', 'start', 'simulated'],
      ['hello', 'say-play', 'play', 'approximated'],
      ['dial_out', 'connect-call-to', 'transfer', 'approximated'],
    ]);
    const f = o.flow;
    expect(new Set(f.nodes.map((n) => `${n.position.x},${n.position.y}`)).size).toBe(3);
    expect(edge(f, 'dial_out', 'failed')).toBe('hello');
  });

  it('starts at a greeting: no trigger, so Recflow adds the entry (reported), and export starts where the file did', () => {
    const o = imported('starts-at-greeting.json');
    expect(rowsOf(o)).toEqual([
      ['welcome', 'say-play', 'play', 'approximated'],
      ['record_everything', 'record-call', 'recording', 'simulated'],
      ['sales', 'send-to-flex', 'queue', 'simulated'],
      ['message', 'record-voicemail', 'voicemail', 'approximated'],
    ]);
    expect(o.report.added).toEqual([{ nodeId: 'start', kind: 'start', why: expect.stringContaining('no trigger starts the flow: leading to the initial state "welcome"') }]);
    expect(o.report.problems).toEqual([{ severity: 'warning', path: '$.initial_state', message: expect.stringContaining('not a trigger') }]);
    expect(edge(o.flow, 'start', 'next')).toBe('welcome');
    // Studio's default message length, 3600 s, is more than Recflow simulates.
    expect(notesOf(o, 'message')).toEqual([['approximated', '$.states[3].properties.max_length']]);
  });

  it('two triggers and a payment: calls enter at the initial trigger, the other and capture-payments are kept as steps', () => {
    const o = imported('two-triggers-payments.json');
    expect(rowsOf(o)).toEqual([
      ['Trigger', 'trigger', 'start', 'simulated'],
      ['pause_note', 'say-play', 'play', 'approximated'],
      ['take_payment', 'capture-payments', 'step', 'not-simulated'],
      ['thanks', 'say-play', 'play', 'approximated'],
      ['Spare_Trigger', 'trigger', 'step', 'not-simulated'],
    ]);
    expect(o.report.rows[4]!.notes[0]!.message).toMatch(/calls enter at the initial state only/);
    expect(edge(o.flow, 'take_payment', 'next')).toBe('thanks');
    expect(node(o.flow, 'take_payment').endsCall).toEqual(['error']);
  });

  it.each(FIXTURES)('%s: the flow and its workspace read back, and every state is a node', (name) => {
    const o = imported(name);
    const ws = parseWorkspace(JSON.parse(JSON.stringify(o.workspace)));
    expect(ws.ok).toBe(true);
    // A state read as part of another's node (a split on a gather's digits) shares that node.
    expect(o.flow.nodes.map((n) => n.id).sort()).toEqual([...new Set(o.report.rows.map((r) => r.nodeId)), ...o.report.added.map((a) => a.nodeId)].sort());
    expect(o.report.rows).toHaveLength(JSON.parse(text(name)).states.length);
    // Only what the message and request triggers reach is beyond a call (C1).
    const errors = checkFlow(o.flow, { workspace: o.workspace }).filter((p) => p.severity === 'error');
    const beyondACall: Record<string, string[]> = { 'messages-and-unknown.json': ['C1-unreachable reply_by_text'], 'two-triggers-payments.json': ['C1-unreachable Spare_Trigger'] };
    expect(errors.map((p) => `${p.code} ${p.nodeId}`)).toEqual(beyondACall[name] ?? []);
    expect(detectFormat(text(name))).toMatchObject({ ok: true, format: { name: 'twilio-studio' } });
  });

  it('a call through the support line on the Twilio preset records from the recording widget on (R31: the IVR part is recorded)', () => {
    const o = imported('support-line.json');
    const r = simulate(o.workspace, o.flow, { call: { direction: 'inbound', numberId: o.workspace.numbers[0]!.id, callerNumber: '+15550111' }, actions: [], runUntil: 30 });
    expect(r.path.slice(0, 4)).toEqual(['Trigger', 'greeting', 'start_recording', 'main_menu']);
    expect(r.segments.length).toBeGreaterThan(0);
    expect(r.segments[0]!.start).toBe(4);
  });
});

describe('Twilio Studio refusals, each with its JSON path', () => {
  const refused = (name: string) => importPlatformFlow(text(`refused/${name}`), 'twilio-studio');
  it.each([
    ['not-studio.json', '$', /not a Twilio Studio flow definition/],
    ['legacy-export.json', '$.InitialState', /legacy export \(InitialState, ConnectCaller\)/],
    ['initial-names-nothing.json', '$.initial_state', /names no state: there is no state "Start"/],
    ['next-names-nothing.json', '$.states[1].transitions[0].next', /names no state: there is no state "menu"/],
    ['duplicate-names.json', '$.states[2].name', /duplicate state name "hello" \(first at \$\.states\[1\]\)/],
  ])('%s', (name, path, message) => {
    const o = refused(name);
    expect(o.ok).toBe(false);
    if (o.ok) return;
    expect(o.errors[0]!.path).toBe(path);
    expect(o.errors[0]!.message).toMatch(message);
  });

  it('the legacy export is named when the format is told from the content too', () => {
    const o = importPlatformFlow(text('refused/legacy-export.json'));
    expect(o).toMatchObject({ ok: false, errors: [{ path: '$.InitialState' }] });
  });

  it('over 1000 states', () => {
    const o = importPlatformFlow(tooManyStates(), 'twilio-studio');
    expect(o).toMatchObject({ ok: false, errors: [{ path: '$.states', message: expect.stringMatching(/1001 states: Studio accepts at most 1000/) }] });
  });
});

describe('Twilio Studio round trip: an unedited import exports back as it came', () => {
  it.each(FIXTURES)('%s: every state with the same name, type, transitions and properties; the same initial_state, flags and description', (name) => {
    const original = JSON.parse(text(name)) as Definition;
    const out = exportStudioFlow(imported(name).flow);
    if (!out.ok) throw new Error('export failed');
    const back = JSON.parse(out.text) as Definition;
    // Studio finds states by name: a state written beside the one it was read with may move in the list.
    expect(back.states.map(withoutOffset).sort()).toEqual(original.states.map(withoutOffset).sort());
    expect(back.initial_state).toBe(original.initial_state);
    expect(back.flags).toEqual(original.flags);
    expect(back.description).toBe(original.description);
    expect(roundTripDifferences(original, back)).toEqual([]);
    expect(out.report.rows.every((r) => r.origin === 'unchanged')).toBe(true);
    // The export reads back as a Studio definition.
    expect(importPlatformFlow(out.text).ok).toBe(true);
  });

  it('roundTripDifferences names what an export changed, by JSON path, and ignores positions, key order and the order of the states', () => {
    const original = JSON.parse(text('support-line.json')) as Definition;
    const moved = structuredClone(original);
    moved.states[1]!.properties = { ...Object.fromEntries(Object.entries(moved.states[1]!.properties).reverse()), offset: { x: 9, y: 9 } };
    expect(roundTripDifferences(original, moved)).toEqual([]);
    // Studio finds states by name: the same states in another order are the same definition.
    expect(roundTripDifferences(original, { ...original, states: [...original.states].reverse() })).toEqual([]);
    const changed = structuredClone(original);
    changed.states[2]!.transitions[0]!.next = 'greeting';
    changed.states[3]!.type = 'say-play';
    changed.states[4]!.properties.loop = 3;
    changed.flags = {};
    expect(roundTripDifferences(original, changed)).toEqual([
      '$.flags: {"allow_concurrent_calls":true} became {}',
      '$.states[2].transitions differ',
      '$.states[3].type: "gather-input-on-call" became "say-play"',
      '$.states[4].properties differ (offset aside)',
    ]);
    const dropped = { ...original, states: original.states.slice(0, -1) };
    expect(roundTripDifferences(original, dropped)).toEqual([expect.stringMatching(/^\$\.states: the states .* became /)]);
  });

  it('positions come back in properties.offset', () => {
    const o = imported('support-line.json');
    const moved = structuredClone(o.flow);
    node(moved, 'engineer').position = { x: 640, y: 1200 };
    const out = exportStudioFlow(moved);
    if (!out.ok) throw new Error('export failed');
    const state = (JSON.parse(out.text) as Definition).states.find((s) => s.name === 'engineer')!;
    expect(state.properties.offset).toEqual({ x: 640, y: 1200 });
  });

  it('an edit changes only what it touched: a recording turned off keeps its transitions and other properties', () => {
    const o = imported('support-line.json');
    const edited = structuredClone(o.flow);
    node(edited, 'start_recording').data.record = 'off';
    const out = exportStudioFlow(edited);
    if (!out.ok) throw new Error('export failed');
    const state = (JSON.parse(out.text) as Definition).states.find((s) => s.name === 'start_recording')!;
    expect(state.properties).toMatchObject({ record_call: false, recording_channels: 'dual', trim: 'do-not-trim' });
    expect(state.transitions).toEqual(JSON.parse(text('support-line.json')).states[2].transitions);
    expect(out.report.rows.find((r) => r.nodeId === 'start_recording')!.origin).toBe('edited');
  });

  it('a deleted widget: the transition that led to it now ends the call, and the report says so', () => {
    const o = imported('support-line.json');
    const cut = structuredClone(o.flow);
    cut.nodes = cut.nodes.filter((n) => n.id !== 'main_menu_again');
    cut.edges = cut.edges.filter((e) => e.target !== 'main_menu_again');
    const out = exportStudioFlow(cut);
    if (!out.ok) throw new Error('export failed');
    const split = (JSON.parse(out.text) as Definition).states.find((s) => s.name === 'route_digits')!;
    expect(split.transitions[0]).toEqual({ event: 'noMatch' });
  });
});

describe('Twilio Studio export of flows drawn in Recflow', () => {
  const ws = loadExampleWorkspace();

  it.each(ws.flows.map((f) => [f.id, f] as const))('%s: passes the checks Studio\u2019s schema makes (types, transitions naming states, at most 1000 states)', (_id, flow) => {
    const out = exportStudioFlow(flow);
    if (!out.ok) throw new Error('export failed');
    expect(validateStudioDefinition(JSON.parse(out.text))).toEqual([]);
    const doc = JSON.parse(out.text) as Definition;
    expect(doc.states.find((s) => s.name === doc.initial_state)?.type).toBe('trigger');
    // Every node is in the report; only a Hang up writes no state (a transition with no next ends the call).
    expect(out.report.rows.map((r) => r.nodeId)).toEqual(flow.nodes.map((n) => n.id));
    for (const r of out.report.rows.filter((x) => x.actions.length === 0)) expect(r.notes[0]!.message).toMatch(/a transition with no next ends the call/);
  });

  it('names what Studio cannot express: agent pause, one side, the IVR part (R29, R30, R31)', () => {
    const flow = structuredClone(ws.flows.find((f) => f.nodes.some((n) => (n.data as { record?: string }).record === 'on'))!);
    const rec = flow.nodes.find((n) => (n.data as { record?: string }).record === 'on')!;
    Object.assign(rec.data, { agentPause: 'enabled', parties: 'contact', ivr: 'skip' });
    const out = exportStudioFlow(flow);
    if (!out.ok) throw new Error('export failed');
    const row = out.report.rows.find((r) => r.nodeId === rec.id)!;
    expect(row.fidelity).toBe('approximated');
    expect(row.notes.map((n) => n.message)).toEqual([
      expect.stringMatching(/cannot set whether agents may pause.*REST API.*R30/),
      expect.stringMatching(/cannot record one side only.*R29/),
      expect.stringMatching(/no IVR-part setting.*R31/),
    ]);
  });
});
