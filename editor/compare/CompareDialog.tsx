/**
 * Chooses what the flow on screen is compared with: another flow of the
 * workspace (say the original it was duplicated from) or a flow file (say
 * the version exported for production). A file that does not read as a flow
 * shows its errors with their JSON paths and nothing starts.
 */
import { useId, useRef, useState } from 'react';
import type { DocError } from '../../runtime/document/errors.ts';
import { type FlowDoc, parseFlow } from '../../runtime/document/flow.ts';
import { readDocumentText } from '../io/importDoc.ts';
import { ErrorItems } from '../io/IoDialogs.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import type { Baseline } from './comparison.ts';
import '../kit/forms.css';
import './compare.css';

export interface CompareDialogProps {
  /** The flow on screen. */
  current: FlowDoc;
  /** Every flow of the workspace (the current one is left out of the choices). */
  flows: readonly FlowDoc[];
  onCompare(baseline: Baseline): void;
  onClose(): void;
}

/** Reads a chosen file as a flow document; never throws. */
export async function readFlowFile(file: File): Promise<{ ok: true; flow: FlowDoc } | { ok: false; errors: DocError[] }> {
  const read = await readDocumentText(file);
  if (!read.ok) return read;
  const parsed = parseFlow(read.text);
  return parsed.ok ? { ok: true, flow: parsed.value } : { ok: false, errors: parsed.errors };
}

export function CompareDialog({ current, flows, onCompare, onClose }: CompareDialogProps) {
  const others = flows.filter((f) => f.id !== current.id);
  const [source, setSource] = useState<'flow' | 'file'>(others.length > 0 ? 'flow' : 'file');
  const [flowId, setFlowId] = useState(others[0]?.id ?? '');
  const [file, setFile] = useState<{ name: string; flow: FlowDoc } | null>(null);
  const [refused, setRefused] = useState<{ name: string; errors: DocError[] } | null>(null);
  const [reading, setReading] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const ids = { flow: useId(), file: useId(), select: useId() };

  const ready = source === 'flow' ? others.some((f) => f.id === flowId) : file !== null;
  const compare = () => {
    if (!ready) return;
    onCompare(source === 'flow' ? { source: 'flow', flowId } : { source: 'file', fileName: file!.name, flow: file!.flow });
  };

  return (
    <Dialog
      title={`Compare “${current.name}” with…`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn--primary" disabled={!ready || reading} onClick={compare}>
            Compare
          </button>
        </>
      }
    >
      <p className="rf-muted">
        The differences are listed under the canvas and marked on the nodes, and they follow your edits until you stop comparing or open another flow.
      </p>
      <div className="rf-form compare-dialog">
        <div className="rf-field">
          <label className="rf-radio" htmlFor={ids.flow}>
            <input id={ids.flow} type="radio" name="compare-source" checked={source === 'flow'} disabled={others.length === 0} onChange={() => setSource('flow')} />
            <span>Another flow in this workspace</span>
          </label>
          {others.length === 0 ? (
            <p className="rf-hint">This workspace has no other flow. Duplicate this one before editing to compare with the original.</p>
          ) : (
            <select
              id={ids.select}
              className="rf-input"
              aria-label="Flow to compare with"
              value={flowId}
              disabled={source !== 'flow'}
              onChange={(e) => setFlowId(e.target.value)}
            >
              {others.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          )}
        </div>
        <div className="rf-field">
          <label className="rf-radio" htmlFor={ids.file}>
            <input id={ids.file} type="radio" name="compare-source" checked={source === 'file'} onChange={() => setSource('file')} />
            <span>A flow file (.json), such as the version exported for production</span>
          </label>
          <div className="rf-control-row">
            <button
              type="button"
              className="btn"
              onClick={() => {
                setSource('file');
                input.current?.click();
              }}
            >
              Choose file…
            </button>
            <span className="rf-muted">{reading ? 'Reading…' : file ? file.name : 'No file chosen'}</span>
          </div>
          <input
            ref={input}
            type="file"
            accept=".json,application/json"
            hidden
            data-testid="compare-file-input"
            onChange={async (e) => {
              const chosen = e.target.files?.[0];
              e.target.value = '';
              if (!chosen) return;
              setSource('file');
              setReading(true);
              const read = await readFlowFile(chosen);
              setReading(false);
              if (read.ok) {
                setFile({ name: chosen.name, flow: read.flow });
                setRefused(null);
              } else {
                setFile(null);
                setRefused({ name: chosen.name, errors: read.errors });
              }
            }}
          />
          {refused ? (
            <div role="alert" className="compare-dialog__refused">
              <strong>{refused.name} is not a flow Recflow can read:</strong>
              <ErrorItems errors={refused.errors} />
            </div>
          ) : null}
        </div>
      </div>
    </Dialog>
  );
}
