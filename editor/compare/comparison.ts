/**
 * A comparison of the flow on screen with a baseline: the diff and each node's
 * mark for the canvas. Loaded with the Compare panel and dialog, on first use,
 * not with the editor's first screen (initial JS budget, BENCHMARKS.md).
 */
import { type FlowDiff, diffFlows } from '../../runtime/document/diff.ts';
import type { FlowDoc } from '../../runtime/document/flow.ts';
import type { DiffMark } from '../kit/viewData.ts';

/** Another flow of the workspace (read live), or a flow read from a file (as it was when read). */
export type Baseline = { source: 'flow'; flowId: string } | { source: 'file'; fileName: string; flow: FlowDoc };

export interface Comparison {
  baseline: Baseline;
  /** The baseline's document. */
  before: FlowDoc;
  /** How the panel names the baseline: the flow's name, or the file's. */
  beforeName: string;
  /** The flow on screen. */
  after: FlowDoc;
  diff: FlowDiff;
  /** Each node on screen that differs; nodes that are the same have no entry. */
  marks: ReadonlyMap<string, DiffMark>;
}

/** The comparison of `after` (on screen) with a baseline whose document is `before`. */
export function comparisonOf(baseline: Baseline, before: FlowDoc, after: FlowDoc): Comparison {
  const diff = diffFlows(before, after);
  const marks = new Map<string, DiffMark>();
  for (const n of diff.nodes) if (n.change !== 'removed') marks.set(n.id, n.change);
  const beforeName = baseline.source === 'file' ? baseline.fileName : `“${before.name}”`;
  return { baseline, before, beforeName, after, diff, marks };
}
