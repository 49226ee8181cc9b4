/**
 * Amazon Connect import and export on flows written for these tests from the
 * flow language action reference (fixtures/), the refusals Connect's own
 * checks would make, and the round trip: an unedited import exports back
 * every action with the same Identifier, Type, Parameters and Transitions.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ConnectAction } from '../../../nodes/kit/connect.ts';
import { checkFlow } from '../../checks/checkFlow.ts';
import type { FlowDoc, FlowNode } from '../../document/flow.ts';
import { parseWorkspace } from '../../document/workspace.ts';
import type { ImportOutcome } from '../format.ts';
import { detectFormat, importPlatformFlow } from '../formats.ts';
import { exportConnectFlow } from './export.ts';

const here = dirname(fileURLToPath(import.meta.url));
const text = (name: string) => readFileSync(join(here, 'fixtures', name), 'utf8');
const imported = (name: string) => {
  const outcome = importPlatformFlow(text(name));
  if (!outcome.ok) throw new Error(`${name}: ${JSON.stringify(outcome.errors)}`);
  return outcome;
};
type Ok = Extract<ImportOutcome, { ok: true }>;
const rowsOf = (o: Ok) => o.report.rows.map((r) => [r.actionId, r.actionType, r.kind, r.fidelity]);
const node = (flow: FlowDoc, id: string) => flow.nodes.find((n) => n.id === id) as FlowNode & { data: Record<string, unknown> };
const edge = (flow: FlowDoc, source: string, port: string) => flow.edges.find((e) => e.source === source && e.sourcePort === port)?.target;
const core = (a: ConnectAction) => JSON.stringify({ Identifier: a.Identifier, Type: a.Type, Parameters: a.Parameters, Transitions: a.Transitions });
const actionsOf = (t: string) => (JSON.parse(t) as { Actions: ConnectAction[] }).Actions;

const FIXTURES = [
  'support-line.json',
  'ivr-menu.json',
  'hours-lambda-outside.json',
  'modules-bot-no-positions.json',
  'agent-side-pause.json',
  'describe-contact-flow.json',
  'account-number-retry.json',
  'customer-side-dynamic-transfer.json',
];

describe('Amazon Connect import: each action read by its kind, with the report', () => {
  it('support line: logging, a prompt taken for the notice, recording both sides, the working queue and the queue, hang up', () => {
    const o = imported('support-line.json');
    expect(rowsOf(o)).toEqual([
      ['log-on', 'UpdateFlowLoggingBehavior', 'step', 'approximated'],
      ['greeting', 'MessageParticipant', 'play', 'approximated'],
      ['record-both', 'UpdateContactRecordingBehavior', 'recording', 'simulated'],
      ['set-queue', 'UpdateContactTargetQueue', 'step', 'approximated'],
      ['to-queue', 'TransferContactToQueue', 'queue', 'approximated'],
      ['bye', 'DisconnectParticipant', 'hangup', 'simulated'],
    ]);
    const f = o.flow;
    expect(f.name).toBe('Support line');
    expect(node(f, 'greeting').data).toMatchObject({ recordingNotice: true, durationSeconds: 4 });
    expect(node(f, 'record-both').data).toMatchObject({ record: 'on', parties: 'both', ivr: 'default' });
    // R25: the queue is the one the action before it set, as a ring group of the workspace.
    expect(node(f, 'to-queue').data).toMatchObject({ target: { type: 'ringGroup', ringGroupId: 'support' } });
    expect(node(f, 'to-queue').endsCall).toEqual(['timeout']);
    expect(node(f, 'set-queue').data).toMatchObject({ action: 'set-variables', seconds: 1, system: 'support' });
    expect(node(f, 'greeting').position).toEqual({ x: 420, y: 20 });
    expect(edge(f, 'start', 'next')).toBe('log-on');
    expect(edge(f, 'to-queue', 'error')).toBe('bye');
    expect(o.report.rows[4]!.notes[0]!.path).toBe('$.Actions[4]');
    // The workspace: the Connect preset, the queue as a ring group with a stand-in agent, a number calling the flow.
    expect(o.workspace.platform).toBe('amazon-connect');
    expect(o.workspace.ringGroups).toEqual([{ id: 'support', name: 'support', memberIds: ['ag-support'] }]);
    expect(o.workspace.numbers[0]!.flowId).toBe(f.id);
    expect(parseWorkspace(JSON.parse(JSON.stringify(o.workspace))).ok).toBe(true);
    expect(checkFlow(f, { workspace: o.workspace }).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('IVR menu: attributes, a menu of two keys with its timeout and invalid paths, a loop, a comparison and three kinds of prompt', () => {
    const o = imported('ivr-menu.json');
    expect(rowsOf(o)).toEqual([
      ['tag-caller', 'UpdateContactAttributes', 'step', 'not-simulated'],
      ['main-menu', 'GetParticipantInput', 'menu', 'approximated'],
      ['retry', 'Loop', 'decision', 'not-simulated'],
      ['tier', 'Compare', 'decision', 'not-simulated'],
      ['gold-line', 'MessageParticipant', 'play', 'approximated'],
      ['standard-line', 'MessageParticipant', 'play', 'approximated'],
      ['sorry', 'MessageParticipant', 'play', 'approximated'],
      ['hang-up', 'DisconnectParticipant', 'hangup', 'simulated'],
    ]);
    const f = o.flow;
    expect(node(f, 'main-menu').data).toMatchObject({ timeoutSeconds: 8, options: [{ digit: '1' }, { digit: '2' }] });
    expect([edge(f, 'main-menu', '1'), edge(f, 'main-menu', '2'), edge(f, 'main-menu', 'timeout'), edge(f, 'main-menu', 'invalid')]).toEqual(['tier', 'standard-line', 'retry', 'retry']);
    expect(node(f, 'retry').data).toMatchObject({ outcomes: [{ name: 'looping' }, { name: 'complete' }] });
    expect(node(f, 'tier').data).toMatchObject({ source: '$.Attributes.tier', outcomes: [{ name: 'gold', condition: 'Equals gold' }] });
    expect(edge(f, 'tier', 'noMatch')).toBe('standard-line');
    // A recorded prompt is no consent notice, whatever its name says.
    expect(node(f, 'standard-line').data).toMatchObject({ recordingNotice: false, durationSeconds: 5 });
    expect(node(f, 'gold-line').data.text).toBe('Your balance is on its way by text.');
    const menuNotes = o.report.rows[1]!.notes;
    expect(menuNotes.map((n) => n.path)).toEqual(['$.Actions[1].Transitions.Errors[2]']);
  });

  it('hours, a Lambda, the newer recording action with IVR recording, a transfer to an outside number', () => {
    const o = imported('hours-lambda-outside.json');
    expect(rowsOf(o).map((r) => r.slice(1, 3))).toEqual([
      ['CheckHoursOfOperation', 'decision'],
      ['InvokeLambdaFunction', 'step'],
      ['UpdateContactRecordingAndAnalyticsBehavior', 'recording'],
      ['TransferParticipantToThirdParty', 'transfer'],
      ['MessageParticipant', 'play'],
      ['DisconnectParticipant', 'hangup'],
    ]);
    const f = o.flow;
    // "open?" is no Recflow id: the node gets one, and the report keeps the Connect identifier.
    expect(o.report.rows[0]).toMatchObject({ actionId: 'open?', nodeId: 'action-open' });
    expect(node(f, 'action-open').data).toMatchObject({ outcomes: [{ name: 'in hours' }, { name: 'out of hours' }] });
    expect(node(f, 'record-ivr').data).toMatchObject({ record: 'on', parties: 'both', ivr: 'record' });
    expect(node(f, 'to-adjuster').data).toMatchObject({ target: { type: 'external', number: '+442079460000' }, ringTimeoutSeconds: 25 });
    expect(node(f, 'lookup').data).toMatchObject({ action: 'lambda', system: 'claims-lookup' });
    const notes = o.report.rows.flatMap((r) => r.notes.map((n) => n.path));
    expect(notes).toContain('$.Actions[2].Parameters.VoiceBehavior.VoiceAnalyticsBehavior');
    expect(notes).toContain('$.Actions[3].Transitions.NextAction');
  });

  it('modules, a Lex bot and an action no kind reads (kept whole in a step); no positions, so it is laid out', () => {
    const o = imported('modules-bot-no-positions.json');
    expect(rowsOf(o).map((r) => r.slice(1, 4))).toEqual([
      ['UpdateContactMediaStreamingBehavior', 'step', 'not-simulated'],
      ['InvokeFlowModule', 'flow', 'simulated'],
      ['ConnectParticipantWithLexBot', 'decision', 'not-simulated'],
      ['TransferToFlow', 'flow', 'simulated'],
      ['MessageParticipant', 'play', 'approximated'],
    ]);
    const f = o.flow;
    const stream = node(f, 'stream');
    expect(stream.data.action).toBe('other');
    expect(stream.data.original).toEqual(JSON.parse(text('modules-bot-no-positions.json')).Actions[0]);
    expect(node(f, 'action-auth-module').data).toMatchObject({ flowId: 'authenticate', returns: true });
    expect(node(f, 'sales').data).toMatchObject({ flowId: 'sales-line', returns: false });
    expect(node(f, 'bot').data).toMatchObject({ outcomes: [{ name: 'BuyPolicy' }, { name: 'Goodbye' }] });
    // A prompt with no next action ends the call there.
    expect(node(f, 'goodbye').endsCall).toEqual(['next']);
    // Laid out by distance from the entry: each row lower than the one before.
    expect(node(f, 'start').position.y).toBeLessThan(node(f, 'stream').position.y);
    expect(node(f, 'stream').position.y).toBeLessThan(node(f, 'action-auth-module').position.y);
    expect(o.workspace.flows.map((x) => x.id).sort()).toEqual(['amazon-connect-flow', 'authenticate', 'sales-line']);
  });

  it('recording the agent side only without the IVR, then stopping it; an agent queue; screen recording and analytics noted', () => {
    const o = imported('agent-side-pause.json');
    const f = o.flow;
    expect(node(f, 'agent-only').data).toMatchObject({ record: 'on', parties: 'agent', ivr: 'skip' });
    expect(node(f, 'stop').data).toMatchObject({ record: 'off' });
    expect(node(f, 'card-transfer').data).toMatchObject({ target: { type: 'agents', agentIds: ['card-desk'] } });
    expect(o.workspace.agents.map((a) => a.id)).toContain('card-desk');
    expect(o.report.rows[0]!.notes.map((n) => n.path)).toEqual(['$.Actions[0].Parameters.AnalyticsBehavior', '$.Actions[0].RecordingBehavior.ScreenRecordedParticipants'.replace('$.Actions[0].', '$.Actions[0].Parameters.')]);
    expect(o.report.rows[2]!.notes.map((n) => n.path)).toContain('$.Actions[2].Transitions.Errors[1]');
  });

  it('input stored as an account number is no menu: kept whole, its retry into itself noted and kept for export', () => {
    const o = imported('account-number-retry.json');
    expect(rowsOf(o)).toEqual([
      ['ask-account', 'GetParticipantInput', 'step', 'not-simulated'],
      ['check-account', 'InvokeLambdaFunction', 'step', 'not-simulated'],
      ['valid?', 'Compare', 'decision', 'not-simulated'],
      ['thanks', 'MessageParticipant', 'play', 'approximated'],
      ['unknown', 'MessageParticipant', 'play', 'approximated'],
    ]);
    expect(o.report.rows[0]!.notes[0]).toMatchObject({ message: expect.stringContaining('not one a menu node can hold') });
    const f = o.flow;
    expect(node(f, 'ask-account').data).toMatchObject({ action: 'other', original: { Identifier: 'ask-account' } });
    // The step's error port takes NoMatchingError's path; the time-out retrying into itself is noted and kept for export.
    expect(edge(f, 'ask-account', 'error')).toBe('unknown');
    expect(edge(f, 'ask-account', 'next')).toBe('check-account');
    expect(o.report.rows[0]!.notes.map((n) => n.path)).toContain('$.Actions[0].Transitions.Errors[0]');
    expect(node(f, 'action-valid').data).toMatchObject({ outcomes: [{ name: 'yes' }, { name: 'no' }] });
  });

  it('recording the customer side with the IVR; a transfer to a number held in an attribute, and an action no kind reads, kept whole', () => {
    const o = imported('customer-side-dynamic-transfer.json');
    expect(rowsOf(o)).toEqual([
      ['customer-only', 'UpdateContactRecordingBehavior', 'recording', 'simulated'],
      ['route', 'TransferParticipantToThirdParty', 'step', 'not-simulated'],
      ['done', 'EndFlowExecution', 'step', 'not-simulated'],
    ]);
    expect(node(o.flow, 'customer-only').data).toMatchObject({ record: 'on', parties: 'contact', ivr: 'record' });
    expect(o.report.rows[1]!.notes[0]!.message).toContain('not one a transfer node can hold');
  });

  it('a DescribeContactFlow response is read from its escaped Content, and the report says so', () => {
    const wrapped = imported('describe-contact-flow.json');
    const plain = imported('support-line.json');
    expect(wrapped.flow).toEqual(plain.flow);
    expect(wrapped.report.problems).toEqual([
      { severity: 'warning', path: '$', message: expect.stringContaining('DescribeContactFlow response: the flow is the escaped JSON string in $.ContactFlow.Content') },
    ]);
  });
});

describe('Amazon Connect import: refusals with the JSON path, never a crash', () => {
  it.each([
    ['refused/not-connect.json', '$', 'not an Amazon Connect flow'],
    ['refused/older-export.json', '$.modules', 'older Amazon Connect console export (modules[])'],
    ['refused/start-names-nothing.json', '$.StartAction', 'names no action: there is no action "welcome"'],
    ['refused/next-names-nothing.json', '$.Actions[0].Transitions.Errors[0].NextAction', 'there is no action "gone"'],
    ['refused/duplicate-identifiers.json', '$.Actions[2].Identifier', 'duplicate identifier "hello" (first at $.Actions[0])'],
  ])('%s', (file, path, message) => {
    const outcome = importPlatformFlow(text(file), 'amazon-connect');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors).toContainEqual({ path, message: expect.stringContaining(message) });
  });

  it('refuses a Recflow document, bad JSON, a wrapper whose Content is not JSON, and a wrong Version, each at its path', () => {
    const refuse = (input: string) => {
      const o = importPlatformFlow(input);
      return o.ok ? [] : o.errors;
    };
    expect(refuse('{"format":"recflow.flow","version":2}')).toEqual([{ path: '$.format', message: expect.stringContaining('already a Recflow document') }]);
    expect(refuse('{"Version": ')[0]!.path).toBe('$');
    expect(refuse('{"ContactFlow":{"Content":"{not json"}}')).toEqual([{ path: '$.ContactFlow.Content', message: expect.stringContaining('not valid JSON') }]);
    expect(refuse('{"Version":"2020-01-01","StartAction":"a","Actions":[{"Identifier":"a","Type":"DisconnectParticipant"}]}')).toEqual([
      { path: '$.Version', message: expect.stringContaining('"2019-10-30"') },
    ]);
    expect(refuse('{"Version":"2019-10-30","StartAction":"a","Actions":[{"Identifier":"a","Type":"X","Parameters":{"__proto__":{}}}]}')[0]!.path).toBe(
      '$.Actions[0].Parameters.__proto__',
    );
  });

  it("warns past Connect's limits of 250 actions and 256,000 characters, and imports anyway", () => {
    const actions = Array.from({ length: 260 }, (_, i) => ({
      Identifier: `a${i}`,
      Type: 'MessageParticipant',
      Parameters: { Text: `Message ${i} `.padEnd(1000, 'x') },
      Transitions: i < 259 ? { NextAction: `a${i + 1}` } : {},
    }));
    const o = importPlatformFlow(JSON.stringify({ Version: '2019-10-30', StartAction: 'a0', Actions: actions }));
    expect(o.ok).toBe(true);
    if (!o.ok) return;
    expect(o.flow.nodes).toHaveLength(261);
    expect(o.report.problems.map((p) => [p.severity, p.path])).toEqual([
      ['warning', '$.Actions'],
      ['warning', '$'],
    ]);
    expect(o.report.problems[0]!.message).toContain('at most 250');
    expect(o.report.problems[1]!.message).toContain('at most 256000');
  });

  it('tells the format from the content', () => {
    expect(detectFormat(text('support-line.json'))).toMatchObject({ ok: true, format: { name: 'amazon-connect' } });
    expect(detectFormat(text('describe-contact-flow.json'))).toMatchObject({ ok: true, format: { name: 'amazon-connect' } });
    // A Studio flow is told apart: it is Twilio's, not Connect's.
    expect(detectFormat('{ "description": "x", "states": [], "initial_state": "Trigger", "flags": {} }')).toMatchObject({ ok: true, format: { name: 'twilio-studio' } });
    expect(detectFormat(text('refused/not-connect.json')).ok).toBe(false);
    expect(detectFormat('{"steps": []}').ok).toBe(false);
  });
});

describe('Amazon Connect round trip', () => {
  it.each(FIXTURES)('%s: an unedited import exports back every action with the same Identifier, Type, Parameters and Transitions, and the same StartAction', (file) => {
    const o = imported(file);
    const exported = exportConnectFlow(o.flow);
    expect(exported.ok).toBe(true);
    if (!exported.ok) return;
    let source = JSON.parse(text(file));
    if (source.ContactFlow) source = JSON.parse(source.ContactFlow.Content);
    const out = JSON.parse(exported.text);
    expect(out.StartAction).toBe(source.StartAction);
    expect(out.Version).toBe('2019-10-30');
    expect(actionsOf(exported.text).map(core)).toEqual((source.Actions as ConnectAction[]).map(core));
    expect(exported.report.rows.every((r) => r.origin === 'unchanged')).toBe(true);
    // Read back, the flow is the same flow.
    const again = importPlatformFlow(exported.text);
    expect(again.ok && again.flow.nodes.map((n) => [n.id, n.kind, n.data])).toEqual(o.flow.nodes.map((n) => [n.id, n.kind, n.data]));
    expect(again.ok && again.flow.edges.map((e) => [e.source, e.sourcePort, e.target])).toEqual(o.flow.edges.map((e) => [e.source, e.sourcePort, e.target]));
  });

  it('editing one imported node changes only what the edit touched', () => {
    const o = imported('ivr-menu.json');
    const before = actionsOf(exportOk(o.flow));
    const flow = structuredClone(o.flow);
    node(flow, 'sorry').data.text = 'Sorry, we could not help. Goodbye.';
    node(flow, 'main-menu').data.timeoutSeconds = 12;
    const after = actionsOf(exportOk(flow));
    const changed = after.filter((a, i) => core(a) !== core(before[i]!)).map((a) => a.Identifier);
    expect(changed).toEqual(['main-menu', 'sorry']);
    const sorry = after.find((a) => a.Identifier === 'sorry')!;
    expect(sorry.Parameters).toEqual({ Text: 'Sorry, we could not help. Goodbye.' });
    expect(sorry.Transitions).toEqual(before.find((a) => a.Identifier === 'sorry')!.Transitions);
    const menu = after.find((a) => a.Identifier === 'main-menu')!;
    expect(menu.Parameters).toEqual({ ...before.find((a) => a.Identifier === 'main-menu')!.Parameters, InputTimeLimitSeconds: '12' });
    expect(menu.Transitions).toEqual(before.find((a) => a.Identifier === 'main-menu')!.Transitions);
  });

  it('rewiring an imported node changes only where that transition leads; a port left open disconnects', () => {
    const o = imported('support-line.json');
    const flow = structuredClone(o.flow);
    flow.edges = flow.edges.filter((e) => !(e.source === 'greeting' && e.sourcePort === 'next'));
    node(flow, 'greeting').endsCall = ['next'];
    const after = actionsOf(exportOk(flow));
    const greeting = after.find((a) => a.Identifier === 'greeting')!;
    expect(greeting.Transitions.NextAction).toBe('recflow-end');
    // The error branch no port holds keeps its own target.
    expect(greeting.Transitions.Errors).toEqual([{ NextAction: 'record-both', ErrorType: 'NoMatchingError' }]);
    expect(after.at(-1)).toEqual({ Identifier: 'recflow-end', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} });
  });
});

function exportOk(flow: FlowDoc): string {
  const e = exportConnectFlow(flow);
  if (!e.ok) throw new Error(JSON.stringify(e.errors));
  return e.text;
}
