/**
 * The Compare panel's behaviour check: the saved scenarios of the flows
 * being compared, each run through both versions, and those that record
 * differently, with how and why (the same words as `recflow diff --calls`,
 * from the runtime's `recordingChange`).
 */
import { changeNotes, type RecordingChange, recordingChange } from '../../runtime/call/recordingDiff.ts';
import { simulate } from '../../runtime/call/scenario.ts';
import type { FlowDiff } from '../../runtime/document/diff.ts';
import type { FlowDoc } from '../../runtime/document/flow.ts';
import type { WorkspaceDoc } from '../../runtime/document/workspace.ts';
import type { SavedScenario } from '../simulator/scenarios.ts';

export interface ScenarioChange {
  saved: SavedScenario;
  name: string;
  change: RecordingChange;
}

export interface ScenarioChanges {
  /** The saved scenarios of either flow that were run. */
  checked: number;
  changed: ScenarioChange[];
  /** Scenarios that could not be replayed (a time going backwards in a hand-edited file), with why. */
  failed: Array<{ name: string; error: string }>;
}

/**
 * Runs the saved scenarios listed under either flow through `before` and `after` and keeps those that record
 * differently. Outbound calls run no flow (R8), so they never differ.
 *
 * @example
 * scenarioChanges(ws, saved, published, edited, diff).changed.length; // 3 → "3 scenarios record differently"
 */
export function scenarioChanges(ws: WorkspaceDoc, saved: readonly SavedScenario[], before: FlowDoc, after: FlowDoc, diff: FlowDiff): ScenarioChanges {
  const notes = changeNotes(diff, before, after);
  const ids = new Set([before.id, after.id]);
  const out: ScenarioChanges = { checked: 0, changed: [], failed: [] };
  for (const s of saved) {
    if (s.flowId === null || !ids.has(s.flowId)) continue;
    out.checked++;
    const name = s.scenario.name || 'Unnamed scenario';
    const through = (flow: FlowDoc) => simulate(ws, s.scenario.call.direction === 'inbound' ? flow : undefined, s.scenario);
    try {
      const change = recordingChange(through(before), through(after), notes);
      if (change) out.changed.push({ saved: s, name, change });
    } catch (e) {
      out.failed.push({ name, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return out;
}

/** "3 scenarios record differently", "the 4 saved scenarios record the same", "no saved scenarios". */
export function scenarioHeadline(r: ScenarioChanges): string {
  if (r.checked === 0) return 'no saved scenarios for these flows';
  if (r.changed.length === 0) return r.checked === 1 ? 'the saved scenario records the same' : `the ${r.checked} saved scenarios record the same`;
  const n = r.changed.length;
  return `${n} of ${r.checked} saved scenario${r.checked === 1 ? '' : 's'} record${n === 1 ? 's' : ''} differently`;
}
