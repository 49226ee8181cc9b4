/**
 * What an imported file is and what it would do, decided before anything
 * changes: a flow document becomes a new flow (with a fresh id if its id is
 * taken), a workspace document replaces the workspace (after confirmation),
 * anything else is refused with its errors and their JSON paths.
 */
import { type DocError, MAX_DOCUMENT_BYTES, readJson } from '../../runtime/document/errors.ts';
import { FLOW_FORMAT, type FlowDoc, parseFlow } from '../../runtime/document/flow.ts';
import { parseWorkspace, WORKSPACE_FORMAT, type WorkspaceDoc } from '../../runtime/document/workspace.ts';
import { replaceWorkspace, uniqueId } from '../store/flows.ts';
import type { EditorStore } from '../store/store.ts';

export type ImportPlan =
  | { kind: 'flow'; flow: FlowDoc; renamedFrom?: string }
  | { kind: 'workspace'; workspace: WorkspaceDoc }
  | { kind: 'refused'; errors: DocError[] };

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

export function planImport(text: string, current: WorkspaceDoc): ImportPlan {
  const read = readJson(text);
  if (!read.ok) return { kind: 'refused', errors: read.errors };
  const value = read.value;
  const format = typeof value === 'object' && value !== null ? (value as { format?: unknown }).format : undefined;
  if (format === FLOW_FORMAT) {
    const parsed = parseFlow(value);
    if (!parsed.ok) return { kind: 'refused', errors: parsed.errors };
    const taken = new Set(current.flows.map((f) => f.id));
    if (!taken.has(parsed.value.id)) return { kind: 'flow', flow: parsed.value };
    return { kind: 'flow', flow: { ...parsed.value, id: uniqueId(parsed.value.id, taken) }, renamedFrom: parsed.value.id };
  }
  if (format === WORKSPACE_FORMAT) {
    const parsed = parseWorkspace(value);
    if (!parsed.ok) return { kind: 'refused', errors: parsed.errors };
    if (parsed.value.flows.length === 0) {
      return { kind: 'refused', errors: [{ path: '$.flows', message: 'the workspace has no flows; the editor needs at least one' }] };
    }
    return { kind: 'workspace', workspace: parsed.value };
  }
  return {
    kind: 'refused',
    errors: [{ path: '$.format', message: `not a Recflow document: expected "${FLOW_FORMAT}" or "${WORKSPACE_FORMAT}"` }],
  };
}

/** Carries out a plan as one undoable step; a refused plan changes nothing. */
export function applyImport(store: EditorStore, plan: ImportPlan): boolean {
  if (plan.kind === 'flow') {
    const flow = plan.flow;
    return store.change((d) => {
      d.flows.push(flow);
    }, `Import flow "${flow.name}"`, { flowAfter: flow.id });
  }
  if (plan.kind === 'workspace') {
    return replaceWorkspace(store, plan.workspace, 'Import workspace');
  }
  return false;
}
