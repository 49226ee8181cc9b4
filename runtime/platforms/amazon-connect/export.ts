/**
 * A Recflow flow → an Amazon Connect flow language document and the export
 * report. An imported node that was not edited gives back its original action
 * (Identifier, Type, Parameters and Transitions as they were; only where its
 * transitions lead follows the edges); an edited one is written by its kind
 * from its original, changing what the edit touched; a drawn one is written by
 * its kind. What Connect cannot express is listed by node with the reason.
 */
import { getModel, isEntry } from '../../../nodes/index.ts';
import type { ConnectAction } from '../../../nodes/kit/connect.ts';
import { type ExitBinding, type FormatNote, type JsonObject, type JsonValue, type KindFormat, sameJson, type WriteResult } from '../../../nodes/kit/formats.ts';
import type { FlowDoc, FlowNode } from '../../document/flow.ts';
import { E164 } from '../../../nodes/kit/fields.ts';
import { type ExportOutcome, type ExportReport, type ExportRow, exportRow, leftOutNodes, originalReader, portsOf, portsOfData, reachedFrom, type ReportProblem, workspaceIdsWritten, writerOf } from '../format.ts';
import { type ConnectDocument, CONNECT_VERSION, HINTS_KEY, IDENTIFIER_REFUSED, MAX_ACTIONS, MAX_CONTENT_CHARS, MAX_IDENTIFIER } from './document.ts';
import { FORMAT, PLATFORM, References, slotTarget } from './import.ts';

type Exit = WriteResult<ConnectAction>['exits'][number];

interface Emission {
  node: FlowNode;
  index: number;
  actions: ConnectAction[];
  exits: Exit[];
  notes: FormatNote[];
  origin: ExportRow['origin'];
  hints?: JsonObject;
  carrier: number;
  /** Transitions of the original kept as they were (slots no port is bound to keep their own targets). */
  keepsOriginalTransitions: boolean;
  metadata?: JsonObject;
}

/** An identifier Connect accepts (at most 50 characters, none of `% : ( \ / ) = $ , ; [ ] { }`), unique among `taken`. */
function connectId(text: string, taken: Set<string>): string {
  const base = text.replace(new RegExp(IDENTIFIER_REFUSED.source, 'g'), '-').slice(0, MAX_IDENTIFIER - 3) || 'action';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

function setSlot(action: ConnectAction, slot: string, target: string): void {
  if (slot === 'NextAction') {
    action.Transitions.NextAction = target;
    return;
  }
  const m = /^(Conditions|Errors)\[(\d+)\]$/.exec(slot);
  const list = m && (m[1] === 'Conditions' ? action.Transitions.Conditions : action.Transitions.Errors);
  const item = list?.[Number(m![2])];
  if (item) item.NextAction = target;
}

/**
 * Writes a flow as a Connect flow. Never throws; the report lists, per node, the actions it became and what
 * Connect does differently, and Connect's limits as problems (errors: Connect would refuse the file).
 */
export function exportConnectFlow(flow: FlowDoc): ExportOutcome {
  // Connect names queues, agents and flows by id or ARN, which a drawn flow does not know.
  const ids = workspaceIdsWritten();
  const platformId = ids.platformId;
  const problems: ReportProblem[] = [];
  const entry = flow.nodes.find((n) => isEntry(n));
  const originals = new Map<string, ConnectAction>();
  const formatOf = (n: FlowNode) => writerOf<ConnectAction>(FORMAT, n.kind);
  const originalOf = originalReader<ConnectAction>(FORMAT);
  for (const n of flow.nodes) {
    const o = originalOf(n);
    if (o) originals.set(o.Identifier, o);
  }
  // What led into each original action, as on import, so a kind reads its original the same way again.
  const predecessors = new Map<string, ConnectAction[]>();
  for (const a of originals.values()) {
    const targets = new Set([a.Transitions.NextAction, ...(a.Transitions.Conditions ?? []).map((c) => c.NextAction), ...(a.Transitions.Errors ?? []).map((e) => e.NextAction)]);
    for (const t of targets) if (t !== undefined) predecessors.set(t, [...(predecessors.get(t) ?? []), a]);
  }
  const refs = new References();
  const taken = new Set<string>();
  for (const id of originals.keys()) taken.add(id);

  const emissions: Emission[] = [];
  flow.nodes.forEach((node, index) => {
    if (node === entry) return;
    const format = formatOf(node);
    const original = originalOf(node);
    const title = getModel(node.kind)?.title ?? node.kind;
    const metadata = node.origin?.metadata as JsonObject | undefined;
    if (!format) {
      emissions.push({ node, index, actions: [], exits: [], notes: [{ fidelity: 'not-simulated', message: `Amazon Connect has no ${title} block` }], origin: original ? 'edited' : 'drawn', keepsOriginalTransitions: false, carrier: 0, metadata });
      return;
    }
    let before: unknown;
    let bindings: ExitBinding[] = [];
    if (original) {
      const hintsValue = metadata?.[HINTS_KEY];
      const read = format.read(structuredClone(original), {
        ref: (r) => refs.id(r),
        predecessors: predecessors.get(original.Identifier) ?? [],
        hints: typeof hintsValue === 'object' && hintsValue !== null && !Array.isArray(hintsValue) ? (hintsValue as JsonObject) : undefined,
      });
      before = read?.data;
      bindings = read?.exits ?? [];
    }
    if (original && before !== undefined && sameJson(before, node.data)) {
      emissions.push({ node, index, actions: [structuredClone(original)], exits: bindings.map((b) => ({ action: 0, ...b })), notes: [], origin: 'unchanged', keepsOriginalTransitions: true, carrier: 0, metadata });
      return;
    }
    const written = (format as KindFormat<unknown, ConnectAction>).write(node.data, { original, before, platformId });
    const origin = original ? 'edited' : 'drawn';
    // An edit that leaves the node's ports as they were keeps the original's transitions and where each leads.
    if (original && before !== undefined && written.actions.length === 1 && written.actions[0]!.Type === original.Type && sameJson(portsOfData(node, before), portsOf(node))) {
      const action = { ...structuredClone(original), Parameters: written.actions[0]!.Parameters };
      emissions.push({ node, index, actions: [action], exits: bindings.map((b) => ({ action: 0, ...b })), notes: written.notes, origin, hints: written.hints, keepsOriginalTransitions: true, carrier: 0, metadata });
      return;
    }
    emissions.push({ node, index, actions: written.actions, exits: written.exits, notes: written.notes, origin, hints: written.hints, keepsOriginalTransitions: false, carrier: written.carrier ?? 0, metadata });
  });

  // Identifiers: an imported node keeps its action's; a drawn one is named after the node.
  for (const e of emissions) {
    const original = originalOf(e.node);
    e.actions.forEach((a, i) => {
      if (i === 0 && original) a.Identifier = original.Identifier;
      else a.Identifier = connectId(i === 0 ? e.node.id : `${e.node.id}-${i + 1}`, taken);
    });
  }
  // Where a call goes when a port leads nowhere: Connect needs a next action, so one shared disconnect.
  let endAction: ConnectAction | undefined;
  const end = () => {
    endAction ??= { Identifier: connectId('recflow-end', taken), Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} };
    return endAction.Identifier;
  };
  // A node Connect cannot express stands in as a disconnect: the call ends there on Connect.
  for (const e of emissions) {
    if (e.actions.length > 0) continue;
    e.actions = [{ Identifier: connectId(e.node.id, taken), Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} }];
    e.notes.push({ fidelity: 'not-simulated', message: 'written as a disconnect: on Connect the call ends here' });
  }
  /** Branches with no port behind them: import draws no edge for them, so what only they lead to is drawn unreachable. */
  const unbound: Array<{ set: (target: string) => void }> = [];
  const firstAction = new Map(emissions.map((e) => [e.node.id, e.actions[0]!.Identifier]));
  const edgeFrom = new Map(flow.edges.map((ed) => [`${ed.source}\u0000${ed.sourcePort}`, ed.target]));

  for (const e of emissions) {
    const original = originalOf(e.node);
    const used = new Set<string>();
    for (const exit of e.exits) {
      const action = e.actions[exit.action];
      if (!action) continue;
      if ('to' in exit) {
        setSlot(action, exit.slot, e.actions[exit.to]!.Identifier);
        continue;
      }
      used.add(exit.port);
      const target = edgeFrom.get(`${e.node.id}\u0000${exit.port}`);
      if (target !== undefined && firstAction.has(target)) {
        setSlot(action, exit.slot, firstAction.get(target)!);
        continue;
      }
      const before = e.keepsOriginalTransitions && original ? slotTarget(original, exit.slot) : undefined;
      // A transition back into the action itself was imported without an edge: it is given back as it was.
      if (before !== undefined && before === original?.Identifier) continue;
      if (before === undefined && e.keepsOriginalTransitions) continue;
      setSlot(action, exit.slot, end());
    }
    if (e.keepsOriginalTransitions && original) {
      // Transitions no port is bound to keep their targets, when those actions are still written.
      const written = new Set(emissions.flatMap((x) => x.actions.map((a) => a.Identifier)));
      const a = e.actions[0]!;
      const all = [
        ...(a.Transitions.NextAction !== undefined && !e.exits.some((x) => x.slot === 'NextAction') ? [{ slot: 'NextAction', target: a.Transitions.NextAction }] : []),
        ...(a.Transitions.Conditions ?? []).map((c, i) => ({ slot: `Conditions[${i}]`, target: c.NextAction })).filter((s) => !e.exits.some((x) => x.slot === s.slot)),
        ...(a.Transitions.Errors ?? []).map((c, i) => ({ slot: `Errors[${i}]`, target: c.NextAction })).filter((s) => !e.exits.some((x) => x.slot === s.slot)),
      ];
      for (const s of all) {
        if (written.has(s.target)) continue;
        setSlot(a, s.slot, end());
        e.notes.push({ fidelity: 'approximated', message: `${s.slot} led to "${s.target}", which is no longer in the flow: it now disconnects` });
      }
    }
    // A branch the kind wrote with no port behind it (a flow transfer's error): on Connect the call ends there.
    for (const a of e.actions) {
      if (a.Transitions.NextAction === '') unbound.push({ set: (t) => (a.Transitions.NextAction = t) });
      for (const item of [...(a.Transitions.Conditions ?? []), ...(a.Transitions.Errors ?? [])]) if (item.NextAction === '') unbound.push({ set: (t) => (item.NextAction = t) });
    }
    for (const port of portsOf(e.node)) {
      if (used.has(port) || !edgeFrom.has(`${e.node.id}\u0000${port}`)) continue;
      e.notes.push({ fidelity: 'not-simulated', message: `the connection from port ${port} is not exported: the Connect action has no such branch` });
    }
  }

  let startAction: string;
  const first = entry ? edgeFrom.get(`${entry.id}\u0000${getModel(entry.kind)!.ports(entry.data)[0]!.id}`) : undefined;
  if (first !== undefined && firstAction.has(first)) startAction = firstAction.get(first)!;
  else {
    startAction = end();
    problems.push({ severity: 'warning', path: '$.nodes', message: 'the flow’s Start leads nowhere: the Connect flow only disconnects' });
  }

  const byId = new Map(emissions.flatMap((e) => e.actions.map((a) => [a.Identifier, a] as const)));
  if (endAction) byId.set(endAction.Identifier, endAction);
  const targetsOf = (id: string) => {
    const t = byId.get(id)?.Transitions;
    return t ? [t.NextAction, ...(t.Conditions ?? []).map((c) => c.NextAction), ...(t.Errors ?? []).map((c) => c.NextAction)] : [];
  };
  if (unbound.length > 0) {
    // Those branches end the call: at a disconnect a call reaches by the drawn connections when there is one (imported
    // back, it is a node a call reaches), else at the shared end (imported back, a Hang up node no call reaches).
    const byPorts = reachedFrom(startAction, (id) => targetsOf(id).filter((t) => t !== ''));
    const disconnect = [...byPorts].find((id) => byId.get(id)?.Type === 'DisconnectParticipant' && Object.keys(byId.get(id)!.Parameters).length === 0);
    const target = disconnect ?? end();
    if (!byId.has(target)) byId.set(target, endAction!);
    for (const u of unbound) u.set(target);
  }
  // C1 on Connect: a block nothing leads to any more (what led there became a disconnect, or has no such branch)
  // is left out, so the file imports back with no node a call cannot reach.
  const reached = reachedFrom(startAction, targetsOf);
  const leftOut = leftOutNodes(flow, emissions.map((e) => ({ node: e.node, ids: e.actions.map((a) => a.Identifier) })), reached, 'Connect');
  for (const e of emissions) {
    const note = leftOut.get(e.node.id);
    if (!note) continue;
    e.actions = [];
    e.notes.push(note);
  }
  const leadsTo = (target: string) =>
    startAction === target ||
    emissions.some((e) => e.actions.some((a) => a.Transitions.NextAction === target || [...(a.Transitions.Conditions ?? []), ...(a.Transitions.Errors ?? [])].some((c) => c.NextAction === target)));
  if (endAction && !leadsTo(endAction.Identifier)) endAction = undefined;

  const actions: ConnectAction[] = [];
  const actionMetadata: JsonObject = {};
  const rows: ExportRow[] = [];
  for (const e of emissions) {
    e.actions.forEach((a, i) => {
      // Connect refuses a phone number to transfer to in any form but E.164 (a `$.` reference is read at run time).
      const phone = a.Parameters.ThirdPartyPhoneNumber;
      if (typeof phone === 'string' && !phone.startsWith('$.') && !E164.test(phone)) {
        problems.push({
          severity: 'error',
          path: `$.Actions[${actions.length}].Parameters.ThirdPartyPhoneNumber`,
          message: `Connect would refuse this (node ${e.node.id}): "${phone}" is not an E.164 phone number (+, country code, at most 15 digits)`,
        });
      }
      actions.push(a);
      const base = i === 0 && e.metadata ? structuredClone(e.metadata) : {};
      const key = 'Position' in base && !('position' in base) ? 'Position' : 'position';
      base[key] = { x: e.node.position.x + i * 40, y: e.node.position.y + i * 40 };
      if (i === e.carrier && e.hints && e.origin !== 'unchanged') base[HINTS_KEY] = e.hints;
      actionMetadata[a.Identifier] = base;
    });
    rows.push(exportRow(e, e.actions.map((a) => ({ id: a.Identifier, type: a.Type }))));
  }
  if (endAction) {
    actions.push(endAction);
    actionMetadata[endAction.Identifier] = { position: { x: Math.max(0, ...flow.nodes.map((n) => n.position.x)) + 280, y: 0 } };
  }
  const metadata: JsonObject = {
    entryPointPosition: entry ? { x: entry.position.x, y: entry.position.y } : { x: 0, y: 0 },
    ActionMetadata: actionMetadata,
    name: flow.name,
  };
  if (flow.description !== undefined) metadata.description = flow.description;
  const document: ConnectDocument = { Version: CONNECT_VERSION, StartAction: startAction, Metadata: metadata, Actions: actions };
  const text = `${JSON.stringify(document, null, 2)}\n`;
  if (actions.length > MAX_ACTIONS) problems.push({ severity: 'error', path: '$.nodes', message: `${actions.length} Connect actions: Connect accepts at most ${MAX_ACTIONS} in one flow` });
  if (JSON.stringify(document).length > MAX_CONTENT_CHARS) problems.push({ severity: 'error', path: '$', message: `the Connect flow is longer than Connect's ${MAX_CONTENT_CHARS} characters` });
  const idWarning = ids.warning('Connect', 'an id or ARN', 'replace them with the queue, agent and flow ARNs of your instance before importing into Connect');
  if (idWarning) problems.push(idWarning);
  const report: ExportReport = { format: FORMAT, platform: PLATFORM, rows, problems };
  return { ok: true, document: document as unknown as JsonValue, text, report };
}
