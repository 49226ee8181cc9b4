/**
 * Import and export in the UI: the export dialog (a flow's production JSON is
 * blocked while it has errors; the whole workspace always exports), and the
 * import flow (file picker or a file dropped on the canvas; a bad file shows
 * its errors and changes nothing; a workspace asks before replacing).
 */
import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import type { Problem } from '../../runtime/checks/checkFlow.ts';
import type { DocError } from '../../runtime/document/errors.ts';
import { type FlowDoc, serializeFlow } from '../../runtime/document/flow.ts';
import { serializeWorkspace, type WorkspaceDoc } from '../../runtime/document/workspace.ts';
import { useStore } from '../store/react.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { showToast } from '../ui/toast.tsx';
import { applyImport, chooseSameId, type ImportPlan, newFlowReport, planImport, readDocumentText } from './importDoc.ts';
import type { PlatformImport } from './platformIo.ts';

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
}: {
  flow: FlowDoc;
  workspace: WorkspaceDoc;
  errors: Problem[];
  warnings: Problem[];
  onClose(): void;
  /** Selects a problem's node (the dialog closes first). */
  onJump?: (nodeId: string) => void;
}) {
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
          Settings, numbers, agents, ring groups, roles and all {workspace.flows.length} flows, to back up or move to another browser.
        </p>
        <button
          type="button"
          className="btn"
          onClick={() => {
            downloadText(`${fileSlug(workspace.name)}.workspace.json`, serializeWorkspace(workspace));
            showToast('Exported the workspace.');
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
}

/** The import state machine for the app: a hidden file input, `importFiles`, and the dialog to show. */
export function useImport() {
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

  const importFiles = useCallback(
    async (files: FileList | File[]) => {
      const file = [...files][0];
      if (!file) return;
      const read = await readDocumentText(file);
      if (!read.ok) {
        setPending({ fileName: file.name, plan: { kind: 'refused', errors: read.errors } });
        return;
      }
      const { planAsPlatform } = await import('./platformIo.ts');
      const plan = planImport(read.text, store.getState().workspace, planAsPlatform);
      if (plan.kind === 'flow' || plan.kind === 'platform') {
        carryOut(plan);
        return;
      }
      setPending({ fileName: file.name, plan });
    },
    [store, carryOut],
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
    dialog = (
      <Dialog
        title={`Could not import ${pending.fileName}`}
        onClose={close}
        wide
        footer={
          <button type="button" className="btn btn--primary" onClick={close}>
            OK
          </button>
        }
      >
        <p>Nothing was changed. The file has these problems:</p>
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
              onClick={() => {
                applyImport(store, plan);
                close();
                showToast(`Opened workspace “${ws.name}”.`, { action: { label: 'Undo', run: () => store.undo() } });
              }}
            >
              Replace workspace
            </button>
          </>
        }
      >
        <p>
          <strong>{pending.fileName}</strong> is a whole workspace, “{ws.name}”, with {ws.flows.length}{' '}
          {ws.flows.length === 1 ? 'flow' : 'flows'}, {ws.numbers.length} numbers and {ws.agents.length} agents.
        </p>
        <p>It replaces everything in the editor now. You can undo this with Ctrl+Z.</p>
      </Dialog>
    );
  }

  const fileInput = (
    <input
      ref={input}
      type="file"
      accept=".json,application/json"
      className="visually-hidden"
      tabIndex={-1}
      aria-hidden="true"
      data-testid="import-input"
      onChange={(e) => {
        const files = e.target.files;
        if (files) void importFiles(files);
        e.target.value = '';
      }}
    />
  );

  return { openPicker: () => input.current?.click(), importFiles, dialog, fileInput, shown, closeReport: () => setShown(null) };
}
