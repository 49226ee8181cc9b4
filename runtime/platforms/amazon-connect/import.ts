/**
 * Amazon Connect flow language → a Recflow flow, its workspace and the import
 * report. Each action is read by the kind that lists its type (the registry's
 * `kindReading`), or kept verbatim by the kind that keeps every other type;
 * transitions become edges from the ports the kind bound them to; a port no
 * transition leads from ends the call there (`endsCall`).
 */
import { getModel } from '../../../nodes/index.ts';
import type { ConnectAction } from '../../../nodes/kit/connect.ts';
import type { JsonObject, JsonValue, PlatformRef, ReadResult } from '../../../nodes/kit/formats.ts';
import { idSchema } from '../../../nodes/kit/fields.ts';
import { readJson, toJsonPath } from '../../document/errors.ts';
import { FLOW_FORMAT, FLOW_VERSION, type FlowDoc, type FlowEdge, type FlowNode, parseFlow } from '../../document/flow.ts';
import {
  entryNode,
  entryPort,
  type ImportOptions,
  type ImportOutcome,
  type ImportReport,
  type ImportRow,
  keeperOf,
  layoutLayers,
  portsOf,
  type ReportProblem,
  readerOf,
  recflowId,
  References,
  workspaceFor,
  worstFidelity,
} from '../format.ts';

export { References };
import { actionMetadata, type ConnectDocument, checkConnectDocument, detectConnect, HINTS_KEY, positionOf } from './document.ts';

export const FORMAT = 'amazon-connect' as const;
export const PLATFORM = 'Amazon Connect';

/** The transition an exit slot names (`NextAction`, `Conditions[2]`, `Errors[0]`), or undefined. */
export function slotTarget(action: ConnectAction, slot: string): string | undefined {
  if (slot === 'NextAction') return action.Transitions.NextAction;
  const m = /^(Conditions|Errors)\[(\d+)\]$/.exec(slot);
  if (!m) return undefined;
  const list = m[1] === 'Conditions' ? action.Transitions.Conditions : action.Transitions.Errors;
  return list?.[Number(m[2])]?.NextAction;
}

/**
 * Reads a Connect flow (text or a parsed value). Never throws: a refusal comes back with JSON paths.
 *
 * @example
 * const outcome = importConnectFlow(text);
 * if (outcome.ok) outcome.report.rows; // per action: the kind it became, what is simulated
 */
export function importConnectFlow(input: unknown, options: ImportOptions = {}): ImportOutcome {
  const read = readJson(input);
  if (!read.ok) return read;
  let value = read.value;
  let textLength = typeof input === 'string' ? input.length : JSON.stringify(value).length;
  const problems: ReportProblem[] = [];
  const detection = detectConnect(value);
  if (detection.match === 'wrapped') {
    if (detection.unwrapped === undefined) return { ok: false, errors: detection.errors ?? [{ path: '$', message: detection.what }], what: detection.what };
    problems.push({ severity: 'warning', path: '$', message: `read from ${detection.what}` });
    value = detection.unwrapped;
    textLength = JSON.stringify(value).length;
  } else if (detection.match === 'no') {
    return { ok: false, errors: [{ path: '$', message: 'not an Amazon Connect flow: expected an object with Version "2019-10-30", StartAction and Actions' }] };
  }
  const checked = checkConnectDocument(value, textLength);
  if (!checked.ok) return checked;
  problems.push(...checked.warnings);
  return build(checked.doc, problems, options);
}

function build(doc: ConnectDocument, problems: ReportProblem[], options: ImportOptions): ImportOutcome {
  const refs = new References();
  const predecessors = new Map<string, ConnectAction[]>();
  for (const a of doc.Actions) {
    const targets = new Set([a.Transitions.NextAction, ...(a.Transitions.Conditions ?? []).map((c) => c.NextAction), ...(a.Transitions.Errors ?? []).map((e) => e.NextAction)]);
    for (const t of targets) if (t !== undefined) predecessors.set(t, [...(predecessors.get(t) ?? []), a]);
  }
  const taken = new Set<string>();
  const nodeIdOf = new Map<string, string>();
  // Identifiers Recflow can use as they are keep them, so a node is found by the id Connect shows.
  for (const a of doc.Actions) {
    if (!idSchema.safeParse(a.Identifier).success || taken.has(a.Identifier)) continue;
    nodeIdOf.set(a.Identifier, a.Identifier);
    taken.add(a.Identifier);
  }
  for (const a of doc.Actions) if (!nodeIdOf.has(a.Identifier)) nodeIdOf.set(a.Identifier, recflowId(a.Identifier, taken, 'action-'));

  const nodes: FlowNode[] = [];
  const rows: ImportRow[] = [];
  const edges: FlowEdge[] = [];
  const edgeIds = new Set<string>();
  let positioned = 0;
  doc.Actions.forEach((action, i) => {
    const path = toJsonPath(['Actions', i]);
    const metadata = actionMetadata(doc, action.Identifier);
    const hintsValue = metadata?.[HINTS_KEY];
    const hints = typeof hintsValue === 'object' && hintsValue !== null && !Array.isArray(hintsValue) ? (hintsValue as JsonObject) : undefined;
    const ctx = { ref: (r: PlatformRef) => refs.id(r), predecessors: predecessors.get(action.Identifier) ?? [], hints };
    const verbatim = structuredClone(action) as unknown as JsonValue;
    let reader = readerOf<ConnectAction>(FORMAT, action.Type);
    let result: ReadResult<unknown> | null = reader?.format.read(structuredClone(action), ctx) ?? null;
    const declinedBy = result === null && reader && !reader.format.readsOtherTypes ? reader.kind.kind : undefined;
    if (result && !getModel(reader!.kind.kind)!.schema.safeParse(result.data).success) result = null;
    if (result === null) {
      reader = keeperOf<ConnectAction>(FORMAT);
      result = reader?.format.read(structuredClone(action), ctx) ?? null;
    }
    if (!reader || !result) throw new Error(`no node kind keeps ${FORMAT} actions of type ${action.Type}`);
    const nodeId = nodeIdOf.get(action.Identifier)!;
    const position = positionOf(metadata);
    if (position) positioned++;
    const node = { id: nodeId, kind: reader.kind.kind, position: position ?? { x: 0, y: 0 }, data: result.data } as FlowNode;
    // The kind keeping the action in its own data need not have it twice.
    const kept = reader.format.keeps?.(result.data);
    const origin: NonNullable<FlowNode['origin']> = { format: FORMAT };
    if (!kept) origin.action = verbatim;
    if (metadata) origin.metadata = metadata as JsonValue;
    node.origin = origin;

    const notes = result.notes.map((n) => ({ fidelity: n.fidelity, message: n.message, path: n.at ? `${path}.${n.at}` : path }));
    if (declinedBy) notes.unshift({ fidelity: 'not-simulated', message: `this ${action.Type} is not one a ${declinedBy} node can hold: kept as it is`, path });
    // Exits to ports: the first slot bound to a port gives its edge.
    const ports = new Set(portsOf(node));
    const connected = new Set<string>();
    for (const exit of result.exits) {
      if (!ports.has(exit.port) || connected.has(exit.port)) continue;
      const target = slotTarget(action, exit.slot);
      if (target === undefined) continue;
      const targetId = nodeIdOf.get(target)!;
      if (targetId === nodeId) {
        notes.push({ fidelity: 'approximated', message: `${exit.slot} leads back into this action: Recflow draws no edge into the same node, so the ${exit.port} port ends the call in the simulation (export keeps it)`, path: `${path}.Transitions.${exit.slot}` });
        continue;
      }
      connected.add(exit.port);
      edges.push({ id: recflowId(`${nodeId}-${exit.port}`, edgeIds, 'e-'), source: nodeId, sourcePort: exit.port, target: targetId });
    }
    const open = [...ports].filter((p) => !connected.has(p));
    if (open.length > 0) node.endsCall = open;
    nodes.push(node);
    rows.push({ path, actionId: action.Identifier, actionType: action.Type, nodeId, kind: reader.kind.kind, fidelity: worstFidelity(notes), notes });
  });

  const entryPosition = positionOf({ position: (doc.Metadata?.entryPointPosition ?? doc.Metadata?.EntryPointPosition) as JsonValue } as JsonObject);
  const entry = entryNode(taken, entryPosition ?? { x: 0, y: 0 });
  const startTarget = nodeIdOf.get(doc.StartAction)!;
  edges.unshift({ id: recflowId(`${entry.id}-${entryPort()}`, edgeIds, 'e-'), source: entry.id, sourcePort: entryPort(), target: startTarget });
  nodes.unshift(entry);
  if (positioned < doc.Actions.length) {
    layoutLayers(nodes, edges, entry.id);
    if (positioned > 0) problems.push({ severity: 'warning', path: '$.Metadata.ActionMetadata', message: `${doc.Actions.length - positioned} of ${doc.Actions.length} actions have no position: the flow was laid out automatically` });
  } else if (!entryPosition) {
    entry.position = { x: Math.min(...nodes.slice(1).map((n) => n.position.x)) - 280, y: Math.min(...nodes.slice(1).map((n) => n.position.y)) };
  }

  const flowName = options.name ?? (typeof doc.Metadata?.name === 'string' && doc.Metadata.name.trim() !== '' ? doc.Metadata.name.slice(0, 200) : 'Amazon Connect flow');
  const flowId = options.flowId ?? recflowId(flowName.toLowerCase(), new Set(refs.byKey.size ? [...refs.byKey.values()].map((r) => r.id) : []));
  const { workspace, added } = workspaceFor(FORMAT, flowId, flowName, refs, entry, "Connect assigns numbers outside the flow", "Connect's entry point");
  const flow: FlowDoc = { format: FLOW_FORMAT, version: FLOW_VERSION, id: flowId, name: flowName, nodes, edges };
  if (typeof doc.Metadata?.description === 'string' && doc.Metadata.description !== '') flow.description = doc.Metadata.description.slice(0, 2000);
  // The document Recflow writes must read back: a kind writing data its schema refuses is a bug, said plainly.
  const check = parseFlow(flow);
  if (!check.ok) throw new Error(`the imported flow does not read back: ${check.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  workspace.flows.unshift(check.value);
  const report: ImportReport = { format: FORMAT, platform: PLATFORM, rows, problems, added };
  return { ok: true, flow: check.value, workspace, report };
}
