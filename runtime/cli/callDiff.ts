/**
 * `recflow diff --calls <log> <before> <after>`: every call of a log run
 * through both versions of a flow, and the calls whose recording changed,
 * grouped by what changed and why, with counts, seconds and example lines.
 * The per-line work runs in the batch worker threads; this file holds it,
 * the counts the workers send back, and the report.
 */
import { type ChangeNotes, changeNotes, recordingChange, recordingFigures } from '../call/recordingDiff.ts';
import { callStartProblems, type Scenario, simulate } from '../call/scenario.ts';
import type { ChannelLayout } from '../call/types.ts';
import { diffFlows } from '../document/diff.ts';
import type { FlowDoc } from '../document/flow.ts';
import type { WorkspaceDoc } from '../document/workspace.ts';
import { failureText, scenarioOfLine } from './batchLines.ts';
import { flowStoppedText, numbersAnswering } from './documents.ts';
import { errorsInline } from './text.ts';

/** The documents and the flow diff's words, prepared once per worker. */
export interface PreparedCallDiff {
  workspace: WorkspaceDoc;
  before: FlowDoc;
  after: FlowDoc;
  notes: ChangeNotes;
  /** The numbers this flow answers (`numbersAnswering`, either version): only their inbound calls go through it. */
  numbers: ReadonlySet<string>;
}

export function prepareCallDiff(workspace: WorkspaceDoc, before: FlowDoc, after: FlowDoc): PreparedCallDiff {
  return { workspace, before, after, notes: changeNotes(diffFlows(before, after), before, after), numbers: numbersAnswering(workspace, before, after) };
}

/** Calls that changed the same way for the same reasons. */
export interface ChangeGroup {
  effect: string;
  causes: string[];
  calls: number;
  seconds: Record<ChannelLayout, number>;
  appeared: number;
  vanished: number;
  /** The first few input lines of such calls. */
  examples: number[];
}

/** What a worker counted over its lines (and, merged, over the whole log). */
export interface CallDiffCounts {
  lines: number;
  /** Calls read; `through` of them went through the flow (inbound, to a number that runs it), and `changed` of those record differently. */
  calls: number;
  through: number;
  changed: number;
  seconds: Record<ChannelLayout, number>;
  groups: ChangeGroup[];
  refusedLines: number;
  /** The first few lines that could not run, with why. */
  refused: Array<{ line: number; error: string }>;
}

const EXAMPLES = 3;
const REFUSED_KEPT = 5;

export function emptyDiffCounts(): CallDiffCounts {
  return { lines: 0, calls: 0, through: 0, changed: 0, seconds: { dual: 0, mono: 0 }, groups: [], refusedLines: 0, refused: [] };
}

const groupKey = (g: Pick<ChangeGroup, 'effect' | 'causes'>) => `${g.effect}\u0000${g.causes.join('\u0000')}`;
const tidy = (n: number) => Math.round(n * 1e6) / 1e6;

/** Adds one group (one call, or a merged part) into `into`. */
function addGroup(into: CallDiffCounts, g: ChangeGroup, index: Map<string, ChangeGroup>): void {
  const key = groupKey(g);
  const found = index.get(key);
  if (!found) {
    const copy = { ...g, seconds: { ...g.seconds }, examples: g.examples.slice(0, EXAMPLES) };
    index.set(key, copy);
    into.groups.push(copy);
    return;
  }
  found.calls += g.calls;
  found.seconds.dual = tidy(found.seconds.dual + g.seconds.dual);
  found.seconds.mono = tidy(found.seconds.mono + g.seconds.mono);
  found.appeared += g.appeared;
  found.vanished += g.vanished;
  found.examples = [...found.examples, ...g.examples].sort((a, b) => a - b).slice(0, EXAMPLES);
}

/** Index of a part's groups by key, kept beside it while lines are added. */
const indexes = new WeakMap<CallDiffCounts, Map<string, ChangeGroup>>();
function indexOf(c: CallDiffCounts): Map<string, ChangeGroup> {
  let ix = indexes.get(c);
  if (!ix) {
    ix = new Map(c.groups.map((g) => [groupKey(g), g]));
    indexes.set(c, ix);
  }
  return ix;
}

/** Runs one call of the log through both versions and counts how its recording changed. Prints nothing per line. */
export function diffLine(text: string, lineNo: number, d: PreparedCallDiff, c: CallDiffCounts): string {
  c.lines++;
  const read = scenarioOfLine(text);
  const error = 'error' in read ? read.error : diffCall(read.scenario, lineNo, d, c);
  if (error !== null) {
    c.refusedLines++;
    if (c.refused.length < REFUSED_KEPT) c.refused.push({ line: lineNo, error });
  }
  return '';
}

/** One call through both versions, counted into `c`; or why it could not run. */
function diffCall(s: Scenario, lineNo: number, d: PreparedCallDiff, c: CallDiffCounts): string | null {
  // R4: a call from or to a number (or by an agent) the workspace lacks is refused, though the flow may never see it.
  const unknown = callStartProblems(d.workspace, s.call);
  if (unknown.length > 0) return errorsInline(unknown);
  // Other calls never reach the flow (R8: outbound calls run none): they record the same in both versions.
  if (s.call.direction !== 'inbound' || !d.numbers.has(s.call.numberId)) {
    c.calls++;
    return null;
  }
  let change: ReturnType<typeof recordingChange>;
  try {
    const before = simulate(d.workspace, d.before, s);
    const after = simulate(d.workspace, d.after, s);
    // R28: a version whose flow cannot be followed here compares nothing; the line says which.
    const stopped = flowStoppedText(before) ?? flowStoppedText(after);
    if (stopped !== null) return `${flowStoppedText(before) === null ? 'after' : 'before'}: ${stopped}`;
    change = recordingChange(before, after, d.notes);
  } catch (e) {
    return failureText(e);
  }
  c.calls++;
  c.through++;
  if (change) {
    c.changed++;
    c.seconds.dual = tidy(c.seconds.dual + change.seconds.dual);
    c.seconds.mono = tidy(c.seconds.mono + change.seconds.mono);
    const group: ChangeGroup = {
      effect: change.effect,
      causes: change.causes,
      calls: 1,
      seconds: change.seconds,
      appeared: change.appeared.length,
      vanished: change.vanished.length,
      examples: [lineNo],
    };
    addGroup(c, group, indexOf(c));
  }
  return null;
}

/** Adds a worker's part into the total. */
export function mergeDiffCounts(total: CallDiffCounts, part: CallDiffCounts): void {
  total.lines += part.lines;
  total.calls += part.calls;
  total.through += part.through;
  total.changed += part.changed;
  total.seconds.dual = tidy(total.seconds.dual + part.seconds.dual);
  total.seconds.mono = tidy(total.seconds.mono + part.seconds.mono);
  const ix = indexOf(total);
  for (const g of part.groups) addGroup(total, g, ix);
  total.refusedLines += part.refusedLines;
  total.refused = [...total.refused, ...part.refused].sort((a, b) => a.line - b.line).slice(0, REFUSED_KEPT);
}

const n = (x: number) => x.toLocaleString('en-US');
const signed = (s: number) => `${s > 0 ? '+' : '−'}${n(Math.abs(s))} s`;
const plural = (k: number, one: string, many = `${one}s`) => `${n(k)} ${k === 1 ? one : many}`;

/** The groups, most calls first (ties by the first example line), for both report forms. */
export function sortedGroups(c: CallDiffCounts): ChangeGroup[] {
  return [...c.groups].sort((a, b) => b.calls - a.calls || (a.examples[0] ?? 0) - (b.examples[0] ?? 0));
}

/** The report as text: a headline, the seconds per channel layout, then each kind of change with why and examples. */
export function describeCallDiff(log: string, c: CallDiffCounts): string[] {
  const share = c.through === 0 ? '' : ` (${((c.changed / c.through) * 100).toFixed(1)} %)`;
  const lines = [`${log}: ${plural(c.calls, 'call')}, ${n(c.through)} through the flow, ${n(c.changed)} record differently${share}`];
  if (c.refusedLines > 0) {
    lines.push(`  ${plural(c.refusedLines, 'line')} could not run, e.g.`);
    for (const r of c.refused) lines.push(`      line ${r.line}: ${r.error}`);
  }
  if (c.changed === 0) return lines;
  // A channel layout whose total did not move is left out: "mono ±0 s" reads as noise next to the one that did.
  const moved = (['dual', 'mono'] as const).filter((layout) => c.seconds[layout] !== 0);
  lines.push(
    `  recorded seconds: ${moved.length === 0 ? 'same total' : moved.map((layout) => `${layout} ${signed(c.seconds[layout])}`).join(', ')}`,
  );
  for (const g of sortedGroups(c)) {
    lines.push(`  ${plural(g.calls, 'call')}: ${g.effect}`);
    for (const cause of g.causes) lines.push(`      because ${cause}`);
    const figures = recordingFigures(g);
    if (figures !== '') lines.push(`      ${figures}`);
    lines.push(`      e.g. ${g.examples.length === 1 ? 'line' : 'lines'} ${g.examples.join(', ')}`);
  }
  return lines;
}
