/**
 * Import and export in the UI: the export dialog (a flow's production JSON is
 * blocked while it has errors; the whole workspace always exports), and the
 * import flow (file picker or a file dropped on the canvas; a bad file shows
 * its errors and changes nothing; a workspace asks before replacing). The
 * workspace file carries the saved scenarios, kept apart in the editor
 * (scenarioStorage.ts): the export puts them in, the import adds them back; a
 * scenario file goes to the saved scenarios.
 */
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { Problem } from '../../runtime/checks/checkFlow.ts';
import type { DocError } from '../../runtime/document/errors.ts';
import { type FlowDoc, serializeFlow } from '../../runtime/document/flow.ts';
import { serializeWorkspace, type WorkspaceDoc } from '../../runtime/document/workspace.ts';
import { useStore } from '../store/react.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { HiddenFileInput } from '../ui/HiddenFileInput.tsx';
import { showToast } from '../ui/toast.tsx';
import { applyImport, chooseSameId, type ImportPlan, newFlowReport, planImport, readDocumentText } from './importDoc.ts';
import type { PlatformImport } from './platformIo.ts';
import { defaultScenarioStorage, type ScenarioStorage } from '../simulator/scenarioStorage.ts';
import type { SavedScenario } from '../simulator/scenarios.ts';
import { addScenarios, describeAdded, readScenarioFile, savedFromWorkspace, workspaceWithScenarios } from '../simulator/scenarioTransfer.ts';
import { looksLikeZip } from '../simulator/zip.ts';

// The platform formats' code (Amazon Connect, Twilio Studio) loads when the export dialog opens or a file is imported, not with the editor.
const PlatformExports = lazy(() => import('./PlatformExport.tsx'));

/** A platform flow imported in this session, whose report is on screen. */
export interface ShownImport {
  flowId: string;
  report: PlatformImport['report'];
  standIns: PlatformImport['standIns'];
  platform: PlatformImport['platform'];
  platformName: string;
}

export function downloadText(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // Generous: a busy browser may start reading the blob late.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function fileSlug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'recflow'
  );
}

/** Problems of a flow; with `onJump`, each problem placed on a node is a button that selects it. */
export function ProblemItems({
  problems,
  flow,
  tone,
  onJump,
}: {
  problems: Problem[];
  flow: FlowDoc;
  tone: 'error' | 'warning';
  onJump?: (nodeId: string) => void;
}) {
  return (
    <ul className={`error-list${tone === 'warning' ? ' error-list--warning' : ''}`}>
      {problems.map((p, i) => {
        const node = p.nodeId ? flow.nodes.find((n) => n.id === p.nodeId) : undefined;
        const where = node ? (node.data as { label?: string }).label || node.id : 'flow';
        return (
          <li key={i}>
            {node && onJump ? (
              <button type="button" className="error-list__node" onClick={() => onJump(node.id)} title="Select the node and show it">
                {where}
              </button>
            ) : (
              <code>{where}</code>
            )}
            <span>{p.message}</span>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * What the checks say before a flow leaves the editor (export, publish): errors
 * block `action` and are listed; warnings are listed and do not block.
 */
export function CheckOutcome({
  flow,
  errors,
  warnings,
  action,
  onJump,
}: {
  flow: FlowDoc;
  errors: Problem[];
  warnings: Problem[];
  action: 'export' | 'publishing';
  onJump?: (nodeId: string) => void;
}) {
  const blocked = errors.length > 0;
  return (
    <>
      {blocked ? (
        <div className="export-blocked" role="alert">
          <strong>
            {action === 'export' ? 'Export' : 'Publishing'} is blocked: the flow has {errors.length} {errors.length === 1 ? 'error' : 'errors'}.
          </strong>{' '}
          Fix them first{onJump ? ': click one to select its node' : ' (the problems panel jumps to each node)'}.
          <ProblemItems problems={errors} flow={flow} tone="error" onJump={onJump} />
        </div>
      ) : null}
      {warnings.length > 0 ? (
        <details className="export-warnings" open={!blocked}>
          <summary>
            {warnings.length} {warnings.length === 1 ? 'warning' : 'warnings'} (they do not block {action})
          </summary>
          <ProblemItems problems={warnings} flow={flow} tone="warning" onJump={onJump} />
        </details>
      ) : null}
    </>
  );
}

export function ExportDialog({
  flow,
  workspace,
  errors,
  warnings,
  onClose,
  onJump,
  scenarioStorage = defaultScenarioStorage,
}: {
  flow: FlowDoc;
  workspace: WorkspaceDoc;
  errors: Problem[];
  warnings: Problem[];
  onClose(): void;
  /** Selects a problem's node (the dialog closes first). */
  onJump?: (nodeId: string) => void;
  /** Where the saved scenarios the workspace file takes along are kept. */
  scenarioStorage?: ScenarioStorage;
}) {
  const [saved, setSaved] = useState<SavedScenario[] | null>(null);
  const [scenarioError, setScenarioError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    scenarioStorage.load().then(
      (list) => live && setSaved(list),
      (e: unknown) => live && setScenarioError(`The saved scenarios could not be read (${e instanceof Error ? e.message : String(e)}): the file will hold none.`),
    );
    return () => {
      live = false;
    };
  }, [scenarioStorage]);
  const withScenarios = saved ? workspaceWithScenarios(workspace, saved) : null;
  const scenarioCount = withScenarios?.workspace.scenarios.length ?? 0;
  const jump = onJump
    ? (nodeId: string) => {
        onClose();
        onJump(nodeId);
      }
    : undefined;
  const blocked = errors.length > 0;
  return (
    <Dialog
      title="Export"
      onClose={onClose}
      wide
      footer={
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
      }
    >
      <section className="export-section">
        <h3>This flow for production</h3>
        <p className="rf-muted">
          “{flow.name}” as versioned flow JSON (<code>{`${flow.id}.flow.json`}</code>), valid against the published schema.
        </p>
        <CheckOutcome flow={flow} errors={errors} warnings={warnings} action="export" onJump={jump} />
        <button
          type="button"
          className="btn btn--primary"
          disabled={blocked}
          onClick={() => {
            downloadText(`${flow.id}.flow.json`, serializeFlow(flow));
            showToast(`Exported “${flow.name}”.`);
          }}
        >
          Download flow JSON
        </button>
      </section>
      <Suspense fallback={<p className="rf-muted">Loading the platform formats…</p>}>
        <PlatformExports flow={flow} onJump={jump} />
      </Suspense>
      <section className="export-section">
        <h3>The whole workspace</h3>
        <p className="rf-muted">
          Settings, numbers, agents, ring groups, roles, all {workspace.flows.length} flows with their published versions, and{' '}
          {saved === null && !scenarioError ? 'the saved scenarios' : `${scenarioCount} saved ${scenarioCount === 1 ? 'scenario' : 'scenarios'}`}, to back up or
          move to another browser.
        </p>
        {withScenarios && withScenarios.leftOut.length > 0 ? (
          <p className="rf-muted" data-testid="scenarios-left-out">
            Left out: {withScenarios.leftOut.length} saved {withScenarios.leftOut.length === 1 ? 'scenario' : 'scenarios'} of flows deleted since (
            {withScenarios.leftOut.map((s) => `“${s.scenario.name ?? s.id}”`).join(', ')}).
          </p>
        ) : null}
        {scenarioError ? (
          <p className="rf-muted" role="alert">
            {scenarioError}
          </p>
        ) : null}
        <button
          type="button"
          className="btn"
          onClick={async () => {
            // Still loading (a click at once): read them now rather than leave them out.
            const list = saved ?? (await scenarioStorage.load().catch(() => []));
            const { workspace: doc } = workspaceWithScenarios(workspace, list);
            const n = doc.scenarios.length;
            downloadText(`${fileSlug(workspace.name)}.workspace.json`, serializeWorkspace(doc));
            showToast(n > 0 ? `Exported the workspace with ${n} saved ${n === 1 ? 'scenario' : 'scenarios'}.` : 'Exported the workspace.');
          }}
        >
          Download workspace JSON
        </button>
      </section>
    </Dialog>
  );
}

/** Errors of a refused document, each with its JSON path (the first 50). */
export function ErrorItems({ errors }: { errors: DocError[] }) {
  const shown = errors.slice(0, 50);
  return (
    <>
      <ul className="error-list">
        {shown.map((e, i) => (
          <li key={i}>
            <code>{e.path}</code>
            <span>{e.message}</span>
          </li>
        ))}
      </ul>
      {errors.length > shown.length ? <p className="rf-muted">…and {errors.length - shown.length} more.</p> : null}
    </>
  );
}

interface Pending {
  fileName: string;
  plan: ImportPlan;
  /** Part of a scenario file was imported: what was added. */
  added?: string;
}

/** The import state machine for the app: a hidden file input, `importFiles`, and the dialog to show. */
export function useImport(scenarioStorage: ScenarioStorage = defaultScenarioStorage) {
  const store = useStore();
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [shown, setShown] = useState<ShownImport | null>(null);

  /** Imports a flow (new, or as the next version of the flow with its id) and says what happened, with Undo. */
  const carryOut = useCallback(
    (plan: ImportPlan) => {
      if (!applyImport(store, plan)) return;
      const undo = { action: { label: 'Undo', run: () => store.undo() } };
      if (plan.kind === 'platform') {
        setShown({
          flowId: plan.flow.id,
          report: plan.report,
          standIns: plan.standIns,
          platform: plan.platform,
          platformName: plan.platformName,
        });
        showToast(
          plan.renamedFrom
            ? `Imported the ${plan.platformName} flow “${plan.flow.name}” as “${plan.flow.id}” (id “${plan.renamedFrom}” was taken).`
            : `Imported the ${plan.platformName} flow “${plan.flow.name}”.`,
          undo,
        );
      }
      if (plan.kind === 'next-version') showToast(`Imported “${plan.flow.name}” as the next version: it is the draft now.`, undo);
      else if (plan.kind === 'flow') showToast(newFlowReport(plan), undo);
    },
    [store],
  );

  /** A scenario file: its valid scenarios join the saved scenarios (see scenarioTransfer.ts), its problems are listed. */
  const importScenarios = useCallback(
    async (file: File) => {
      const { workspace, currentFlowId } = store.getState();
      const read = await readScenarioFile(file, workspace, currentFlowId);
      let added: string | undefined;
      if (read.scenarios.length > 0) {
        try {
          added = `${describeAdded(workspace, await addScenarios(scenarioStorage, read.scenarios))} They are in the simulator's Scenarios tab.`;
        } catch (e) {
          read.errors.unshift({ path: '$', message: `the scenarios could not be saved: ${e instanceof Error ? e.message : String(e)}` });
        }
      }
      if (read.errors.length === 0 && added) showToast(added);
      else setPending({ fileName: file.name, plan: { kind: 'refused', errors: read.errors }, added });
    },
    [store, scenarioStorage],
  );

  const importFiles = useCallback(
    async (files: FileList | File[]) => {
      const file = [...files][0];
      if (!file) return;
      // The ZIP "Export for recflow test" writes is a scenario file too.
      const head = await file
        .slice(0, 4)
        .arrayBuffer()
        .then((b) => new Uint8Array(b))
        .catch(() => new Uint8Array());
      if (looksLikeZip(head)) {
        await importScenarios(file);
        return;
      }
      const read = await readDocumentText(file);
      if (!read.ok) {
        setPending({ fileName: file.name, plan: { kind: 'refused', errors: read.errors } });
        return;
      }
      const { planAsPlatform } = await import('./platformIo.ts');
      const plan = planImport(read.text, store.getState().workspace, planAsPlatform);
      if (plan.kind === 'scenarios') {
        await importScenarios(file);
        return;
      }
      if (plan.kind === 'flow' || plan.kind === 'platform') {
        carryOut(plan);
        return;
      }
      setPending({ fileName: file.name, plan });
    },
    [store, carryOut, importScenarios],
  );

  const close = () => setPending(null);
  let dialog = null;
  if (pending?.plan.kind === 'same-id') {
    const plan = pending.plan;
    const choose = (as: 'next-version' | 'new-flow') => {
      close();
      carryOut(chooseSameId(plan, as));
    };
    dialog = (
      <Dialog
        title={`Import “${plan.flow.name}”`}
        onClose={close}
        footer={
          <>
            <button type="button" className="btn" onClick={close}>
              Cancel
            </button>
            <button type="button" className="btn" onClick={() => choose('new-flow')}>
              As a new flow
            </button>
            <button type="button" className="btn btn--primary" onClick={() => choose('next-version')}>
              As the next version of “{plan.existing.name}”
            </button>
          </>
        }
      >
        <p>
          <strong>{pending.fileName}</strong> is the flow “{plan.existing.id}”, which this workspace already has as “{plan.existing.name}”.
        </p>
        <ul>
          <li>
            <strong>As the next version</strong>: the file replaces the draft of “{plan.existing.name}”. Its published versions stay, so you can
            compare the file with them and publish it as the next version.
          </li>
          <li>
            <strong>As a new flow</strong>: the file is added beside it as “{plan.asNew.name}” (id “{plan.asNew.id}”).
          </li>
        </ul>
        <p className="rf-muted">Either way, Ctrl+Z undoes the import.</p>
      </Dialog>
    );
  }
  if (pending?.plan.kind === 'refused') {
    const { errors, what } = pending.plan;
    const added = pending.added;
    dialog = (
      <Dialog
        title={added ? `Imported part of ${pending.fileName}` : `Could not import ${pending.fileName}`}
        onClose={close}
        wide
        footer={
          <button type="button" className="btn btn--primary" onClick={close}>
            OK
          </button>
        }
      >
        {added ? <p>{added}</p> : null}
        <p>{added ? 'The rest was not imported:' : 'Nothing was changed. The file has these problems:'}</p>
        <ErrorItems errors={errors} />
        {/* A refusal whose error already says what the file is does not say it twice. */}
        {what && !errors.some((e) => e.message === what) ? <p>It is {what}.</p> : null}
      </Dialog>
    );
  } else if (pending?.plan.kind === 'workspace') {
    const ws = pending.plan.workspace;
    const plan = pending.plan;
    dialog = (
      <Dialog
        title="Replace the workspace?"
        onClose={close}
        footer={
          <>
            <button type="button" className="btn" onClick={close}>
              Cancel
            </button>
            <button
              type="button"
              className="btn btn--primary"
              onClick={async () => {
                applyImport(store, plan);
                close();
                const undo = { action: { label: 'Undo', run: () => store.undo() } };
                if (ws.scenarios.length === 0) {
                  showToast(`Opened workspace “${ws.name}”.`, undo);
                  return;
                }
                try {
                  const outcome = await addScenarios(scenarioStorage, savedFromWorkspace(ws));
                  showToast(`Opened workspace “${ws.name}”. ${describeAdded(ws, outcome)}`, undo);
                } catch (e) {
                  showToast(`Opened workspace “${ws.name}”, but its saved scenarios could not be saved: ${e instanceof Error ? e.message : String(e)}`, undo);
                }
              }}
            >
              Replace workspace
            </button>
          </>
        }
      >
        <p>
          <strong>{pending.fileName}</strong> is a whole workspace, “{ws.name}”, with {ws.flows.length}{' '}
          {ws.flows.length === 1 ? 'flow' : 'flows'}, {ws.numbers.length} numbers, {ws.agents.length} agents and {ws.scenarios.length} saved{' '}
          {ws.scenarios.length === 1 ? 'scenario' : 'scenarios'}.
        </p>
        <p>
          It replaces everything in the editor now. You can undo this with Ctrl+Z.
          {ws.scenarios.length > 0 ? ' Its saved scenarios are added to the ones saved in this browser (undo leaves them there).' : ''}
        </p>
      </Dialog>
    );
  }

  const fileInput = <HiddenFileInput ref={input} testId="import-input" onFile={(file) => void importFiles([file])} />;

  return { openPicker: () => input.current?.click(), importFiles, dialog, fileInput, shown, closeReport: () => setShown(null) };
}
