/**
 * The flow's history: the draft (what is on the canvas) and every published
 * version, newest first, each with its note, publisher and time. Any two of
 * them open in the Compare panel; Restore makes a version the draft again
 * (one undo step); a version downloads as production JSON.
 */
import { useId, useState } from 'react';
import type { FlowDoc } from '../../runtime/document/flow.ts';
import type { PublishedVersion } from '../../runtime/document/workspace.ts';
import { formatWhen } from './format.ts';
import './versions.css';

/** A side of a comparison: a version's number, or the draft. */
export type HistorySide = number | 'draft';

export interface HistoryPanelProps {
  /** The draft: the flow as it is on the canvas. */
  flow: FlowDoc;
  /** The flow's published versions, newest first. */
  versions: readonly PublishedVersion[];
  /** The number of the version the draft is exactly the same as, if any. */
  sameAs: number | null;
  onCompare(before: number, after: HistorySide): void;
  onRestore(number: number): void;
  onDownload(version: PublishedVersion): void;
  onPublish(): void;
  onClose(): void;
}

const sideName = (s: HistorySide) => (s === 'draft' ? 'the draft' : `version ${s}`);

export function HistoryPanel({ flow, versions, sameAs, onCompare, onRestore, onDownload, onPublish, onClose }: HistoryPanelProps) {
  const [before, setBefore] = useState<number | null>(null);
  const [after, setAfter] = useState<HistorySide>('draft');
  const ids = { before: useId(), after: useId() };
  const latest = versions[0];
  // By default the latest version against the draft, or, when the draft is the latest, the one before it.
  const defaultFrom = (sameAs !== null && sameAs === versions[0]?.number ? versions[1] : versions[0])?.number ?? versions[0]?.number ?? null;
  const from = before !== null && versions.some((v) => v.number === before) ? before : defaultFrom;
  const to: HistorySide = after === 'draft' || versions.some((v) => v.number === after) ? after : 'draft';
  const draftState = !latest ? 'never published' : sameAs !== null ? `same as version ${sameAs}` : `changed since version ${latest.number}`;

  return (
    <section className="dock history" aria-label="History">
      <header className="dock__head">
        <h2>History</h2>
        <span className="history__what">
          “{flow.name}”: {versions.length === 0 ? 'no published versions yet' : `${versions.length} published ${versions.length === 1 ? 'version' : 'versions'}`}
        </span>
        <button type="button" className="btn btn--ghost btn--icon" aria-label="Close the history" title="Close the history" onClick={onClose}>
          ✕
        </button>
      </header>
      <div className="history__body">
        {versions.length > 0 ? (
          <div className="history__compare" role="group" aria-label="Compare two versions">
            <label htmlFor={ids.before}>Compare</label>
            <select id={ids.before} className="rf-input" value={from ?? ''} onChange={(e) => setBefore(Number(e.target.value))}>
              {versions.map((v) => (
                <option key={v.number} value={v.number}>
                  version {v.number}
                </option>
              ))}
            </select>
            <label htmlFor={ids.after}>with</label>
            <select
              id={ids.after}
              className="rf-input"
              value={String(to)}
              onChange={(e) => setAfter(e.target.value === 'draft' ? 'draft' : Number(e.target.value))}
            >
              <option value="draft">the draft</option>
              {versions.map((v) => (
                <option key={v.number} value={v.number}>
                  version {v.number}
                </option>
              ))}
            </select>
            <button type="button" className="btn" disabled={from === null || from === to} onClick={() => from !== null && onCompare(from, to)}>
              Compare
            </button>
            {from !== null && from === to ? <span className="rf-muted">Choose two different versions.</span> : null}
          </div>
        ) : null}
        <ul className="history__list" aria-label="Versions">
          <li className="history__row history__row--draft" data-version="draft">
            <span className="history__number">Draft</span>
            <span className="history__meta">
              <span>On the canvas now</span>
              <small>{draftState}</small>
            </span>
            <span className="history__actions">
              <button type="button" className="btn btn--primary" onClick={onPublish} disabled={sameAs !== null}>
                Publish…
              </button>
            </span>
          </li>
          {versions.map((v) => (
            <li key={v.number} className="history__row" data-version={v.number}>
              <span className="history__number">
                v{v.number}
                {v.number === latest?.number ? <span className="history__live">latest</span> : null}
              </span>
              <span className="history__meta">
                <span className={v.note ? 'history__note' : 'history__note history__note--none'} title={v.note || undefined}>
                  {v.note || 'no note'}
                </span>
                <small>
                  {v.publisher || 'someone unnamed'} · {formatWhen(v.publishedAt)}
                </small>
              </span>
              <span className="history__actions">
                <button
                  type="button"
                  className="btn"
                  aria-label={`Compare version ${v.number} with the draft`}
                  onClick={() => onCompare(v.number, 'draft')}
                  disabled={sameAs === v.number}
                  title={sameAs === v.number ? 'The draft is the same as this version' : `Compare ${sideName(v.number)} with the draft`}
                >
                  Compare
                </button>
                <button
                  type="button"
                  className="btn"
                  aria-label={`Restore version ${v.number}`}
                  onClick={() => onRestore(v.number)}
                  disabled={sameAs === v.number}
                  title={sameAs === v.number ? 'The draft is already this version' : 'Make this version the draft again (Undo brings the draft back)'}
                >
                  Restore
                </button>
                <button type="button" className="btn" aria-label={`Download version ${v.number}`} onClick={() => onDownload(v)} title="Download this version as production JSON">
                  Download
                </button>
              </span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
