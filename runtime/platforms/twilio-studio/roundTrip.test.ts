/**
 * Issue 12, item 4: with the twilio-studio preset, a flow exported to Studio
 * and imported back records, on the scenarios `recflow cover` generates for the
 * flow, the same segments as the flow before export, or the export report
 * names a node on the call's path and the rule that explains the difference.
 * On every example flow and on generated flows; the harness is the one the
 * Amazon Connect proof uses (`../exportAndBack.ts`).
 */
import { describe, expect, it } from 'vitest';
import { loadExampleWorkspace } from '../../../examples/index.ts';
import { coverFlow } from '../../call/cover.ts';
import { simulate } from '../../call/scenario.ts';
import { generateFlow } from '../../checks/generateFlow.ts';
import { choosePlatform, type WorkspaceDoc } from '../../document/workspace.ts';
import { exportAndBack, recordedText } from '../exportAndBack.ts';
import { importPlatformFlow } from '../formats.ts';
import { exportStudioFlow } from './export.ts';

function studioWorkspace(): WorkspaceDoc {
  const ws = structuredClone(loadExampleWorkspace());
  choosePlatform(ws, 'twilio-studio');
  return ws;
}

describe('export to Twilio Studio and back records what Recflow simulated (twilio-studio preset)', () => {
  const ws = studioWorkspace();

  const same: number[] = [];
  it.each(ws.flows.map((f) => [f.id, f] as const))('example flow %s', (_id, flow) => {
    const out = exportAndBack(ws, flow, 'twilio-studio');
    expect(out.unexplained).toEqual([]);
    expect(out.scenarios).toBeGreaterThan(0);
    same.push(out.same);
  });

  it('not vacuous: calls in the example flows record exactly the same after the trip', () => {
    // Studio keeps no prompt length, so a flow whose first prompt's estimate differs shifts every call (the
    // report says so at that Play); the others must record the same.
    expect(same).toHaveLength(ws.flows.length);
    expect(same.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it.each([
    [14, 1],
    [18, 2],
    [22, 3],
    [16, 7],
  ])('generated flow of %i nodes (seed %i)', (count, seed) => {
    const flow = generateFlow(count, seed, { ringGroupIds: ws.ringGroups.map((g) => g.id), numberIds: [ws.numbers[0]!.id], flowIds: [ws.flows[0]!.id] });
    const out = exportAndBack(ws, flow, 'twilio-studio');
    expect(out.unexplained).toEqual([]);
    expect(out.scenarios).toBeGreaterThan(0);
  });

  it('measured: on the example flows and the four generated flows, at least 38 of the 68 calls record exactly the same', () => {
    // 15 of 68 while a Studio menu came back as a gather and a Decision; the rest pass a node the report
    // explains (a prompt's or a step's length Studio cannot keep, an Assign written as Enqueue Call, R27, R30).
    const flows = [
      ...ws.flows,
      ...[
        [14, 1],
        [18, 2],
        [22, 3],
        [16, 7],
      ].map(([count, seed]) => generateFlow(count!, seed!, { ringGroupIds: ws.ringGroups.map((g) => g.id), numberIds: [ws.numbers[0]!.id], flowIds: [ws.flows[0]!.id] })),
    ];
    const outs = flows.map((f) => exportAndBack(ws, f, 'twilio-studio'));
    expect(outs.reduce((n, o) => n + o.scenarios, 0)).toBe(68);
    expect(outs.reduce((n, o) => n + o.same, 0)).toBeGreaterThanOrEqual(38);
    expect(outs.flatMap((o) => o.unexplained)).toEqual([]);
  });

  it('a difference with no explanation fails: a recording widget turned off on the way is caught', () => {
    const flow = ws.flows.find((f) => f.nodes.some((n) => (n.data as { record?: string }).record === 'on'))!;
    const exported = exportStudioFlow(flow);
    if (!exported.ok) throw new Error('export failed');
    const doc = JSON.parse(exported.text) as { states: Array<{ type: string; properties: Record<string, unknown> }> };
    for (const s of doc.states) if (s.type === 'record-call') s.properties.record_call = false;
    const back = importPlatformFlow(JSON.stringify(doc), 'twilio-studio', { flowId: flow.id, name: flow.name });
    if (!back.ok) throw new Error('import failed');
    const differs = coverFlow(ws, flow).scenarios.some(
      (s) => recordedText(simulate(ws, flow, { call: s.call, actions: s.actions })) !== recordedText(simulate(ws, back.flow, { call: s.call, actions: s.actions })),
    );
    expect(differs).toBe(true);
  });
});
