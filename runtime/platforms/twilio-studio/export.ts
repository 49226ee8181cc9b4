/**
 * A Recflow flow → a Twilio Studio flow definition and the export report. An imported node that was not
 * edited gives back its original state (name, type, transitions and properties as they were; only where its
 * transitions lead follows the edges, and `properties.offset` the node's position); an edited one is written
 * by its kind from its original; a drawn one by its kind. What Studio cannot express is listed by node.
 */
import { getModel, isEntry } from '../../../nodes/index.ts';
import { type ExitBinding, type FormatNote, type JsonValue, sameJson, splitSlot, type WriteResult } from '../../../nodes/kit/formats.ts';
import type { StudioState } from '../../../nodes/kit/twilio.ts';
import type { FlowDoc, FlowNode } from '../../document/flow.ts';
import { type ExportOutcome, type ExportReport, type ExportRow, exportRow, leftOutNodes, originalReader, portsOf, portsOfData, reachedFrom, type ReportProblem, References, workspaceIdsWritten, writerOf } from '../format.ts';
import { MAX_STATES, type StudioDocument } from './document.ts';
import { FORMAT, PLATFORM, type StudioEnvelope, slotTarget } from './import.ts';
import { validateStudioDefinition } from './widgets.ts';

type Exit = WriteResult<StudioState>['exits'][number];

interface Emission {
  node: FlowNode;
  index: number;
  states: StudioState[];
  exits: Exit[];
  notes: FormatNote[];
  origin: ExportRow['origin'];
  /** The original's transitions are kept (those no port is bound to keep their own targets). */
  keepsOriginal: boolean;
  /** The name of the first state (an imported node's original name; a drawn node's made from its id). */
  name?: string;
}

/** A widget name Studio accepts (letters, digits, underscores), unique among `taken`. */
function studioName(text: string, taken: Set<string>): string {
  const base = text.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 60) || 'widget';
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
  taken.add(name);
  return name;
}

function setNext(state: StudioState, slot: string, next: string | undefined): void {
  const m = /^transitions\[(\d+)\]$/.exec(slot);
  const t = m ? state.transitions[Number(m[1])] : undefined;
  if (!t) return;
  if (next === undefined) delete t.next;
  else t.next = next;
}

/**
 * Writes a flow as a Studio flow definition. Never throws; the report lists, per node, the widgets it became
 * and what Studio does differently, and Studio's limits as problems (errors: Studio would refuse the file).
 */
export function exportStudioFlow(flow: FlowDoc): ExportOutcome {
  const ids = workspaceIdsWritten();
  const platformId = ids.platformId;
  const problems: ReportProblem[] = [];
  const entry = flow.nodes.find((n) => isEntry(n));
  const formatOf = (n: FlowNode) => writerOf<StudioState>(FORMAT, n.kind);
  const originalOf = originalReader<StudioState>(FORMAT);
  /** The states an imported node also stands for (a split on a gather's digits, read with it as one node). */
  const absorbedOf = (n: FlowNode): StudioState[] =>
    originalOf(n) && n.origin?.format === FORMAT && Array.isArray(n.origin.absorbed) ? (n.origin.absorbed as unknown as StudioState[]) : [];
  const originals = flow.nodes.flatMap((n) => {
    const o = originalOf(n);
    return o ? [o, ...absorbedOf(n)] : [];
  });
  const predecessors = new Map<string, StudioState[]>();
  for (const s of originals) for (const t of new Set(s.transitions.map((x) => x.next))) if (t !== undefined) predecessors.set(t, [...(predecessors.get(t) ?? []), s]);
  const refs = new References();
  const taken = new Set<string>(originals.map((o) => o.name));

  const emissions: Emission[] = [];
  flow.nodes.forEach((node, index) => {
    // An entry Recflow added on import (the definition started elsewhere than a trigger) is not a state:
    // the definition starts where it leads, as it did.
    if (node === entry && node.origin?.format === FORMAT && node.origin.action === undefined) {
      emissions.push({ node, index, states: [], exits: [], notes: [], origin: 'unchanged', keepsOriginal: false });
      return;
    }
    const format = formatOf(node);
    const original = originalOf(node);
    const title = getModel(node.kind)?.title ?? node.kind;
    const base = { node, index, exits: [], origin: (original ? 'edited' : 'drawn') as ExportRow['origin'], keepsOriginal: false };
    if (!format) {
      const ends = portsOf(node).length === 0;
      const notes: FormatNote[] = [
        ends
          ? { fidelity: 'simulated', message: `Studio has no ${title} widget: a transition with no next ends the call, as here` }
          : { fidelity: 'not-simulated', message: `Studio has no ${title} widget: the call ends where it would enter this node` },
      ];
      emissions.push({ ...base, states: [], notes });
      return;
    }
    let before: unknown;
    let bindings: ExitBinding[] = [];
    let absorbs: Array<{ slot: string }> = [];
    const absorbed = absorbedOf(node);
    if (original) {
      const follow = (slot: string) => absorbed.find((a) => a.name === slotTarget(original, slot));
      const read = format.read(structuredClone(original), { ref: (r) => refs.id(r), predecessors: predecessors.get(original.name) ?? [], follow });
      before = read?.data;
      bindings = read?.exits ?? [];
      absorbs = read?.absorbs ?? [];
    }
    // The first state's name is known before writing: a state the node writes after it may refer to it.
    const name = original ? original.name : studioName(node.id, taken);
    const written = format.write(node.data, { original, before, absorbed, name, platformId });
    const kept = original ? [original, ...absorbed] : [];
    const sameShape =
      absorbs.length === absorbed.length && written.actions.length === kept.length && written.actions.every((a, i) => a.type === kept[i]!.type);
    if (original && before !== undefined && sameShape && sameJson(portsOfData(node, before), portsOf(node))) {
      // Given back as imported: the original states with the properties the kind wrote, their own transitions.
      const states = kept.map((o, i) => ({ ...structuredClone(o), properties: written.actions[i]!.properties }));
      // An edit Studio cannot hold leaves the properties as they were: the node is still edited when its kind
      // says what is lost (data Recflow added on import, such as the entry's numbers, is no edit).
      const unchanged = kept.every((o, i) => sameJson(written.actions[i]!.properties, o.properties)) && (sameJson(before, node.data) || written.notes.length === 0);
      const exits: Exit[] = bindings.map((b) => {
        const { via, slot } = splitSlot(b.slot);
        return { action: via === undefined ? 0 : 1 + absorbs.findIndex((a) => a.slot === via), slot, port: b.port };
      });
      for (const [i, a] of absorbs.entries()) exits.push({ action: 0, slot: a.slot, to: i + 1 });
      emissions.push({ ...base, states, exits, notes: unchanged ? [] : written.notes, origin: unchanged ? 'unchanged' : 'edited', keepsOriginal: true, name });
      return;
    }
    emissions.push({ ...base, states: written.actions, exits: written.exits, notes: written.notes, name });
  });

  // Names: an imported node keeps its states'; a drawn one is named after the node (a further state as its
  // kind named it, made unique). Offsets follow the node; an absorbed state keeps its place beside the first.
  for (const e of emissions) {
    const original = originalOf(e.node);
    const absorbed = absorbedOf(e.node);
    const at = (s: StudioState | undefined) => {
      const o = s?.properties.offset as { x?: unknown; y?: unknown } | undefined;
      return typeof o?.x === 'number' && typeof o.y === 'number' ? { x: o.x, y: o.y } : undefined;
    };
    e.states.forEach((s, i) => {
      const own = i > 0 ? absorbed.find((a) => a.name === s.name) : undefined;
      if (i === 0) s.name = e.name ?? studioName(e.node.id, taken);
      else if (!own) s.name = studioName(s.name || `${e.node.id}_${i + 1}`, taken);
      const from = at(original);
      const to = at(own);
      const shift = from && to ? { x: to.x - from.x, y: to.y - from.y } : { x: i * 40, y: i * 40 };
      s.properties = { ...s.properties, offset: { x: Math.round(e.node.position.x + shift.x), y: Math.round(e.node.position.y + shift.y) } };
    });
  }
  const firstState = new Map(emissions.filter((e) => e.states.length > 0).map((e) => [e.node.id, e.states[0]!.name]));
  const written = new Set(emissions.flatMap((e) => e.states.map((s) => s.name)));
  const edgeFrom = new Map(flow.edges.map((ed) => [`${ed.source}\u0000${ed.sourcePort}`, ed.target]));

  for (const e of emissions) {
    if (e.states.length === 0) continue;
    const original = originalOf(e.node);
    const used = new Set<string>();
    const bound = new Set<string>();
    for (const exit of e.exits) {
      const state = e.states[exit.action];
      if (!state) continue;
      bound.add(`${exit.action} ${exit.slot}`);
      if ('to' in exit) {
        setNext(state, exit.slot, e.states[exit.to]!.name);
        continue;
      }
      used.add(exit.port);
      const target = edgeFrom.get(`${e.node.id}\u0000${exit.port}`);
      if (target !== undefined && firstState.has(target)) {
        setNext(state, exit.slot, firstState.get(target));
        continue;
      }
      // A transition back into the node itself was imported without an edge: it is given back as it was.
      const was = original ? slotTarget(state, exit.slot) : undefined;
      if (was !== undefined && e.states.some((k) => k.name === was)) continue;
      setNext(state, exit.slot, undefined);
    }
    e.states.forEach((s, i) => {
      s.transitions.forEach((t, k) => {
        if (bound.has(`${i} transitions[${k}]`) || t.next === undefined || written.has(t.next)) return;
        e.notes.push({ fidelity: 'approximated', message: `the ${t.event} transition led to "${t.next}", which is no longer in the flow: it now ends the call` });
        delete t.next;
      });
    });
    for (const port of portsOf(e.node)) {
      if (used.has(port) || !edgeFrom.has(`${e.node.id}\u0000${port}`)) continue;
      e.notes.push({ fidelity: 'not-simulated', message: `the connection from port ${port} is not exported: the Studio widget has no such transition` });
    }
  }

  const entryEmission = emissions.find((e) => e.node === entry);
  const entryTarget = entry ? edgeFrom.get(`${entry.id}\u0000${portsOf(entry)[0]}`) : undefined;
  let initial = entryEmission?.states[0]?.name ?? (entryEmission && entryTarget !== undefined ? firstState.get(entryTarget) : undefined);
  // C1 on Studio: a widget nothing leads to any more (what led there has no such transition, or is not written)
  // is left out, so the definition imports back with no node a call cannot reach.
  const stateNamed = new Map(emissions.flatMap((e) => e.states.map((s) => [s.name, s] as const)));
  const reached = reachedFrom(initial, (name) => stateNamed.get(name)?.transitions.map((t) => t.next) ?? []);
  const leftOut = leftOutNodes(flow, emissions.map((e) => ({ node: e.node, ids: e.states.map((s) => s.name) })), reached, 'Studio');
  for (const e of emissions) {
    const note = leftOut.get(e.node.id);
    if (!note) continue;
    e.states = [];
    e.notes.push(note);
  }
  const states = emissions.flatMap((e) => e.states);
  if (initial === undefined) {
    const trigger: StudioState = { name: studioName('Trigger', taken), type: 'trigger', transitions: [{ event: 'incomingCall' }], properties: { offset: { x: 0, y: 0 } } };
    states.unshift(trigger);
    initial = trigger.name;
    problems.push({ severity: 'warning', path: '$.nodes', message: 'the flow has no Start: the Studio flow only has a trigger that ends every call' });
  }
  const envelope = entry?.origin?.format === FORMAT ? (entry.origin.metadata as unknown as StudioEnvelope | undefined) : undefined;
  // The definition's one text is its description, which import reads as the flow's name (the Flow resource's
  // friendly_name is outside the definition): a drawn flow's name goes there, so it comes back with its id.
  if (!envelope && flow.description !== undefined && flow.description !== flow.name) {
    problems.push({
      severity: 'warning',
      path: '$.description',
      message: "the flow's description is not written: a Studio definition holds one text, its description, which carries the flow's name (read back as the name on import)",
    });
  }
  const document: StudioDocument = {
    description: envelope?.description ?? flow.name,
    states,
    initial_state: initial,
    flags: envelope?.flags ?? { allow_concurrent_calls: true },
  };
  const rows: ExportRow[] = emissions.map((e) => exportRow(e, e.states.map((s) => ({ id: s.name, type: s.type }))));
  if (states.length > MAX_STATES) problems.push({ severity: 'error', path: '$.nodes', message: `${states.length} Studio states: Studio accepts at most ${MAX_STATES} in one flow` });
  else {
    // What Studio's schema would refuse, at its path in the written definition, with the node it came from.
    const nodeOf = new Map(emissions.flatMap((e) => e.states.map((s) => [s.name, e.node.id] as const)));
    for (const wrong of validateStudioDefinition(document)) {
      const at = /^\$\.states\[(\d+)\]/.exec(wrong.path);
      const from = at ? nodeOf.get(states[Number(at[1])]!.name) : undefined;
      problems.push({ severity: 'error', path: wrong.path, message: `Studio would refuse this${from === undefined ? '' : ` (node ${from})`}: ${wrong.message}` });
    }
  }
  const idWarning = ids.warning('Studio', 'a SID, client or queue name', "replace them with your account's before publishing");
  if (idWarning) problems.push(idWarning);
  const report: ExportReport = { format: FORMAT, platform: PLATFORM, rows, problems };
  return { ok: true, document: document as unknown as JsonValue, text: `${JSON.stringify(document, null, 2)}\n`, report };
}

