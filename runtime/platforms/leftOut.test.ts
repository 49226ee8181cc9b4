/**
 * C1 after export and import back: a block or widget nothing leads to once the flow is written (the node before it
 * became a disconnect, or has no such branch on the platform) is left out and named in the export report, so
 * the flow imported back has no node a call cannot reach that the drawn flow did not have.
 */
import { describe, expect, it } from 'vitest';
import { loadExampleWorkspace } from '../../examples/index.ts';
import { checkFlow } from '../checks/checkFlow.ts';
import { generateFlow } from '../checks/generateFlow.ts';
import type { FlowDoc } from '../document/flow.ts';
import type { ExportReport, FormatName } from './format.ts';
import { formatNamed } from './formats.ts';

const unreachable = (flow: FlowDoc) => new Set(checkFlow(flow).filter((p) => p.code === 'C1-unreachable').map((p) => p.nodeId!));

/** Exports `flow`, imports it back, and gives the drawn nodes the imported flow's C1-unreachable nodes came from. */
function backAndC1(flow: FlowDoc, format: FormatName): { report: ExportReport; unreachableFrom: string[] } {
  const platform = formatNamed(format)!;
  const exported = platform.exportFlow(flow);
  if (!exported.ok) throw new Error('export failed');
  const back = platform.importFlow(exported.text, { flowId: flow.id, name: flow.name });
  if (!back.ok) throw new Error(`import failed: ${JSON.stringify(back.errors)}`);
  const drawnOf = new Map(exported.report.rows.flatMap((r) => r.actions.map((a) => [a.id, r.nodeId] as const)));
  const actionOf = new Map(back.report.rows.map((r) => [r.nodeId, r.actionId]));
  const unreachableFrom = [...unreachable(back.flow)].map((id) => drawnOf.get(actionOf.get(id) ?? '') ?? `(written by the export: ${id})`);
  return { report: exported.report, unreachableFrom };
}

const ws = loadExampleWorkspace();
const generated = (seed: number) =>
  generateFlow(16, seed, { ringGroupIds: ws.ringGroups.map((g) => g.id), numberIds: [ws.numbers[0]!.id], flowIds: [ws.flows[0]!.id] });
const leftOut = (report: ExportReport) => report.rows.filter((r) => r.notes.some((n) => n.message.startsWith('left out:'))).map((r) => r.nodeId);

describe.each(['amazon-connect', 'twilio-studio'] as const)('%s: export, import back, validate', (format) => {
  it.each(ws.flows.map((f) => [f.id, f] as const))('example flow %s has no C1 error the drawn flow did not have', (_id, flow) => {
    const drawn = unreachable(flow);
    expect(backAndC1(flow, format).unreachableFrom.filter((id) => !drawn.has(id))).toEqual([]);
  });

  it.each([1, 3, 4, 5, 6, 8])('generated flow of 16 nodes (seed %i) has no C1 error the drawn flow did not have', (seed) => {
    const flow = generated(seed);
    const drawn = unreachable(flow);
    expect(backAndC1(flow, format).unreachableFrom.filter((id) => !drawn.has(id))).toEqual([]);
  });

  it('a node no call reaches in the drawn flow is still written, and still unreachable after import', () => {
    const flow = structuredClone(ws.flows.find((f) => f.id === 'support-line')!);
    const orphan = structuredClone(flow.nodes.find((n) => n.kind === 'play')!);
    orphan.id = 'orphan';
    flow.nodes.push(orphan);
    const { report, unreachableFrom } = backAndC1(flow, format);
    expect(report.rows.find((r) => r.nodeId === 'orphan')!.actions.length).toBeGreaterThan(0);
    expect(unreachableFrom).toContain('orphan');
  });
});

describe('what the export report says of a node left out', () => {
  it('Connect: the Hang up after a Voicemail (written as a disconnect) is left out, with why', () => {
    const flow = ws.flows.find((f) => f.id === 'support-line')!;
    const { report } = backAndC1(flow, 'amazon-connect');
    const bye = report.rows.find((r) => r.nodeId === 'bye')!;
    expect(bye.actions).toEqual([]);
    expect(bye.fidelity).toBe('not-simulated');
    expect(bye.notes.map((n) => n.message)).toEqual(['left out: nothing leads to it on Connect (port next of "voicemail" is not exported), so it is not written']);
    expect(leftOut(report)).toEqual(['bye']);
  });

  it('Connect: a chain after the disconnect is left out as a whole, each node saying what led to it', () => {
    const { report, unreachableFrom } = backAndC1(generated(5), 'amazon-connect');
    expect(leftOut(report)).toEqual(['recording-11', 'play-12', 'recording-13']);
    expect(report.rows.find((r) => r.nodeId === 'play-12')!.notes.at(-1)!.message).toContain('"recording-11" is left out too');
    expect(unreachableFrom).toEqual([]);
  });

  it('Studio: the node after a port the widget has no transition for is left out', () => {
    const flow = generated(6);
    const drawn = unreachable(flow);
    const { report, unreachableFrom } = backAndC1(flow, 'twilio-studio');
    expect(leftOut(report)).toEqual(['assign-14']);
    expect(report.rows.find((r) => r.nodeId === 'assign-14')!.notes.at(-1)!.message).toBe(
      'left out: nothing leads to it on Studio (port timeout of "queue-11" is not exported), so it is not written',
    );
    expect(unreachableFrom.filter((id) => !drawn.has(id))).toEqual([]);
  });

  it('Connect: an error branch with no port behind it ends at a disconnect calls reach, not at an added one nothing else leads to', () => {
    const flow = ws.flows.find((f) => f.id === 'claims-line')!;
    const exported = formatNamed('amazon-connect')!.exportFlow(flow);
    if (!exported.ok) throw new Error('export failed');
    const doc = JSON.parse(exported.text) as { Actions: Array<{ Identifier: string; Type: string; Transitions: { Errors?: Array<{ NextAction: string }> } }> };
    const transfer = doc.Actions.find((a) => a.Type === 'TransferToFlow')!;
    expect(transfer.Transitions.Errors![0]!.NextAction).toBe('voicemail');
    expect(doc.Actions.map((a) => a.Identifier)).not.toContain('recflow-end');
  });
});
