/**
 * Importing flows from a platform's own format and exporting them back, the
 * same way for every platform: one importer/exporter per format (Amazon
 * Connect's flow language, Twilio Studio's flow definition), one report shape, and
 * format detection from the content. What one platform action means for one
 * kind is the kind's (`formats` in `nodes/<kind>/kind.ts`, loaded here on first
 * use); the envelope of each format is its folder here.
 */
import { entryKind, getModel, isEntry, kinds } from '../../nodes/index.ts';
import type { AnyKind } from '../../nodes/kit/contract.ts';
import { clip, idSchema, RESERVED_IDS } from '../../nodes/kit/fields.ts';
import type { Fidelity, FormatName, FormatNote, JsonValue, KindFormat, PlatformRef, ReadContext, ReadResult } from '../../nodes/kit/formats.ts';
import type { DocError } from '../document/errors.ts';
import { createFlow, type FlowDoc, type FlowEdge, type FlowNode } from '../document/flow.ts';
import { choosePlatform, createWorkspace, defaultRole, type WorkspaceDoc } from '../document/workspace.ts';

export type { Fidelity, FormatName, FormatNote };

/** A flow-wide problem of an import or export: where (a JSON path in the file it is about) and why. */
export interface ReportProblem {
  severity: 'error' | 'warning';
  path: string;
  message: string;
}

/** What became of one action of the imported file. */
export interface ImportRow {
  /** JSON path of the action in the imported file (`$.Actions[3]`). */
  path: string;
  /** The action's id and type as the platform writes them. */
  actionId: string;
  actionType: string;
  /** The node it became, and that node's kind. */
  nodeId: string;
  kind: string;
  /** The least faithful of its notes about the whole action (not a `part`): `simulated` when it has none. */
  fidelity: Fidelity;
  /** What is approximated or not simulated, each with the JSON path of what it is about (`part`: see FormatNote). */
  notes: Array<{ fidelity: Fidelity; message: string; path: string; part?: true }>;
}

export interface ImportReport {
  format: FormatName;
  /** The platform's name for people ("Amazon Connect"). */
  platform: string;
  /** What the platform calls one step of its flows, for people: Connect's "action", Studio's "widget". */
  unit: { one: string; many: string };
  rows: ImportRow[];
  problems: ReportProblem[];
  /** Nodes Recflow added that the file has no action for (the flow's entry). */
  added: Array<{ nodeId: string; kind: string; why: string }>;
}

/** What became of one node of the exported flow. */
export interface ExportRow {
  /** JSON path of the node in the flow document (`$.nodes[2]`). */
  path: string;
  nodeId: string;
  kind: string;
  /** The platform actions it became (none: the platform cannot express it, see `notes`). */
  actions: Array<{ id: string; type: string }>;
  /** `unchanged`: an imported node given back as it came; `edited`: imported, then changed; `drawn`: made in Recflow. */
  origin: 'unchanged' | 'edited' | 'drawn';
  fidelity: Fidelity;
  /** What the platform does differently from the simulation, and why (with the rule where one applies). */
  notes: FormatNote[];
}

export interface ExportReport {
  format: FormatName;
  platform: string;
  rows: ExportRow[];
  problems: ReportProblem[];
}

export type ImportOutcome =
  | { ok: true; flow: FlowDoc; workspace: WorkspaceDoc; report: ImportReport }
  | { ok: false; errors: DocError[]; /** When the content is this format in a shape Recflow does not read, what it is. */ what?: string };

export type ExportOutcome = { ok: true; document: unknown; text: string; report: ExportReport } | { ok: false; errors: DocError[] };

/** How sure a format is that a parsed value is one of its documents. */
export type Detection =
  | { match: 'yes' }
  /** Its document in another shape (an older export, a wrapper): refused by name, or `unwrapped` to read instead. */
  | { match: 'wrapped'; what: string; unwrapped?: unknown; errors?: DocError[] }
  | { match: 'no' };

export interface ImportOptions {
  /** The flow id and name to give the Recflow flow (else derived from the file). */
  flowId?: string;
  name?: string;
}


/** One platform format: what it is called, how to recognise it, and its importer and exporter. */
export interface PlatformFormat {
  name: FormatName;
  platform: string;
  /** What the file is called on the platform ("Amazon Connect flow"). */
  documentName: string;
  /** Where an exported file goes on the platform, for people ("for the Amazon Connect console's Import flow"). */
  destination: string;
  detect(value: unknown): Detection;
  importFlow(value: unknown, options?: ImportOptions): ImportOutcome;
  exportFlow(flow: FlowDoc): ExportOutcome;
}

// ---------------------------------------------------------------- the kinds' parts, loaded once

/** Every kind's part of every format, and which kind reads which action type. */
export interface FormatParts {
  /** The kind reading an action of `type` in `format`: the one listing the type, else the one keeping any other. */
  reader(format: FormatName, type: string): { kind: AnyKind; format: KindFormat<unknown, unknown> } | undefined;
  /** A kind's part of `format`, or undefined when the kind takes no part in it. */
  writer(format: FormatName, kind: string): KindFormat<unknown, unknown> | undefined;
}

/**
 * Loads the kinds' parts of the formats (each kind's `formats()`, all at once) and builds the reader table,
 * refusing two kinds that read the same action type, or two that keep every other one: an import would then
 * depend on the order of the kind list.
 */
export async function loadFormatParts(kinds: readonly AnyKind[]): Promise<FormatParts> {
  const loaded = await Promise.all(kinds.map(async (kind) => ({ kind, parts: (await kind.formats?.()) ?? {} })));
  const readers = new Map<string, AnyKind>();
  const others = new Map<string, AnyKind>();
  const byKind = new Map<string, Partial<Record<FormatName, KindFormat<unknown, unknown>>>>();
  for (const { kind, parts } of loaded) {
    const mine = parts as Partial<Record<FormatName, KindFormat<unknown, unknown>>>;
    byKind.set(kind.kind, mine);
    for (const [format, f] of Object.entries(mine) as Array<[FormatName, KindFormat<unknown, unknown>]>) {
      for (const type of f.reads) {
        const key = `${format}\u0000${type}`;
        const other = readers.get(key);
        if (other) throw new Error(`node kinds "${other.kind}" and "${kind.kind}" both read ${format} "${type}"`);
        readers.set(key, kind);
      }
      if (f.readsOtherTypes) {
        const other = others.get(format);
        if (other) throw new Error(`node kinds "${other.kind}" and "${kind.kind}" both keep every other ${format} action`);
        others.set(format, kind);
      }
    }
  }
  return {
    reader(format, type) {
      const kind = readers.get(`${format}\u0000${type}`) ?? others.get(format);
      const part = kind ? byKind.get(kind.kind)?.[format] : undefined;
      return kind && part ? { kind, format: part } : undefined;
    },
    writer: (format, kind) => byKind.get(kind)?.[format],
  };
}

// Loaded as this module loads (it is itself loaded on the first import or export): the lookups below stay
// synchronous for the importers and exporters.
const parts = await loadFormatParts(kinds);

/** The kind that reads an action of `type` in `format`, with its part of the format. */
export function readerOf<A>(format: FormatName, type: string): { kind: AnyKind; format: KindFormat<unknown, A> } | undefined {
  return parts.reader(format, type) as { kind: AnyKind; format: KindFormat<unknown, A> } | undefined;
}

/** The kind keeping every action no other kind reads (or that its kind declined). */
export function keeperOf<A>(format: FormatName): { kind: AnyKind; format: KindFormat<unknown, A> } | undefined {
  return readerOf<A>(format, '\u0000 no kind lists this type');
}

/** A node's kind's part of `format`, or undefined when the kind takes no part in it. */
export function writerOf<A>(format: FormatName, kind: string): KindFormat<unknown, A> | undefined {
  return parts.writer(format, kind) as KindFormat<unknown, A> | undefined;
}

// ---------------------------------------------------------------- report helpers

const ORDER: Record<Fidelity, number> = { simulated: 0, approximated: 1, 'not-simulated': 2 };

/**
 * A row's fidelity: the least faithful of its notes (`simulated` when there are none), leaving out notes about a
 * part of the action the simulation leaves out (a failure branch, a kept option), which the row lists instead:
 * a recording widget whose failed transition is not simulated still records as simulated.
 */
export function worstFidelity(notes: ReadonlyArray<{ fidelity: Fidelity; part?: true }>): Fidelity {
  return notes.reduce<Fidelity>((w, n) => (!n.part && ORDER[n.fidelity] > ORDER[w] ? n.fidelity : w), 'simulated');
}

/** How a report line names a note's fidelity: a part of the action says so (the editor's reports add the same words). */
export const ONE_PART = '(one part)';
const noteWord = (n: { fidelity: Fidelity; part?: true }) => (n.part ? `${n.fidelity} ${ONE_PART}` : n.fidelity);

/** Report text for people: one line per action or widget (or node), its notes under it, then the problems. */
export function describeImport(report: ImportReport): string {
  const counts = countBy(report.rows.map((r) => r.fidelity));
  const lines = [
    `${report.platform}: ${report.rows.length} ${report.rows.length === 1 ? report.unit.one : report.unit.many} imported — ${counts.simulated} simulated, ${counts.approximated} approximated, ${counts['not-simulated']} not simulated${partly(report.rows)}`,
  ];
  for (const r of report.rows) {
    lines.push(`  ${r.fidelity.padEnd(13)} ${r.actionType} → ${r.kind} "${r.nodeId}"  ${r.path}`);
    for (const n of r.notes) lines.push(`      ${noteWord(n)}: ${n.message}  ${n.path}`);
  }
  for (const a of report.added) lines.push(`  added         ${a.kind} "${a.nodeId}": ${a.why}`);
  for (const p of report.problems) lines.push(`  ${p.severity.padEnd(13)} ${p.path}: ${p.message}`);
  return `${lines.join('\n')}\n`;
}

export function describeExport(report: ExportReport): string {
  const counts = countBy(report.rows.map((r) => r.fidelity));
  const lines = [
    `${report.platform}: ${report.rows.length} node${report.rows.length === 1 ? '' : 's'} exported — ${counts.simulated} as simulated, ${counts.approximated} approximated, ${counts['not-simulated']} not expressible${partly(report.rows)}`,
  ];
  for (const r of report.rows) {
    const actions = r.actions.length === 0 ? 'nothing' : r.actions.map((a) => `${a.type} "${a.id}"`).join(' + ');
    lines.push(`  ${r.fidelity.padEnd(13)} ${r.kind} "${r.nodeId}" (${r.origin}) → ${actions}`);
    for (const n of r.notes) lines.push(`      ${noteWord(n)}: ${n.message}`);
  }
  for (const p of report.problems) lines.push(`  ${p.severity.padEnd(13)} ${p.path}: ${p.message}`);
  return `${lines.join('\n')}\n`;
}

/** The header's word on rows with a part left out of the simulation (none: nothing); the editor's reports say the same. */
export function partly(rows: ReadonlyArray<{ notes: ReadonlyArray<{ fidelity: Fidelity; part?: true }> }>): string {
  const n = rows.filter((r) => r.notes.some((x) => x.part && x.fidelity !== 'simulated')).length;
  return n === 0 ? '' : ` (${n} with a part not simulated)`;
}

function countBy(values: Fidelity[]): Record<Fidelity, number> {
  const out: Record<Fidelity, number> = { simulated: 0, approximated: 0, 'not-simulated': 0 };
  for (const v of values) out[v]++;
  return out;
}

// ---------------------------------------------------------------- layout and the entry

/**
 * Positions for a flow the file gives none for: rows by distance from the entry (breadth first), nodes of a
 * row side by side in the order they were reached; nodes nothing reaches go in a last row.
 */
export function layoutLayers(nodes: FlowNode[], edges: readonly FlowEdge[], entryId: string): void {
  const out = new Map<string, string[]>();
  for (const e of edges) out.set(e.source, [...(out.get(e.source) ?? []), e.target]);
  const depth = new Map<string, number>([[entryId, 0]]);
  const queue = [entryId];
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const t of out.get(id) ?? []) {
      if (depth.has(t)) continue;
      depth.set(t, depth.get(id)! + 1);
      queue.push(t);
    }
  }
  const last = Math.max(0, ...depth.values()) + 1;
  const rows = new Map<number, number>();
  for (const n of nodes) {
    const d = depth.get(n.id) ?? last;
    const x = rows.get(d) ?? 0;
    rows.set(d, x + 1);
    n.position = { x: x * 280, y: d * 200 };
  }
}

/** A fresh entry node (the kind calls enter at), with an id the platform's actions do not use. */
export function entryNode(taken: ReadonlySet<string>, position: { x: number; y: number }): FlowNode {
  let id: string = entryKind.kind;
  for (let n = 2; taken.has(id); n++) id = `${entryKind.kind}-${n}`;
  return { id, kind: entryKind.kind, position, data: entryKind.model.defaults() } as FlowNode;
}

/** The output port calls leave the entry by (its only one). */
export function entryPort(): string {
  return entryKind.model.ports(entryKind.model.defaults())[0]!.id;
}

/** A node's output ports for its data. */
export function portsOf(node: FlowNode): string[] {
  return getModel(node.kind)?.ports(node.data).map((p) => p.id) ?? [];
}

/** The ports a node would have with `data` (its data as imported): an edit that changes them changes its branches. */
export function portsOfData(node: FlowNode, data: unknown): string[] {
  return getModel(node.kind)?.ports(data).map((p) => p.id) ?? [];
}

/**
 * What an exporter needs of each node's import origin in `format`: the platform action it was read from (kept on
 * the node, or rebuilt by a kind that keeps only its data), or undefined for a node drawn in Recflow.
 */
export function originalReader<A>(format: FormatName): (node: FlowNode) => A | undefined {
  return (node) => {
    if (node.origin?.format !== format) return undefined;
    return (node.origin.action as unknown as A | undefined) ?? writerOf<A>(format, node.kind)?.keeps?.(node.data);
  };
}

/**
 * A platform names queues, agents and flows by its own ids, which a drawn flow does not know: the exporter writes
 * the workspace id (read back on import as the same id) and, through `warning`, tells the user to replace them.
 */
export function workspaceIdsWritten(): {
  platformId: (ref: { type: 'ringGroup' | 'agent' | 'flow'; id: string }) => string;
  warning: (platform: string, wants: string, before: string) => ReportProblem | null;
} {
  const named = new Set<string>();
  return {
    platformId: (ref) => {
      named.add(`${ref.type} ${ref.id}`);
      return ref.id;
    },
    warning: (platform, wants, before) =>
      named.size === 0
        ? null
        : { severity: 'warning', path: '$.nodes', message: `written with Recflow's ids where ${platform} wants ${wants} (${[...named].join(', ')}): ${before}` },
  };
}

/** What a walk from `start` over a platform file reaches, `next` giving where each action or state leads. */
export function reachedFrom(start: string | undefined, next: (id: string) => Iterable<string | undefined>): Set<string> {
  const reached = new Set<string>();
  const queue = start === undefined ? [] : [start];
  for (const id of queue) {
    if (reached.has(id)) continue;
    reached.add(id);
    for (const t of next(id)) if (t !== undefined && !reached.has(t)) queue.push(t);
  }
  return reached;
}

/**
 * C1 on the platform: the nodes a call reaches from the flow's entry whose written actions nothing in the written
 * file leads to any more (what led there became an action with no such branch, or a disconnect), each with the
 * report note saying why it is left out. Importing such actions back would draw nodes no call reaches. A node no
 * call reaches in the flow either is not among them: it is written, as drawn.
 */
export function leftOutNodes(
  flow: FlowDoc,
  written: ReadonlyArray<{ node: FlowNode; ids: readonly string[] }>,
  reached: ReadonlySet<string>,
  where: string,
): Map<string, FormatNote> {
  const inFlow = reachedFrom(
    flow.nodes.find((n) => isEntry(n))?.id,
    (id) => flow.edges.filter((e) => e.source === id).map((e) => e.target),
  );
  const writes = new Map(written.map((w) => [w.node.id, w.ids]));
  const out = new Set(written.filter((w) => w.ids.length > 0 && inFlow.has(w.node.id) && !w.ids.some((id) => reached.has(id))).map((w) => w.node.id));
  const notes = new Map<string, FormatNote>();
  for (const id of out) {
    const why = flow.edges
      .filter((e) => e.target === id && e.source !== id && inFlow.has(e.source))
      .map((e) =>
        out.has(e.source)
          ? `"${e.source}" is left out too`
          : (writes.get(e.source)?.length ?? 0) === 0
            ? `"${e.source}" is not written`
            : `port ${e.sourcePort} of "${e.source}" is not exported`,
      );
    notes.set(id, { fidelity: 'not-simulated', message: `left out: nothing leads to it on ${where} (${[...new Set(why)].join('; ')}), so it is not written` });
  }
  return notes;
}

/** The export report's row for the node at `index` of the flow, written as `actions`. */
export function exportRow(
  e: { node: FlowNode; index: number; origin: ExportRow['origin']; notes: FormatNote[] },
  actions: ExportRow['actions'],
): ExportRow {
  return { path: `$.nodes[${e.index}]`, nodeId: e.node.id, kind: e.node.kind, actions, origin: e.origin, fidelity: worstFidelity(e.notes), notes: e.notes };
}

/** A Recflow id (letters, digits and `_ . : -`, at most 64) made from any platform text, unique among `taken`. */
export function recflowId(text: string, taken: Set<string>, prefix = ''): string {
  let base = `${prefix}${text}`.replace(/[^A-Za-z0-9_.:-]+/g, '-').replace(/^-+|-+$/g, '');
  if (base === '') base = prefix.replace(/-$/, '') || 'node';
  base = base.slice(0, 56);
  if (RESERVED_IDS.includes(base)) base = `${base}-id`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** The longest flow id an import makes from the flow's name: an id names the flow, it does not repeat a sentence. */
export const FLOW_ID_LENGTH = 40;

/**
 * The id of an imported flow, from its name: lower case, its first words up to `FLOW_ID_LENGTH` characters
 * (cut where a word ends when one ends past half of that), unique among `taken`.
 */
export function flowIdFrom(name: string, taken: Set<string>): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9_.:-]+/g, '-').replace(/^-+|-+$/g, '');
  let cut = slug.slice(0, FLOW_ID_LENGTH - 3);
  if (slug.length > cut.length) {
    const word = slug.slice(0, cut.length + 1).lastIndexOf('-');
    if (word > cut.length / 2) cut = slug.slice(0, word);
  }
  const base = recflowId(cut.replace(/-+$/, '') || 'flow', new Set(), '');
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/**
 * Node ids for the actions of an imported file, by the platform's name for each: a name Recflow can use as it is
 * keeps it (so a node is found by the name the platform shows), the rest get a made id. `taken` holds every id
 * given, for the nodes the import adds itself.
 */
export function nodeIdsFor(names: readonly string[], prefix: string): { nodeIdOf: Map<string, string>; taken: Set<string> } {
  const taken = new Set<string>();
  const nodeIdOf = new Map<string, string>();
  for (const name of names) {
    if (!idSchema.safeParse(name).success || taken.has(name)) continue;
    nodeIdOf.set(name, name);
    taken.add(name);
  }
  for (const name of names) if (!nodeIdOf.has(name)) nodeIdOf.set(name, recflowId(name, taken, prefix));
  return { nodeIdOf, taken };
}

/** The actions whose transitions lead straight to each action, by its name (`targets` names where one leads). */
export function predecessorsBy<A>(actions: readonly A[], targets: (action: A) => Iterable<string | undefined>): Map<string, A[]> {
  const predecessors = new Map<string, A[]>();
  for (const a of actions) {
    for (const t of new Set(targets(a))) if (t !== undefined) predecessors.set(t, [...(predecessors.get(t) ?? []), a]);
  }
  return predecessors;
}

// ---------------------------------------------------------------- what an import names, and its workspace

/**
 * The Recflow id of something an action names: the same for the same value on every import and export (so an
 * export can read an original action again and compare), the value's last ARN segment (what Recflow writes
 * back for a drawn node is the workspace id, so ids survive a round trip), with a short hash of the whole
 * value when two values share that segment.
 */
export function refId(ref: PlatformRef, clash = false): string {
  const slug = shortName(ref.value).replace(/[^A-Za-z0-9_.:-]+/g, '-').replace(/-+$/g, '');
  // A value with nothing an id may hold, or one naming what JavaScript objects reserve, is told by its hash.
  if (slug === '' || slug === '-') return `${ref.type}-${hash(ref.value)}`;
  return clash || RESERVED_IDS.includes(slug) ? `${slug.slice(0, 55)}-${hash(ref.value)}` : slug.slice(0, 64);
}

function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36).padStart(7, '0').slice(0, 8);
}

/** The workspace things an import names, by platform value, with the Recflow ids they got. */
export class References {
  readonly byKey = new Map<string, { ref: PlatformRef; id: string }>();
  private readonly owner = new Map<string, string>();
  id(ref: PlatformRef): string {
    const key = `${ref.type}\u0000${ref.value}`;
    const known = this.byKey.get(key);
    if (known) return known.id;
    let id = refId(ref);
    if (this.owner.has(id) && this.owner.get(id) !== key) id = refId(ref, true);
    this.owner.set(id, key);
    this.byKey.set(key, { ref, id });
    return id;
  }
}

const shortName = (v: string) => v.split(/[/:]/).pop() || v;

/**
 * The workspace an imported flow runs in, on its platform's preset: a ring group for each queue it names (with one stand-in
 * agent, so a simulated call can be answered), an agent for each agent queue, an empty flow for each flow or
 * module it continues in, and one phone number calling it (Connect assigns numbers outside the flow).
 */
export function workspaceFor(
  platform: FormatName,
  flowId: string,
  flowName: string,
  refs: References,
  entry: FlowNode,
  numbersWhy: string,
  entryWhy: string,
): { workspace: WorkspaceDoc; added: ImportReport['added'] } {
  const ws = createWorkspace(flowName);
  choosePlatform(ws, platform);
  const added: ImportReport['added'] = [];
  const taken = new Set<string>([...refs.byKey.values()].map((r) => r.id));
  const numberId = recflowId(`num-${flowId}`, taken);
  ws.numbers.push({
    id: numberId,
    number: '+15550100',
    label: clip(`Stand-in number for ${flowName} (${numbersWhy})`),
    flowId,
    override: { enabled: false, inbound: 'inherit', outbound: 'inherit', agentPause: 'inherit' },
  });
  (entry.data as { numberIds: string[] }).numberIds = [numberId];
  added.push({ nodeId: entry.id, kind: entry.kind, why: `where calls enter (${entryWhy}), for the stand-in number ${numberId}` });
  const roleId = recflowId('role-agent', taken);
  ws.roles.push(defaultRole(roleId, 'Agent'));
  for (const { ref, id } of refs.byKey.values()) {
    const name = clip(shortName(ref.value).trim() || id);
    if (ref.type === 'queue') {
      const agentId = recflowId(`ag-${id}`, taken);
      ws.agents.push({ id: agentId, name: clip(`Stand-in agent of ${name}`), roleId });
      ws.ringGroups.push({ id, name, memberIds: [agentId] });
    } else if (ref.type === 'agentQueue') {
      ws.agents.push({ id, name, roleId });
    } else if (ref.type === 'flow') {
      ws.flows.push(createFlow(id, name));
    }
  }
  return { workspace: ws, added };
}

/** One action (Connect) or state (Studio) of an imported file, as the shared reading loop needs it. */
export interface ImportedItem<A> {
  action: A;
  /** Its id and type as the platform writes them. */
  id: string;
  type: string;
  /** JSON path of the action in the file. */
  path: string;
  /** The platform's word for it in notes ("action", "widget"). */
  word: string;
  ctx: ReadContext<A>;
  position: { x: number; y: number } | undefined;
  /** What the node keeps beside the action (Connect's per-action metadata). */
  metadata?: JsonValue | undefined;
  /** The id of the action an exit slot leads to, and the JSON path of that slot. */
  slotTarget(slot: string): string | undefined;
  slotPath(slot: string): string;
  /** How a report names an exit slot for people (the slot itself when absent). */
  slotLabel?(slot: string): string;
  /** Why a kind that read the action may not keep it here (a second entry), or undefined. */
  refuse?(kind: AnyKind): string | undefined;
}

/** Where the imported nodes go: ids by platform id, and the edges drawn so far. */
export interface ImportTarget {
  nodeIdOf: ReadonlyMap<string, string>;
  edges: FlowEdge[];
  edgeIds: Set<string>;
}

/**
 * Reads one action into a node, the same way for every format: the kind that reads its type (or the kind that
 * keeps any action verbatim, when none reads it, the reader declines, or its data does not pass the kind's
 * schema), the original kept on the node, the exits drawn as edges (an exit into the node itself or one no port
 * takes stays open, ending the call) and the report row.
 */
export function importItem<A>(
  format: FormatName,
  item: ImportedItem<A>,
  into: ImportTarget,
): { node: FlowNode; row: ImportRow; absorbed: Array<{ id: string; notes: FormatNote[] }> } {
  const { path } = item;
  const verbatim = structuredClone(item.action) as unknown as JsonValue;
  let reader = readerOf<A>(format, item.type);
  let result: ReadResult<unknown> | null = reader?.format.read(structuredClone(item.action), item.ctx) ?? null;
  let declinedBy = result === null && reader && !reader.format.readsOtherTypes ? reader.kind.kind : undefined;
  if (result && !getModel(reader!.kind.kind)!.schema.safeParse(result.data).success) result = null;
  const refused = result && reader ? item.refuse?.(reader.kind) : undefined;
  if (refused !== undefined) {
    result = null;
    declinedBy = refused;
  }
  if (result === null) {
    reader = keeperOf<A>(format);
    result = reader?.format.read(structuredClone(item.action), item.ctx) ?? null;
  }
  if (!reader || !result) throw new Error(`no node kind keeps ${format} ${item.word}s of type ${item.type}`);
  const nodeId = into.nodeIdOf.get(item.id)!;
  const node = { id: nodeId, kind: reader.kind.kind, position: item.position ?? { x: 0, y: 0 }, data: result.data } as FlowNode;
  // The kind keeping the action in its own data need not have it twice.
  const origin: NonNullable<FlowNode['origin']> = { format };
  if (!reader.format.keeps?.(result.data)) origin.action = verbatim;
  if (item.metadata !== undefined) origin.metadata = item.metadata;
  // Actions the kind read as part of this node: kept verbatim beside the action, their own nodes dropped by the caller.
  const absorbed: Array<{ id: string; notes: FormatNote[]; slot: string }> = [];
  for (const a of result.absorbs ?? []) {
    const action = item.ctx.follow?.(a.slot);
    const id = item.slotTarget(a.slot);
    if (action === undefined || id === undefined) throw new Error(`${reader.kind.kind} absorbed ${a.slot} of ${item.id}, which leads to no action it may absorb`);
    absorbed.push({ id, notes: a.notes, slot: a.slot });
  }
  if (absorbed.length > 0) origin.absorbed = absorbed.map((a) => structuredClone(item.ctx.follow!(a.slot)) as unknown as JsonValue);
  node.origin = origin;

  const notes: ImportRow['notes'] = result.notes.map((n) => ({ fidelity: n.fidelity, message: n.message, path: n.at ? `${path}.${n.at}` : path, ...(n.part ? { part: true as const } : {}) }));
  if (declinedBy) notes.unshift({ fidelity: 'not-simulated', message: `this ${item.type} is not one a ${declinedBy} node can hold: kept as it is`, path });
  // Exits to ports: the first slot bound to a port gives its edge.
  const ports = new Set(portsOf(node));
  const connected = new Set<string>();
  for (const exit of result.exits) {
    if (!ports.has(exit.port) || connected.has(exit.port)) continue;
    const target = item.slotTarget(exit.slot);
    if (target === undefined) continue;
    const targetId = into.nodeIdOf.get(target)!;
    if (targetId === nodeId || absorbed.some((a) => a.id === target)) {
      notes.push({
        fidelity: 'approximated',
        message: `${item.slotLabel?.(exit.slot) ?? exit.slot} leads back into this ${item.word}: Recflow draws no edge into the same node, so the ${exit.port} port ends the call in the simulation (export keeps it)`,
        path: item.slotPath(exit.slot),
      });
      continue;
    }
    connected.add(exit.port);
    into.edges.push({ id: recflowId(`${nodeId}-${exit.port}`, into.edgeIds, 'e-'), source: nodeId, sourcePort: exit.port, target: targetId });
  }
  const open = [...ports].filter((p) => !connected.has(p));
  if (open.length > 0) node.endsCall = open;
  return {
    node,
    row: { path, actionId: item.id, actionType: item.type, nodeId, kind: reader.kind.kind, fidelity: worstFidelity(notes), notes },
    absorbed: absorbed.map(({ id, notes: n }) => ({ id, notes: n })),
  };
}
