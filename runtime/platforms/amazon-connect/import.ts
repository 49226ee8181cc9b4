/**
 * Amazon Connect flow language → a Recflow flow, its workspace and the import report. Each action is read by the
 * kind that lists its type (`readerOf` in format.ts), or kept verbatim by the kind that keeps every other type;
 * transitions become edges from the ports the kind bound them to; a port no transition leads from ends the call
 * there (`endsCall`).
 */
import type { ConnectAction } from '../../../nodes/kit/connect.ts';
import type { JsonObject, JsonValue, PlatformRef } from '../../../nodes/kit/formats.ts';
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
} from '../format.ts';
import { clip } from '../../../nodes/kit/fields.ts';

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
  const predecessors = predecessorsBy(doc.Actions, (a) => [
    a.Transitions.NextAction,
    ...(a.Transitions.Conditions ?? []).map((c) => c.NextAction),
    ...(a.Transitions.Errors ?? []).map((e) => e.NextAction),
  ]);
  const { nodeIdOf, taken } = nodeIdsFor(
    doc.Actions.map((a) => a.Identifier),
    'action-',
  );

  const nodes: FlowNode[] = [];
  const rows: ImportRow[] = [];
  const edges: FlowEdge[] = [];
  const edgeIds = new Set<string>();
  let positioned = 0;
  const into = { nodeIdOf, edges, edgeIds };
  doc.Actions.forEach((action, i) => {
    const path = toJsonPath(['Actions', i]);
    const metadata = actionMetadata(doc, action.Identifier);
    const hintsValue = metadata?.[HINTS_KEY];
    const hints = typeof hintsValue === 'object' && hintsValue !== null && !Array.isArray(hintsValue) ? (hintsValue as JsonObject) : undefined;
    const position = positionOf(metadata);
    if (position) positioned++;
    const { node, row } = importItem<ConnectAction>(FORMAT, {
      action,
      id: action.Identifier,
      type: action.Type,
      path,
      word: 'action',
      ctx: { ref: (r: PlatformRef) => refs.id(r), predecessors: predecessors.get(action.Identifier) ?? [], hints },
      position,
      metadata: metadata as JsonValue | undefined,
      slotTarget: (slot) => slotTarget(action, slot),
      slotPath: (slot) => `${path}.Transitions.${slot}`,
    }, into);
    nodes.push(node);
    rows.push(row);
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

  const flowName = options.name ?? (typeof doc.Metadata?.name === 'string' && doc.Metadata.name.trim() !== '' ? clip(doc.Metadata.name) : 'Amazon Connect flow');
  const flowId = options.flowId ?? flowIdFrom(flowName, new Set([...refs.byKey.values()].map((r) => r.id)));
  const { workspace, added } = workspaceFor(FORMAT, flowId, flowName, refs, entry, "Connect assigns numbers outside the flow", "Connect's entry point");
  const flow: FlowDoc = { format: FLOW_FORMAT, version: FLOW_VERSION, id: flowId, name: flowName, nodes, edges };
  if (typeof doc.Metadata?.description === 'string' && doc.Metadata.description !== '') flow.description = clip(doc.Metadata.description, 2000);
  // The document Recflow writes must read back: a kind writing data its schema refuses is a bug, said plainly.
  const check = parseFlow(flow);
  if (!check.ok) throw new Error(`the imported flow does not read back: ${check.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  workspace.flows.unshift(check.value);
  const report: ImportReport = { format: FORMAT, platform: PLATFORM, unit: { one: 'action', many: 'actions' }, rows, problems, added };
  return { ok: true, flow: check.value, workspace, report };
}
