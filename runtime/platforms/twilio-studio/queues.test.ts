/**
 * How long a caller waits in a Studio queue (R25): Send to Flex and Enqueue Call with a TaskRouter workflow
 * have a task `timeout` (Send to Flex's default 24 h; Enqueue Call's none); Enqueue Call to a named queue has
 * none, and Recflow assumes 3600 s, reported. Definitions written for these tests from the two widget pages.
 */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../nodes/kit/formats.ts';
import type { StudioState } from '../../../nodes/kit/twilio.ts';
import type { FlowDoc } from '../../document/flow.ts';
import type { ImportOutcome } from '../format.ts';
import { importPlatformFlow } from '../formats.ts';
import { exportStudioFlow } from './export.ts';

type Ok = Extract<ImportOutcome, { ok: true }>;

/** A trigger leading to one queue widget of `type` with `properties`. */
function definition(type: string, properties: JsonObject): string {
  return JSON.stringify({
    description: 'Queue test',
    states: [
      { name: 'Trigger', type: 'trigger', transitions: [{ event: 'incomingCall', next: 'wait_here' }], properties: { offset: { x: 0, y: 0 } } },
      { name: 'wait_here', type, transitions: [{ event: 'callComplete' }, { event: 'failedToEnqueue' }, { event: 'callFailure' }], properties: { ...properties, offset: { x: 0, y: 200 } } },
    ],
    initial_state: 'Trigger',
    flags: { allow_concurrent_calls: true },
  });
}
const read = (type: string, properties: JsonObject) => {
  const o = importPlatformFlow(definition(type, properties), 'twilio-studio');
  if (!o.ok) throw new Error(JSON.stringify(o.errors));
  return o as Ok;
};
const waitOf = (o: Ok) => (o.flow.nodes.find((n) => n.id === 'wait_here')!.data as { maxWaitSeconds: number }).maxWaitSeconds;
const noteOf = (o: Ok) => o.report.rows.find((r) => r.actionId === 'wait_here')!.notes[0]!;
const exportedState = (flow: FlowDoc) => {
  const out = exportStudioFlow(flow);
  if (!out.ok) throw new Error('export failed');
  return { state: (JSON.parse(out.text) as { states: StudioState[] }).states.find((s) => s.name === 'wait_here')!, row: out.report.rows.find((r) => r.nodeId === 'wait_here')! };
};
const withWait = (o: Ok, seconds: number) => {
  const flow = structuredClone(o.flow);
  (flow.nodes.find((n) => n.id === 'wait_here')!.data as { maxWaitSeconds: number }).maxWaitSeconds = seconds;
  return flow;
};

describe('Studio queue waits (R25)', () => {
  it.each([
    ['send-to-flex with a timeout (a string, as the console writes it)', 'send-to-flex', { workflow: 'WW01', channel: 'TC01', timeout: '600' }, 600, 'simulated', '$.states[1].properties.timeout'],
    ['send-to-flex without one: the 24 h default', 'send-to-flex', { workflow: 'WW01', channel: 'TC01' }, 86400, 'simulated', '$.states[1].properties'],
    ['send-to-flex with two weeks: clipped to what Recflow simulates', 'send-to-flex', { workflow: 'WW01', channel: 'TC01', timeout: 1209600 }, 86400, 'simulated', '$.states[1].properties.timeout'],
    ['enqueue-call by workflow with a timeout', 'enqueue-call', { workflow_sid: 'WW02', timeout: 120 }, 120, 'simulated', '$.states[1].properties.timeout'],
    ['enqueue-call by workflow without one: no limit on Studio, 3600 s assumed', 'enqueue-call', { workflow_sid: 'WW02' }, 3600, 'approximated', '$.states[1].properties'],
    ['enqueue-call to a named queue: no timeout at all, 3600 s assumed', 'enqueue-call', { queue_name: 'support', timeout: 120 }, 3600, 'approximated', '$.states[1].properties'],
  ] as const)('%s', (_name, type, properties, seconds, fidelity, path) => {
    const o = read(type, properties);
    expect(waitOf(o)).toBe(seconds);
    expect(noteOf(o)).toMatchObject({ fidelity, path, message: expect.stringMatching(/R25/) });
    // Unedited, the widget comes back as it was.
    const { state, row } = exportedState(o.flow);
    expect(state.properties).toEqual(JSON.parse(definition(type, properties)).states[1].properties);
    expect(row.origin).toBe('unchanged');
  });

  it('a changed wait is written as the task timeout where the widget has one', () => {
    expect(exportedState(withWait(read('send-to-flex', { workflow: 'WW01', channel: 'TC01' }), 900)).state.properties.timeout).toBe(900);
    expect(exportedState(withWait(read('enqueue-call', { workflow_sid: 'WW02' }), 45)).state.properties.timeout).toBe(45);
  });

  it('a changed wait on a named queue cannot be written: the report says so', () => {
    const { state, row } = exportedState(withWait(read('enqueue-call', { queue_name: 'support' }), 45));
    expect(state.properties.timeout).toBeUndefined();
    expect(row.notes.map((n) => n.message)).toEqual([expect.stringMatching(/cannot limit the wait to 45 s.*R25/)]);
  });
});
