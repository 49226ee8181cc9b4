/**
 * Published versions of a flow, as store operations: publish (an immutable,
 * numbered copy of the flow, refused while the flow has errors), restore (a
 * version becomes the draft again) and importing a flow file as the next
 * draft of a flow that has the same id. Each is one `change`, so one undo step.
 */
import { checkFlow, hasErrors, type Problem } from '../../runtime/checks/checkFlow.ts';
import type { FlowDoc } from '../../runtime/document/flow.ts';
import type { PublishedVersion, WorkspaceDoc } from '../../runtime/document/workspace.ts';
import { draftFlow } from './flows.ts';
import type { EditorStore } from './store.ts';

/** A flow's published versions, newest first. */
export function versionsOf(ws: WorkspaceDoc, flowId: string): PublishedVersion[] {
  return ws.versions.filter((v) => v.flowId === flowId).sort((a, b) => b.number - a.number);
}

export function findVersion(ws: WorkspaceDoc, flowId: string, number: number): PublishedVersion | undefined {
  return ws.versions.find((v) => v.flowId === flowId && v.number === number);
}

/** The number the next published version of a flow gets: one more than the highest so far. */
export function nextVersionNumber(ws: WorkspaceDoc, flowId: string): number {
  return ws.versions.reduce((max, v) => (v.flowId === flowId ? Math.max(max, v.number) : max), 0) + 1;
}

/** Whether the draft differs from a version in anything a document holds (layout included). */
export function sameAsVersion(flow: FlowDoc, version: PublishedVersion): boolean {
  return JSON.stringify(flow) === JSON.stringify(version.flow);
}

export type PublishOutcome = { ok: true; version: PublishedVersion } | { ok: false; errors: Problem[] };

/** Publishes the flow as its next version. Errors of the checks (C1–C4) block it, as they block export. */
export function publishFlow(
  store: EditorStore,
  flowId: string,
  details: { note: string; publisher: string; at?: Date },
): PublishOutcome {
  const ws = store.getState().workspace;
  const flow = ws.flows.find((f) => f.id === flowId);
  if (!flow) return { ok: false, errors: [{ severity: 'error', code: 'no-flow', message: `There is no flow "${flowId}".` }] };
  const problems = checkFlow(flow, { workspace: ws });
  if (hasErrors(problems)) return { ok: false, errors: problems.filter((p) => p.severity === 'error') };
  const version: PublishedVersion = {
    flowId,
    number: nextVersionNumber(ws, flowId),
    note: details.note.trim().slice(0, 2000),
    publishedAt: (details.at ?? new Date()).toISOString(),
    publisher: details.publisher.trim().slice(0, 200),
    flow: structuredClone(flow),
  };
  store.change((d) => {
    d.versions.push(version);
  }, `Publish version ${version.number} of “${flow.name}”`);
  return { ok: true, version };
}

/** Makes a published version the flow's draft again, as one undo step; the version itself stays as it was. */
export function restoreVersion(store: EditorStore, flowId: string, number: number): boolean {
  const version = findVersion(store.getState().workspace, flowId, number);
  if (!version) return false;
  const copy = structuredClone(version.flow);
  return store.change(
    (d) => {
      const index = d.flows.findIndex((f) => f.id === flowId);
      if (index >= 0) d.flows[index] = copy;
    },
    `Restore version ${number} of “${version.flow.name}”`,
    { flowAfter: flowId },
  );
}

/**
 * An imported flow file whose id is a flow of the workspace, taken as that
 * flow's next draft: the flow's published versions stay, so the file can be
 * compared with them and published as the next version.
 */
export function importAsNextDraft(store: EditorStore, flow: FlowDoc): boolean {
  const copy = structuredClone(flow);
  return store.change(
    (d) => {
      const draft = draftFlow(d, flow.id);
      Object.assign(draft, copy);
      if (copy.description === undefined) delete draft.description;
    },
    `Import “${flow.name}” as the next version`,
    { flowAfter: flow.id },
  );
}
