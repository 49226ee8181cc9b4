/**
 * Issue 11, item 4: with the amazon-connect preset, a flow exported to Connect
 * and imported back records, on the scenarios `recflow cover` generates for the
 * flow, the same segments as the flow before export, or the export report
 * names a node on the call's path and the rule that explains the difference.
 * On every example flow and on generated flows.
 */
import { describe, expect, it } from 'vitest';
import { loadExampleWorkspace } from '../../../examples/index.ts';
import { coverFlow } from '../../call/cover.ts';
import { simulate } from '../../call/scenario.ts';
import { generateFlow } from '../../checks/generateFlow.ts';
import type { FlowDoc } from '../../document/flow.ts';
import { choosePlatform, type WorkspaceDoc } from '../../document/workspace.ts';
import { exportAndBack, recordedText } from '../exportAndBack.ts';
import { importPlatformFlow } from '../formats.ts';
import { exportConnectFlow } from './export.ts';

const recorded = recordedText;
const roundTrip = (ws: WorkspaceDoc, flow: FlowDoc) => exportAndBack(ws, flow, 'amazon-connect');

function connectWorkspace(): WorkspaceDoc {
  const ws = structuredClone(loadExampleWorkspace());
  choosePlatform(ws, 'amazon-connect');
  return ws;
}

describe('export to Amazon Connect and back records what Recflow simulated (amazon-connect preset)', () => {
  const ws = connectWorkspace();

  it.each(ws.flows.map((f) => [f.id, f] as const))('example flow %s', (_id, flow) => {
    const out = roundTrip(ws, flow);
    expect(out.unexplained).toEqual([]);
    expect(out.scenarios).toBeGreaterThan(0);
    // Not vacuous: most calls record exactly the same.
    expect(out.same).toBeGreaterThan(0);
  });

  it.each([
    [14, 1],
    [18, 2],
    [22, 3],
    [16, 7],
  ])('generated flow of %i nodes (seed %i)', (count, seed) => {
    const flow = generateFlow(count, seed, { ringGroupIds: ws.ringGroups.map((g) => g.id), numberIds: [ws.numbers[0]!.id], flowIds: [ws.flows[0]!.id] });
    const out = roundTrip(ws, flow);
    expect(out.unexplained).toEqual([]);
    expect(out.scenarios).toBeGreaterThan(0);
  });

  it('a difference with no explanation fails: a Play whose length is lost on the way is caught', () => {
    const flow = ws.flows.find((f) => f.nodes.some((n) => getPlayLength(n) !== undefined))!;
    const exported = exportConnectFlow(flow);
    if (!exported.ok) throw new Error('export failed');
    // Drop Recflow's hints: every prompt's length is estimated again from its words.
    const doc = JSON.parse(exported.text);
    for (const m of Object.values(doc.Metadata.ActionMetadata) as Array<Record<string, unknown>>) delete m.recflow;
    const back = importPlatformFlow(JSON.stringify(doc), 'amazon-connect', { flowId: flow.id, name: flow.name });
    if (!back.ok) throw new Error('import failed');
    const differs = coverFlow(ws, flow).scenarios.some(
      (s) => recorded(simulate(ws, flow, { call: s.call, actions: s.actions })) !== recorded(simulate(ws, back.flow, { call: s.call, actions: s.actions })),
    );
    expect(differs).toBe(true);
  });
});

function getPlayLength(n: FlowDoc['nodes'][number]): number | undefined {
  const d = n.data as { durationSeconds?: number };
  return typeof d.durationSeconds === 'number' ? d.durationSeconds : undefined;
}
