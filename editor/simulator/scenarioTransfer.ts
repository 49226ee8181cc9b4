/**
 * Saved scenarios leaving and entering the editor: into and out of the workspace document (so exporting the
 * workspace takes them along and importing it brings them back), and scenario files (one scenario document, or the
 * ZIP "Export for recflow test" writes) imported into the saved scenarios. Clashes are settled as flow imports
 * settle theirs: an id already taken gets a fresh one, a name already used in the same flow gets a number, and a
 * scenario already saved exactly as it is is not added twice.
 */
import { type Scenario, parseScenario, SCENARIO_FORMAT } from '../../runtime/call/scenario.ts';
import { type DocError, MAX_DOCUMENT_BYTES, readJson } from '../../runtime/document/errors.ts';
import { FLOW_FORMAT } from '../../runtime/document/flow.ts';
import { type SavedScenarioDoc, WORKSPACE_FORMAT, type WorkspaceDoc } from '../../runtime/document/workspace.ts';
import type { ScenarioStorage } from './scenarioStorage.ts';
import type { SavedScenario } from './scenarios.ts';
import type { FlowChoice } from './simStore.ts';
import { looksLikeZip, unzip } from './zip.ts';

/** A scenario without the file paths `recflow test` reads: in the editor (and in a workspace) it runs on the workspace. */
function withoutPaths(scenario: Scenario): Scenario {
  const { workspace: _workspace, flow: _flow, ...rest } = scenario;
  return rest;
}

/**
 * The saved scenarios as the workspace document holds them. A scenario of a flow deleted since cannot go (the
 * document names only flows it holds): those are returned in `leftOut`, for the export to say so.
 */
export function scenariosForWorkspace(ws: WorkspaceDoc, saved: readonly SavedScenario[]): { scenarios: SavedScenarioDoc[]; leftOut: SavedScenario[] } {
  const flowIds = new Set(ws.flows.map((f) => f.id));
  const scenarios: SavedScenarioDoc[] = [];
  const leftOut: SavedScenario[] = [];
  for (const s of saved) {
    const flowId = s.flowChoice.kind === 'flow' ? s.flowChoice.flowId : s.flowId;
    if (flowId !== null && !flowIds.has(flowId)) {
      leftOut.push(s);
      continue;
    }
    scenarios.push({ id: s.id, flowId, runs: s.flowChoice.kind, savedAt: s.savedAt, scenario: withoutPaths(s.scenario) });
  }
  return { scenarios, leftOut };
}

/** The workspace document to export: the workspace with its saved scenarios in it. */
export function workspaceWithScenarios(ws: WorkspaceDoc, saved: readonly SavedScenario[]): { workspace: WorkspaceDoc; leftOut: SavedScenario[] } {
  const { scenarios, leftOut } = scenariosForWorkspace(ws, saved);
  return { workspace: { ...ws, scenarios }, leftOut };
}

/** The saved scenarios a workspace document holds, as the simulator keeps them. */
export function savedFromWorkspace(ws: Pick<WorkspaceDoc, 'scenarios'>): SavedScenario[] {
  return ws.scenarios.map((s) => ({
    id: s.id,
    flowId: s.flowId,
    flowChoice: s.runs === 'flow' && s.flowId !== null ? { kind: 'flow', flowId: s.flowId } : { kind: 'number' },
    savedAt: s.savedAt,
    scenario: s.scenario,
  }));
}

export interface MergeOutcome {
  /** Every saved scenario after the import. */
  all: SavedScenario[];
  /** The scenarios added, with the ids and names they were given. */
  added: SavedScenario[];
  /** Scenarios already saved exactly as they are (same flow, same call, same expectation): not added again. */
  alreadySaved: number;
  /** Scenarios given another name because their flow already had a scenario of that name. */
  renamed: Array<{ from: string; to: string }>;
}

const sameContent = (s: SavedScenario) => JSON.stringify([s.flowId, s.flowChoice, withoutPaths(s.scenario)]);

/** Adds `incoming` to `existing`: fresh ids for taken ones, numbered names for names taken in the same flow. */
export function mergeScenarios(existing: readonly SavedScenario[], incoming: readonly SavedScenario[]): MergeOutcome {
  const all = [...existing];
  const contents = new Set(existing.map(sameContent));
  const ids = new Set(existing.map((s) => s.id));
  const added: SavedScenario[] = [];
  const renamed: MergeOutcome['renamed'] = [];
  let alreadySaved = 0;
  for (const s of incoming) {
    const content = sameContent(s);
    if (contents.has(content)) {
      alreadySaved++;
      continue;
    }
    contents.add(content);
    let id = s.id;
    for (let i = 2; ids.has(id); i++) id = `${s.id.slice(0, 58)}-${i}`;
    ids.add(id);
    const taken = new Set(all.filter((x) => x.flowId === s.flowId).map((x) => x.scenario.name ?? ''));
    const base = s.scenario.name ?? '';
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base.slice(0, 190)} (${i})`;
    if (name !== base) renamed.push({ from: base, to: name });
    const scenario: SavedScenario = { ...s, id, scenario: name === base ? s.scenario : { ...s.scenario, name } };
    all.push(scenario);
    added.push(scenario);
  }
  return { all, added, alreadySaved, renamed };
}

/** Reads the saved scenarios, adds `incoming` (see `mergeScenarios`) and saves them. */
export async function addScenarios(storage: ScenarioStorage, incoming: readonly SavedScenario[]): Promise<MergeOutcome> {
  const outcome = mergeScenarios(await storage.load(), incoming);
  if (outcome.added.length > 0) await storage.save(outcome.all);
  return outcome;
}

/** A flow file's id from its path as `recflow test` files name it: `../flows/support-line.json` → `support-line`. */
function flowIdOfPath(path: string | undefined): string | null {
  if (!path) return null;
  const name = path.split(/[\\/]/).pop() ?? '';
  return name.replace(/(\.flow)?\.json$/i, '') || null;
}

/**
 * Where a scenario from a file is listed and which flow it runs: the flow its `flow` path names, when the workspace
 * has a flow of that id; else, for an inbound call, its number's flow (as `recflow test` runs a scenario without a
 * flow); else the flow on screen. An outbound call runs no flow.
 */
function placeOf(scenario: Scenario, ws: WorkspaceDoc, currentFlowId: string | null): { flowId: string | null; flowChoice: FlowChoice } {
  if (scenario.call.direction === 'outbound') return { flowId: null, flowChoice: { kind: 'number' } };
  const named = flowIdOfPath(scenario.flow);
  if (named !== null && ws.flows.some((f) => f.id === named)) return { flowId: named, flowChoice: { kind: 'flow', flowId: named } };
  const numberId = scenario.call.numberId;
  const numberFlow = ws.numbers.find((n) => n.id === numberId)?.flowId ?? null;
  if (numberFlow !== null && ws.flows.some((f) => f.id === numberFlow)) return { flowId: numberFlow, flowChoice: { kind: 'number' } };
  if (currentFlowId !== null) return { flowId: currentFlowId, flowChoice: { kind: 'flow', flowId: currentFlowId } };
  return { flowId: null, flowChoice: { kind: 'number' } };
}

export interface ScenarioFileRead {
  /** The valid scenarios, placed (see `placeOf`), not yet saved. */
  scenarios: SavedScenario[];
  /** Why the file, or a file in the ZIP (its path before the JSON path), was not taken. */
  errors: DocError[];
}

const newId = () => `sc-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

/** Whether a JSON value is meant as a scenario: it says so, or it has a scenario's call and actions. */
export function isScenarioDocument(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { format?: unknown; call?: unknown; actions?: unknown };
  return v.format === SCENARIO_FORMAT || (v.format === undefined && v.call !== undefined && v.actions !== undefined);
}

/**
 * Reads a scenario file: one scenario document, or a ZIP of them (what "Export for recflow test" writes; its
 * workspace and flow files are their company and left alone). Never throws.
 */
export async function readScenarioFile(file: Blob, ws: WorkspaceDoc, currentFlowId: string | null): Promise<ScenarioFileRead> {
  if (file.size > MAX_DOCUMENT_BYTES) {
    return { scenarios: [], errors: [{ path: '$', message: `the file is ${(file.size / 1024 / 1024).toFixed(1)} MB; files over 5 MB are not imported` }] };
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    return { scenarios: [], errors: [{ path: '$', message: `could not read the file: ${String(e)}` }] };
  }
  const savedAt = new Date().toISOString();
  const scenarios: SavedScenario[] = [];
  const errors: DocError[] = [];
  const take = (text: string, where: string, inZip: boolean) => {
    const prefix = where ? `${where} ` : '';
    const read = readJson(text);
    if (!read.ok) {
      errors.push(...read.errors.map((e) => ({ path: prefix + e.path, message: e.message })));
      return;
    }
    const format = typeof read.value === 'object' && read.value !== null ? (read.value as { format?: unknown }).format : undefined;
    if (format === FLOW_FORMAT || format === WORKSPACE_FORMAT) {
      // In the ZIP, the workspace and flows the scenarios were run on; on its own, the wrong import.
      if (!inZip) {
        const what = format === FLOW_FORMAT ? 'a flow' : 'a workspace';
        errors.push({ path: `${prefix}$.format`, message: `this is ${what} document, not a scenario: import it with Import in the toolbar` });
      }
      return;
    }
    if (!isScenarioDocument(read.value)) {
      errors.push({ path: `${prefix}$.format`, message: `not a scenario: expected "${SCENARIO_FORMAT}"` });
      return;
    }
    const parsed = parseScenario(read.value);
    if (!parsed.ok) {
      errors.push(...parsed.errors.map((e) => ({ path: prefix + e.path, message: e.message })));
      return;
    }
    const place = placeOf(parsed.value, ws, currentFlowId);
    scenarios.push({ id: newId(), ...place, savedAt, scenario: withoutPaths(parsed.value) });
  };
  if (looksLikeZip(bytes)) {
    let entries: Awaited<ReturnType<typeof unzip>>;
    try {
      entries = await unzip(bytes, MAX_DOCUMENT_BYTES * 4);
    } catch (e) {
      return { scenarios: [], errors: [{ path: '$', message: e instanceof Error ? e.message : String(e) }] };
    }
    const json = entries.filter((e) => e.path.toLowerCase().endsWith('.json'));
    for (const entry of json) take(entry.text, entry.path, true);
    if (scenarios.length === 0 && errors.length === 0) errors.push({ path: '$', message: 'the ZIP file holds no scenario files' });
  } else {
    take(new TextDecoder().decode(bytes), '', false);
  }
  return { scenarios, errors };
}

/** "2 scenarios added to “Support line”, 1 to “Claims line”", for the import's message. */
export function describeAdded(ws: WorkspaceDoc, outcome: MergeOutcome): string {
  const byFlow = new Map<string | null, number>();
  for (const s of outcome.added) byFlow.set(s.flowId, (byFlow.get(s.flowId) ?? 0) + 1);
  const where = (id: string | null) => (id === null ? 'calls without a flow' : `“${ws.flows.find((f) => f.id === id)?.name ?? id}”`);
  const parts = [...byFlow].map(([id, n], i) => `${n}${i === 0 ? ` saved scenario${n === 1 ? '' : 's'} added` : ''} to ${where(id)}`);
  const added = parts.length > 0 ? parts.join(', ') : 'No scenario added';
  const notes = [
    outcome.alreadySaved > 0 ? `${outcome.alreadySaved} already saved` : '',
    ...outcome.renamed.map((r) => `“${r.from}” renamed “${r.to}” (the name was taken)`),
  ].filter(Boolean);
  return `${added}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}.`;
}
