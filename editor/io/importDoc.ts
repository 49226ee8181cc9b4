/**
 * What an imported file is and what it would do, decided before anything
 * changes: a flow document becomes a new flow; one whose id is a flow of the
 * workspace asks first whether it is the next version of that flow or a new
 * flow (with a fresh id); a workspace document replaces the workspace (after
 * confirmation) and adds its saved scenarios; a scenario file goes to the
 * saved scenarios (scenarioTransfer.ts); anything else is refused with its
 * errors and their JSON paths.
 */
import { type DocError, MAX_DOCUMENT_BYTES, readJson } from '../../runtime/document/errors.ts';
import { FLOW_FORMAT, type FlowDoc, parseFlow } from '../../runtime/document/flow.ts';
import { parseWorkspace, WORKSPACE_FORMAT, type WorkspaceDoc } from '../../runtime/document/workspace.ts';
import { replaceWorkspace, uniqueId, uniqueName } from '../store/flows.ts';
import type { EditorStore } from '../store/store.ts';
import { importAsNextDraft } from '../store/versions.ts';
// Types only: the platform formats' code loads on first import (platformIo.ts), outside the editor's initial JS.
import type { PlatformImport, PlatformPlan } from './platformIo.ts';
import { SCENARIO_FORMAT } from '../../runtime/call/scenarioFormat.ts';
import { isScenarioDocument } from '../simulator/scenarioTransfer.ts';

export type ImportPlan =
  /** `renamedFrom`: the file's id, taken here; `nameWas`: the file's name, which another flow has here. */
  | { kind: 'flow'; flow: FlowDoc; renamedFrom?: string; nameWas?: string }
  /** The file's flow has the id of `existing`: the user chooses `nextVersion` (it becomes that flow's draft) or `asNew`. */
  | { kind: 'same-id'; flow: FlowDoc; existing: { id: string; name: string }; asNew: FlowDoc }
  | { kind: 'next-version'; flow: FlowDoc }
  /** The workspace goes to the store without its saved scenarios, which join the saved scenarios (scenarioStorage.ts). */
  | { kind: 'workspace'; workspace: WorkspaceDoc }
  /** A scenario file (one scenario, or a ZIP of them): read and saved by `readScenarioFile` and `addScenarios`. */
  | { kind: 'scenarios' }
  /** A platform's flow (Amazon Connect, Twilio Studio), with its import report. */
  | PlatformImport
  /** `what`: the file is the platform's flow in a shape Recflow does not read, and what that shape is. */
  | { kind: 'refused'; errors: DocError[]; what?: string };

/** Refuses a file by its size alone, before reading it. */
export function refuseBySize(bytes: number): ImportPlan | null {
  if (bytes <= MAX_DOCUMENT_BYTES) return null;
  const mb = (bytes / 1024 / 1024).toFixed(1);
  return { kind: 'refused', errors: [{ path: '$', message: `the file is ${mb} MB; files over 5 MB are not imported` }] };
}

/** The text of a file the user chose, or why it was not read (over 5 MB, unreadable); never throws. */
export async function readDocumentText(file: Blob): Promise<{ ok: true; text: string } | { ok: false; errors: DocError[] }> {
  const bySize = refuseBySize(file.size);
  if (bySize?.kind === 'refused') return { ok: false, errors: bySize.errors };
  try {
    return { ok: true, text: await file.text() };
  } catch (e) {
    return { ok: false, errors: [{ path: '$', message: `could not read the file: ${String(e)}` }] };
  }
}

/**
 * `platform` plans a file that is no Recflow document as a platform's flow, or refuses it naming what the editor
 * imports (`planAsPlatform` of platformIo.ts, loaded on first import); without it such a file is refused.
 */
export function planImport(text: string, current: WorkspaceDoc, platform?: (value: unknown, current: WorkspaceDoc) => PlatformPlan): ImportPlan {
  const read = readJson(text);
  if (!read.ok) return { kind: 'refused', errors: read.errors };
  const value = read.value;
  const format = typeof value === 'object' && value !== null ? (value as { format?: unknown }).format : undefined;
  if (format === FLOW_FORMAT) {
    const parsed = parseFlow(value);
    if (!parsed.ok) return { kind: 'refused', errors: parsed.errors };
    const existing = current.flows.find((f) => f.id === parsed.value.id);
    const asNew = { ...parsed.value, name: freeName(parsed.value.name, current) };
    if (!existing) return { kind: 'flow', flow: asNew, ...nameChange(parsed.value, asNew) };
    asNew.id = uniqueId(parsed.value.id, new Set(current.flows.map((f) => f.id)));
    return { kind: 'same-id', flow: parsed.value, existing: { id: existing.id, name: existing.name }, asNew };
  }
  if (format === WORKSPACE_FORMAT) {
    const parsed = parseWorkspace(value);
    if (!parsed.ok) return { kind: 'refused', errors: parsed.errors };
    if (parsed.value.flows.length === 0) {
      return { kind: 'refused', errors: [{ path: '$.flows', message: 'the workspace has no flows; the editor needs at least one' }] };
    }
    return { kind: 'workspace', workspace: parsed.value };
  }
  if (isScenarioDocument(value)) return { kind: 'scenarios' };
  if (platform) return platform(value, current);
  return {
    kind: 'refused',
    errors: [{ path: '$.format', message: `not a Recflow document: expected "${FLOW_FORMAT}", "${WORKSPACE_FORMAT}" or "${SCENARIO_FORMAT}"` }],
  };
}

/**
 * A flow added beside the workspace's flows gets a name none of them has ("Support line (2)", the next free number):
 * two flows of one name cannot be told apart in the Flows menu or in problems that name the flows.
 */
function freeName(name: string, current: WorkspaceDoc): string {
  const taken = new Set(current.flows.map((f) => f.name));
  const free = uniqueName(name, taken);
  // A name keeps to the 200 characters a label may have: the suffix takes the end of a long one.
  return free.length <= 200 ? free : uniqueName(name.slice(0, 190).trimEnd(), taken);
}

function nameChange(file: FlowDoc, added: FlowDoc): { nameWas?: string } {
  return added.name === file.name ? {} : { nameWas: file.name };
}

/** The plan once the user has chosen how to take a flow whose id is taken. */
export function chooseSameId(plan: Extract<ImportPlan, { kind: 'same-id' }>, as: 'next-version' | 'new-flow'): ImportPlan {
  if (as === 'next-version') return { kind: 'next-version', flow: plan.flow };
  return { kind: 'flow', flow: plan.asNew, renamedFrom: plan.flow.id, ...nameChange(plan.flow, plan.asNew) };
}

/** What importing a flow as a new flow did, for the report shown after it: renamed and given a new id where taken. */
export function newFlowReport(plan: Extract<ImportPlan, { kind: 'flow' }>): string {
  const { flow, renamedFrom, nameWas } = plan;
  const taken = [
    nameWas === undefined ? null : `another flow is called “${nameWas}”, so it is “${flow.name}”`,
    renamedFrom === undefined ? null : `id “${renamedFrom}” was taken, so it is “${flow.id}”`,
  ].filter((x): x is string => x !== null);
  const what = nameWas === undefined ? flow.name : nameWas;
  return taken.length === 0 ? `Imported “${what}” as a new flow.` : `Imported “${what}” as a new flow (${taken.join('; ')}).`;
}

/** Carries out a plan as one undoable step; a refused plan, or one still waiting for a choice, changes nothing. */
export function applyImport(store: EditorStore, plan: ImportPlan): boolean {
  if (plan.kind === 'platform') {
    // The flow and the stand-ins it needs, one step.
    const { flow, standIns } = plan;
    return store.change(
      (d) => {
        d.roles.push(...standIns.roles);
        d.agents.push(...standIns.agents);
        d.ringGroups.push(...standIns.ringGroups);
        d.numbers.push(...standIns.numbers);
        d.flows.push(flow, ...standIns.flows);
      },
      `Import ${plan.platformName} flow "${flow.name}"`,
      { flowAfter: flow.id },
    );
  }
  if (plan.kind === 'next-version') return importAsNextDraft(store, plan.flow);
  if (plan.kind === 'flow') {
    const flow = plan.flow;
    return store.change((d) => {
      d.flows.push(flow);
    }, `Import flow "${flow.name}"`, { flowAfter: flow.id });
  }
  if (plan.kind === 'workspace') {
    // The editor keeps saved scenarios in their own store; the caller adds them there (addScenarios).
    return replaceWorkspace(store, { ...plan.workspace, scenarios: [] }, 'Import workspace');
  }
  return false;
}
