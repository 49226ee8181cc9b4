/**
 * The proof that an export records what Recflow simulated, the same for every platform format: export a flow,
 * import it back, and run every scenario `recflow cover` generates for the flow through both. A scenario
 * recording differently must be explained: the call passed a node the export report says the platform does
 * differently, with the rule (or what the platform has no way to express).
 */
import { coverFlow } from '../call/cover.ts';
import { simulate } from '../call/scenario.ts';
import type { CallResult } from '../call/types.ts';
import type { FlowDoc } from '../document/flow.ts';
import type { WorkspaceDoc } from '../document/workspace.ts';
import type { ExportOutcome, FormatName } from './format.ts';
import { formatNamed } from './formats.ts';

/** What a call put on tape: its segments (times, channels, why each ended, sides) and voicemails. */
export const recordedText = (r: CallResult): string =>
  JSON.stringify({
    segments: r.segments.map((s) => [s.start, s.end, s.channelA, s.channelB, s.endReason, s.sides]),
    voicemails: r.voicemails.map((v) => [v.start, v.end, v.endReason]),
  });

export interface ExportAndBack {
  exported: Extract<ExportOutcome, { ok: true }>;
  back: FlowDoc;
  scenarios: number;
  same: number;
  explained: number;
  /** Scenarios recording differently with no node on their path the report explains. */
  unexplained: string[];
}

/** A report note that explains a difference: it cites a rule, or says the platform has or can do no such thing. */
const EXPLAINS = /\bR\d+\b|\bC\d\b|has no|cannot/;

export function exportAndBack(ws: WorkspaceDoc, flow: FlowDoc, format: FormatName, options: { maxStates?: number } = {}): ExportAndBack {
  const platform = formatNamed(format);
  if (!platform) throw new Error(`unknown format ${format}`);
  const exported = platform.exportFlow(flow);
  if (!exported.ok) throw new Error(JSON.stringify(exported.errors));
  const back = platform.importFlow(exported.text, { flowId: flow.id, name: flow.name });
  if (!back.ok) throw new Error(JSON.stringify(back.errors));
  const reasons = new Map(exported.report.rows.filter((r) => r.notes.some((n) => n.fidelity !== 'simulated')).map((r) => [r.nodeId, r.notes]));
  const out: ExportAndBack = { exported, back: back.flow, scenarios: 0, same: 0, explained: 0, unexplained: [] };
  for (const s of coverFlow(ws, flow, { maxStates: options.maxStates ?? 4000 }).scenarios) {
    out.scenarios++;
    const before = simulate(ws, flow, { call: s.call, actions: s.actions });
    const after = simulate(ws, back.flow, { call: s.call, actions: s.actions });
    if (recordedText(before) === recordedText(after)) {
      out.same++;
      continue;
    }
    const onPath = before.path.filter((id) => reasons.get(id)?.some((n) => EXPLAINS.test(n.message)));
    if (onPath.length > 0) out.explained++;
    else out.unexplained.push(`${s.name}: before ${recordedText(before)} after ${recordedText(after)}`);
  }
  return out;
}
