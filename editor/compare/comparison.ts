/**
 * A comparison of the flow on screen with a baseline: the diff and each node's
 * mark for the canvas. Loaded with the Compare panel and dialog, on first use,
 * not with the editor's first screen (initial JS budget, BENCHMARKS.md).
 */
import { type FlowDiff, diffFlows } from '../../runtime/document/diff.ts';
import type { FlowDoc } from '../../runtime/document/flow.ts';
import type { DiffMark } from '../kit/viewData.ts';

/** Another flow of the workspace (read live), a flow read from a file (as it was when read), or a published version. */
export type Baseline =
  | { source: 'flow'; flowId: string }
  | { source: 'file'; fileName: string; flow: FlowDoc }
  | { source: 'version'; flowId: string; number: number };

export interface Comparison {
  baseline: Baseline;
  /** The baseline's document. */
  before: FlowDoc;
  /** How the panel names the baseline: the flow's name, or the file's. */
  beforeName: string;
  /** The flow on screen, or the published version it is compared as. */
  after: FlowDoc;
  /** How the panel names the newer side: the flow's name, or the version. */
  afterName: string;
  /** The version the newer side is, when it is not the draft on screen (its nodes are not marked on the canvas). */
  afterVersion: number | null;
  diff: FlowDiff;
  /** Each node on screen that differs; nodes that are the same have no entry. */
  marks: ReadonlyMap<string, DiffMark>;
}

/**
 * The comparison of `after` with a baseline whose document is `before`. `after` is the flow on screen, or
 * version `afterVersion` of it (two versions compared: nothing on the canvas is marked, it shows the draft).
 */
export function comparisonOf(baseline: Baseline, before: FlowDoc, after: FlowDoc, afterVersion: number | null = null): Comparison {
  const diff = diffFlows(before, after);
  const marks = new Map<string, DiffMark>();
  if (afterVersion === null) for (const n of diff.nodes) if (n.change !== 'removed') marks.set(n.id, n.change);
  const beforeName =
    baseline.source === 'file' ? baseline.fileName : baseline.source === 'version' ? `version ${baseline.number}` : `“${before.name}”`;
  const afterName = afterVersion === null ? (baseline.source === 'version' ? `Draft of “${after.name}”` : `“${after.name}”`) : `Version ${afterVersion}`;
  return { baseline, before, beforeName, after, afterName, afterVersion, diff, marks };
}
