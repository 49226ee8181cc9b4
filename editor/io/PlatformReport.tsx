/**
 * The import and export reports of a platform flow (Amazon Connect, Twilio Studio), as the
 * CLI prints them: per action or widget (or node), the kind it became (or the actions it
 * became), what is simulated, approximated or not simulated (not expressible),
 * each note with its JSON path, then the flow-wide problems. A row whose node
 * is on the canvas is a button that selects it.
 */
import type { FlowDoc } from '../../runtime/document/flow.ts';
import { type ExportReport, type Fidelity, type ImportReport, ONE_PART, partly } from '../../runtime/platforms/format.ts';
import { describeStandIns, fidelityCounts, fidelityWords, type PlatformImport } from './platformIo.ts';
import './platformReport.css';

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function nodeName(flow: FlowDoc | undefined, id: string): string {
  const node = flow?.nodes.find((n) => n.id === id);
  return (node?.data as { label?: string } | undefined)?.label || id;
}

function Badge({ fidelity, words }: { fidelity: Fidelity; words?: string }) {
  return <span className={`fidelity fidelity--${fidelity}`}>{words ?? fidelityWords(fidelity)}</span>;
}

/**
 * A note's badge: a note about one part of the action the simulation leaves out (a failure branch, a kept option)
 * says so, as the CLI does, and leaves the row's fidelity to the rest.
 */
function NoteBadge({ note, words }: { note: { fidelity: Fidelity; part?: true }; words?: string }) {
  const said = words ?? fidelityWords(note.fidelity);
  return note.part ? (
    <span className={`fidelity fidelity--${note.fidelity} fidelity--part`} title="About one part of the action that the simulation leaves out">
      {said} {ONE_PART}
    </span>
  ) : (
    <Badge fidelity={note.fidelity} words={words} />
  );
}

function Problems({ problems }: { problems: ImportReport['problems'] }) {
  if (problems.length === 0) return null;
  return (
    <section aria-label="Problems of the file">
      <h3>Problems</h3>
      <ul className="preport__problems">
        {problems.map((p, i) => (
          <li key={i} className={`preport__problem preport__problem--${p.severity}`}>
            <strong>{p.severity}</strong> <code>{p.path}</code> <span>{p.message}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A row's head: a button selecting its node when `onJump` is given and the node is in `flow`. */
function RowHead({ nodeId, flow, onJump, children }: { nodeId: string; flow?: FlowDoc; onJump?: (nodeId: string) => void; children: React.ReactNode }) {
  const onCanvas = flow?.nodes.some((n) => n.id === nodeId) ?? false;
  if (onJump && onCanvas)
    return (
      <button type="button" className="preport__head" onClick={() => onJump(nodeId)} title="Select the node and show it">
        {children}
      </button>
    );
  return <div className="preport__head">{children}</div>;
}

export function ImportReportView({ report, flow, onJump }: { report: ImportReport; flow?: FlowDoc; onJump?: (nodeId: string) => void }) {
  const counts = fidelityCounts(report);
  return (
    <div className="preport">
      <p className="preport__summary">
        {report.platform}: {report.rows.length} {report.rows.length === 1 ? report.unit.one : report.unit.many} imported — {counts.simulated} simulated,{' '}
        {counts.approximated} approximated, {counts['not-simulated']} not simulated{partly(report.rows)}
      </p>
      <ul className="preport__rows" aria-label={capitalise(report.unit.many)}>
        {report.rows.map((r) => (
          <li key={r.path} className="preport__row">
            <RowHead nodeId={r.nodeId} flow={flow} onJump={onJump}>
              <Badge fidelity={r.fidelity} />
              <span className="preport__what">
                {r.actionType} → {r.kind} <strong>{nodeName(flow, r.nodeId)}</strong>
              </span>
              <code className="preport__path">{r.path}</code>
            </RowHead>
            {r.notes.length > 0 ? (
              <ul className="preport__notes">
                {r.notes.map((n, i) => (
                  <li key={i}>
                    <NoteBadge note={n} /> <span>{n.message}</span> <code>{n.path}</code>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
        {report.added.map((a) => (
          <li key={a.nodeId} className="preport__row">
            <RowHead nodeId={a.nodeId} flow={flow} onJump={onJump}>
              <span className="fidelity fidelity--added">added</span>
              <span className="preport__what">
                {a.kind} <strong>{nodeName(flow, a.nodeId)}</strong>: {a.why}
              </span>
            </RowHead>
          </li>
        ))}
      </ul>
      <Problems problems={report.problems} />
    </div>
  );
}

const EXPORT_WORDS: Record<Fidelity, string> = { simulated: 'as simulated', approximated: 'approximated', 'not-simulated': 'not expressible' };

export function ExportReportView({ report, flow, onJump }: { report: ExportReport; flow?: FlowDoc; onJump?: (nodeId: string) => void }) {
  const counts = fidelityCounts(report);
  return (
    <div className="preport">
      <p className="preport__summary">
        {report.platform}: {report.rows.length} {report.rows.length === 1 ? 'node' : 'nodes'} exported — {counts.simulated} as simulated,{' '}
        {counts.approximated} approximated, {counts['not-simulated']} not expressible{partly(report.rows)}
      </p>
      <ul className="preport__rows" aria-label="Nodes">
        {report.rows.map((r) => (
          <li key={r.path} className="preport__row">
            <RowHead nodeId={r.nodeId} flow={flow} onJump={onJump}>
              <Badge fidelity={r.fidelity} words={EXPORT_WORDS[r.fidelity]} />
              <span className="preport__what">
                {r.kind} <strong>{nodeName(flow, r.nodeId)}</strong> ({r.origin}) →{' '}
                {r.actions.length === 0 ? 'nothing' : r.actions.map((a) => `${a.type} “${a.id}”`).join(' + ')}
              </span>
            </RowHead>
            {r.notes.length > 0 ? (
              <ul className="preport__notes">
                {r.notes.map((n, i) => (
                  <li key={i}>
                    <NoteBadge note={n} words={n.part ? undefined : EXPORT_WORDS[n.fidelity]} /> <span>{n.message}</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      <Problems problems={report.problems} />
    </div>
  );
}

/**
 * The import report beside the canvas once a platform flow is imported: what was added with it, an offer to model
 * the platform's preset when the workspace is on another, and the report, its rows selecting their nodes.
 */
export function ImportReportPanel({
  report,
  flow,
  standIns: added,
  platformName,
  onPreset,
  onSwitchPreset,
  onJump,
  onClose,
}: {
  report: ImportReport;
  /** The imported flow as it is now (undefined once it is gone, by undo). */
  flow: FlowDoc | undefined;
  /** What was added with the flow. */
  standIns: PlatformImport['standIns'];
  platformName: string;
  onPreset: boolean;
  onSwitchPreset(): void;
  onJump(nodeId: string): void;
  onClose(): void;
}) {
  const standIns = describeStandIns(added);
  return (
    <section className="dock preport-panel" aria-label="Import report">
      <header className="dock__head">
        <h2>Import report{flow ? `: ${flow.name}` : ''}</h2>
        <span className="rf-muted preport-panel__hint">Click a row to select its node.</span>
        <button type="button" className="btn btn--ghost btn--icon" aria-label="Close the import report" onClick={onClose}>
          ✕
        </button>
      </header>
      <div className="preport-panel__body">
        {flow ? null : <p role="status">The imported flow is no longer in the workspace (the import was undone).</p>}
        {onPreset ? null : (
          <p className="preport-panel__offer" role="note">
            The workspace models another platform, so simulated calls follow its recording rules, not {platformName}’s (R30).{' '}
            <button type="button" className="btn btn--primary" onClick={onSwitchPreset}>
              Model {platformName}
            </button>
          </p>
        )}
        {standIns.length > 0 ? (
          <details className="preport-panel__added">
            <summary>
              Added with the flow, so calls can be simulated: {standIns.length} {standIns.length === 1 ? 'stand-in' : 'stand-ins'}
            </summary>
            <ul>
              {standIns.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          </details>
        ) : null}
        <ImportReportView report={report} flow={flow} onJump={flow ? onJump : undefined} />
      </div>
    </section>
  );
}
