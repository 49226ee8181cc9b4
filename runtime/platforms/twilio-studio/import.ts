/**
 * Twilio Studio flow definition → a Recflow flow, its workspace and the import report. Each state is read by
 * the kind that lists its widget type (`readerOf` in format.ts), or kept verbatim by the kind that keeps
 * every other type; the Trigger is read by the entry kind. Transitions become edges from the ports the kind
 * bound them to; a transition with no `next` ends the call (`endsCall`); positions come from `properties.offset`.
 */
import { isEntry } from '../../../nodes/index.ts';
import { type FormatNote, type JsonObject, type JsonValue, type PlatformRef, splitSlot } from '../../../nodes/kit/formats.ts';
import type { StudioState } from '../../../nodes/kit/twilio.ts';
import { readJson, toJsonPath } from '../../document/errors.ts';
import { FLOW_FORMAT, FLOW_VERSION, type FlowDoc, type FlowEdge, type FlowNode, parseFlow } from '../../document/flow.ts';
import {
  entryNode,
  entryPort,
  importItem,
  type ImportOptions,
  type ImportOutcome,
  type ImportReport,
  type ImportRow,
  layoutLayers,
  type ReportProblem,
  nodeIdsFor,
  predecessorsBy,
  flowIdFrom,
  recflowId,
  References,
  workspaceFor,
  worstFidelity,
} from '../format.ts';
import { clip } from '../../../nodes/kit/fields.ts';
import { checkStudioDocument, detectStudio, offsetOf, type StudioDocument } from './document.ts';

export const FORMAT = 'twilio-studio' as const;
export const PLATFORM = 'Twilio Studio';

/**
 * The `next` of the transition an exit slot names (`transitions[2]`), or undefined. A slot through an absorbed
 * state (`transitions[0]>transitions[2]`) is read in the state `absorbed` gives for the first part.
 */
export function slotTarget(state: StudioState, slot: string, absorbed?: (via: string) => StudioState | undefined): string | undefined {
  const { via, slot: own } = splitSlot(slot);
  const m = /^transitions\[(\d+)\]$/.exec(own);
  if (!m) return undefined;
  const holder = via === undefined ? state : absorbed?.(via);
  return holder?.transitions[Number(m[1])]?.next;
}

/**
 * The state a transition leads to, when a kind may read it with the state before it as one node: that state is
 * the only way in, and it is neither the state itself nor where the flow starts.
 */
export function follower(state: StudioState, slot: string, byName: ReadonlyMap<string, StudioState>, predecessors: ReadonlyMap<string, StudioState[]>, initial: string): StudioState | undefined {
  if (splitSlot(slot).via !== undefined) return undefined;
  const name = slotTarget(state, slot);
  const next = name === undefined ? undefined : byName.get(name);
  if (!next || next.name === state.name || next.name === initial) return undefined;
  const into = predecessors.get(next.name) ?? [];
  return into.length === 1 && into[0] === state ? next : undefined;
}

/** The flow-level fields of the definition, kept on the entry node so export gives them back. */
export interface StudioEnvelope {
  description: string;
  flags: JsonObject;
}

/**
 * Reads a Studio flow definition (text or a parsed value). Never throws: a refusal comes back with JSON paths.
 *
 * @example
 * const outcome = importStudioFlow(text);
 * if (outcome.ok) outcome.report.rows; // per widget: the kind it became, what is simulated
 */
export function importStudioFlow(input: unknown, options: ImportOptions = {}): ImportOutcome {
  const read = readJson(input);
  if (!read.ok) return read;
  const detection = detectStudio(read.value);
  if (detection.match === 'wrapped') return { ok: false, errors: detection.errors ?? [{ path: '$', message: detection.what }], what: detection.what };
  if (detection.match === 'no') {
    return { ok: false, errors: [{ path: '$', message: 'not a Twilio Studio flow definition: expected an object with description, states, initial_state and flags' }] };
  }
  const checked = checkStudioDocument(read.value);
  if (!checked.ok) return checked;
  return build(checked.doc, [], options);
}

function build(doc: StudioDocument, problems: ReportProblem[], options: ImportOptions): ImportOutcome {
  const refs = new References();
  const predecessors = predecessorsBy(doc.states, (s) => s.transitions.map((x) => x.next));
  const { nodeIdOf, taken } = nodeIdsFor(
    doc.states.map((s) => s.name),
    'state-',
  );

  const nodes: FlowNode[] = [];
  const rows: ImportRow[] = [];
  const edges: FlowEdge[] = [];
  const edgeIds = new Set<string>();
  let positioned = 0;
  let entry: FlowNode | undefined;
  const into = { nodeIdOf, edges, edgeIds };
  const byName = new Map(doc.states.map((s) => [s.name, s]));
  const indexOf = new Map(doc.states.map((s, i) => [s.name, i]));
  /** States a kind read as part of another state's node: by name, that node and what it says of them. */
  const absorbedBy = new Map<string, { nodeId: string; kind: string; notes: FormatNote[] }>();
  doc.states.forEach((state, i) => {
    const path = toJsonPath(['states', i]);
    const position = offsetOf(state);
    if (position) positioned++;
    const follow = (slot: string) => follower(state, slot, byName, predecessors, doc.initial_state);
    const { node, row, absorbed } = importItem<StudioState>(FORMAT, {
      action: state,
      id: state.name,
      type: state.type,
      path,
      word: 'widget',
      ctx: { ref: (r: PlatformRef) => refs.id(r), predecessors: predecessors.get(state.name) ?? [], follow },
      position,
      slotTarget: (slot) => slotTarget(state, slot, follow),
      slotLabel: (slot) => {
        const { via, slot: own } = splitSlot(slot);
        const through = via === undefined ? undefined : follow(via);
        const t = through?.transitions[Number(/\d+/.exec(own)?.[0])];
        return through && t ? `the ${t.event} transition of "${through.name}"` : slot;
      },
      slotPath: (slot) => {
        const { via, slot: own } = splitSlot(slot);
        const through = via === undefined ? undefined : follow(via);
        return through ? `${toJsonPath(['states', indexOf.get(through.name)!])}.${own}` : `${path}.${slot}`;
      },
      // Calls enter at one entry node, the initial state: any other trigger is kept as a step.
      refuse: (kind) => (kind.traits.entry && (entry || state.name !== doc.initial_state) ? `${kind.kind} (calls enter at the initial state only)` : undefined),
    }, into);
    if (isEntry(node)) entry = node;
    nodes.push(node);
    rows.push(row);
    for (const a of absorbed) absorbedBy.set(a.id, { nodeId: node.id, kind: node.kind, notes: a.notes });
  });
  // A state read as part of another's node is no node of its own: its row says which node holds it.
  for (const [name, by] of absorbedBy) {
    const own = nodeIdOf.get(name)!;
    const at = nodes.findIndex((n) => n.id === own);
    nodes.splice(at, 1);
    for (let k = edges.length - 1; k >= 0; k--) if (edges[k]!.source === own) edges.splice(k, 1);
    nodeIdOf.set(name, by.nodeId);
    const path = toJsonPath(['states', indexOf.get(name)!]);
    const row = rows.find((r) => r.actionId === name)!;
    const notes = by.notes.map((n) => ({ fidelity: n.fidelity, message: n.message, path: n.at ? `${path}.${n.at}` : path, ...(n.part ? { part: true as const } : {}) }));
    Object.assign(row, { nodeId: by.nodeId, kind: by.kind, notes, fidelity: worstFidelity(notes) });
  }

  const added: ImportReport['added'] = [];
  const initial = nodeIdOf.get(doc.initial_state)!;
  const fromState = entry !== undefined;
  if (!entry) {
    // The definition starts elsewhere than a trigger: calls enter at a Recflow entry leading to its initial state.
    const made = entryNode(taken, { x: 0, y: 0 });
    edges.unshift({ id: recflowId(`${made.id}-${entryPort()}`, edgeIds, 'e-'), source: made.id, sourcePort: entryPort(), target: initial });
    problems.push({ severity: 'warning', path: '$.initial_state', message: `the flow starts at "${doc.initial_state}", which is not a trigger: calls enter there` });
    nodes.unshift(made);
    entry = made;
    added.push({ nodeId: made.id, kind: made.kind, why: `where calls enter, leading to the initial state "${doc.initial_state}"` });
  }
  const envelope: StudioEnvelope = { description: doc.description, flags: doc.flags };
  entry.origin = { ...(entry.origin ?? { format: FORMAT }), metadata: envelope as unknown as JsonValue };
  if (positioned < doc.states.length) {
    layoutLayers(nodes, edges, entry.id);
    if (positioned > 0) problems.push({ severity: 'warning', path: '$.states', message: `${doc.states.length - positioned} of ${doc.states.length} states have no properties.offset: the flow was laid out automatically` });
  }

  const flowName = options.name ?? (doc.description.trim() !== '' ? clip(doc.description) : 'Twilio Studio flow');
  const flowId = options.flowId ?? flowIdFrom(flowName, new Set([...refs.byKey.values()].map((r) => r.id)));
  const entryWhy = fromState ? "Studio's trigger" : `no trigger starts the flow: leading to the initial state "${doc.initial_state}"`;
  const { workspace, added: more } = workspaceFor(FORMAT, flowId, flowName, refs, entry, 'Twilio ties numbers to a flow outside its definition', entryWhy);
  // The trigger is the entry, read from the file: only an entry Recflow added is listed as added.
  if (!fromState) added[0]!.why = more[0]?.why ?? added[0]!.why;
  const flow: FlowDoc = { format: FLOW_FORMAT, version: FLOW_VERSION, id: flowId, name: flowName, nodes, edges };
  if (doc.description !== '') flow.description = clip(doc.description, 2000);
  const check = parseFlow(flow);
  if (!check.ok) throw new Error(`the imported flow does not read back: ${check.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  workspace.flows.unshift(check.value);
  const report: ImportReport = { format: FORMAT, platform: PLATFORM, unit: { one: 'widget', many: 'widgets' }, rows, problems, added };
  return { ok: true, flow: check.value, workspace, report };
}
