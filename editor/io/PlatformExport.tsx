/**
 * The export dialog's sections for platform formats (an Amazon Connect flow, a Twilio Studio flow definition:
 * one per format of `runtime/platforms/formats.ts`), loaded when the dialog opens.
 */
import { useMemo } from 'react';
import type { FlowDoc } from '../../runtime/document/flow.ts';
import type { PlatformFormat } from '../../runtime/platforms/format.ts';
import { platformFormats, withArticle } from '../../runtime/platforms/formats.ts';
import { showToast } from '../ui/toast.tsx';
import { downloadText, ErrorItems } from './IoDialogs.tsx';
import { ExportReportView } from './PlatformReport.tsx';
import { exportFileName, exportRefused } from './platformIo.ts';

/**
 * The flow in a platform's own format, with the export report: per node, the actions it
 * became and what the platform cannot express or does differently. Refused (nothing to download) when the
 * platform's limits are exceeded, as `recflow export` refuses.
 */
export function PlatformExport({ flow, format, onJump }: { flow: FlowDoc; format: PlatformFormat; onJump?: (nodeId: string) => void }) {
  const outcome = useMemo(() => format.exportFlow(flow), [flow, format]);
  const file = exportFileName(flow, format.name);
  const refused = outcome.ok && exportRefused(outcome.report);
  return (
    <section className="export-section" aria-label={format.documentName}>
      <h3>{format.documentName}</h3>
      <p className="rf-muted">
        “{flow.name}” as {withArticle(format.documentName)} (<code>{file}</code>), {format.destination}. Nodes imported from{' '}
        {format.platform} and not edited are written back as they came.
      </p>
      {!outcome.ok ? (
        <div className="export-blocked" role="alert">
          <strong>{format.platform} cannot take this flow:</strong>
          <ErrorItems errors={outcome.errors} />
        </div>
      ) : (
        <>
          {refused ? (
            <div className="export-blocked" role="alert">
              <strong>{format.platform} would refuse this flow (its limits); nothing can be downloaded.</strong>
            </div>
          ) : null}
          <details className="export-report" open>
            <summary>Export report</summary>
            <ExportReportView report={outcome.report} flow={flow} onJump={onJump} />
          </details>
        </>
      )}
      <button
        type="button"
        className="btn"
        disabled={!outcome.ok || refused}
        onClick={() => {
          if (!outcome.ok) return;
          downloadText(file, outcome.text);
          showToast(`Exported “${flow.name}” as ${withArticle(format.documentName)}.`);
        }}
      >
        Download {format.documentName}
      </button>
    </section>
  );
}

/** One section per platform format. */
export default function PlatformExports({ flow, onJump }: { flow: FlowDoc; onJump?: (nodeId: string) => void }) {
  return (
    <>
      {platformFormats.map((format) => (
        <PlatformExport key={format.name} flow={flow} format={format} onJump={onJump} />
      ))}
    </>
  );
}
