/**
 * Publish: records the flow as its next numbered version, with a note, the
 * time and the publisher's name (Settings → Publishing). The flow's errors
 * block it, as they block export; warnings are listed and do not. Once
 * published, the dialog offers the production export of that version.
 */
import { useId, useState } from 'react';
import type { Problem } from '../../runtime/checks/checkFlow.ts';
import type { FlowDoc } from '../../runtime/document/flow.ts';
import type { PublishedVersion } from '../../runtime/document/workspace.ts';
import { CheckOutcome } from '../io/IoDialogs.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { formatWhen } from './format.ts';
import '../kit/forms.css';
import './versions.css';

export interface PublishDialogProps {
  flow: FlowDoc;
  /** The number this version will get. */
  nextNumber: number;
  errors: Problem[];
  warnings: Problem[];
  /** The latest published version, to say whether anything changed since. */
  latest?: PublishedVersion;
  /** True when the draft is exactly the latest version. */
  unchanged: boolean;
  publisher: string;
  onPublisherChange(name: string): void;
  /** Publishes; returns the version recorded, or the errors that blocked it. */
  onPublish(note: string): { ok: true; version: PublishedVersion } | { ok: false; errors: Problem[] };
  onDownload(version: PublishedVersion): void;
  /** Selects a problem's node (the dialog closes). */
  onJump(nodeId: string): void;
  onClose(): void;
}

export function PublishDialog(props: PublishDialogProps) {
  const { flow, nextNumber, errors, warnings, latest, unchanged, publisher, onPublisherChange, onPublish, onDownload, onJump, onClose } = props;
  const [note, setNote] = useState('');
  const [published, setPublished] = useState<PublishedVersion | null>(null);
  const [refused, setRefused] = useState<Problem[] | null>(null);
  const ids = { note: useId(), name: useId() };
  const blocking = refused ?? errors;
  const blocked = blocking.length > 0;

  if (published) {
    return (
      <Dialog
        title={`Published version ${published.number}`}
        onClose={onClose}
        footer={
          <>
            <button type="button" className="btn" onClick={onClose}>
              Close
            </button>
            <button type="button" className="btn btn--primary" onClick={() => onDownload(published)}>
              Download production JSON
            </button>
          </>
        }
      >
        <p role="status">
          “{published.flow.name}” version {published.number} is recorded{published.publisher ? ` by ${published.publisher}` : ''} on{' '}
          {formatWhen(published.publishedAt)}. It never changes; the flow's history lists it.
        </p>
        <p className="rf-muted">
          The production JSON is the flow document of this version (<code>{`${flow.id}.flow.json`}</code>), valid against the published schema.
        </p>
      </Dialog>
    );
  }

  const publish = () => {
    const outcome = onPublish(note);
    if (outcome.ok) setPublished(outcome.version);
    else setRefused(outcome.errors);
  };

  return (
    <Dialog
      title={`Publish “${flow.name}”`}
      onClose={onClose}
      wide
      initialFocus={blocked ? undefined : ids.note}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn--primary" disabled={blocked} onClick={publish}>
            Publish version {nextNumber}
          </button>
        </>
      }
    >
      <p className="rf-muted">
        Publishing records version {nextNumber}: a copy of the flow as it is now that never changes, with your note, the time and your name.{' '}
        {latest
          ? unchanged
            ? `Nothing has changed since version ${latest.number}.`
            : `The latest is version ${latest.number}, published ${formatWhen(latest.publishedAt)}.`
          : 'It is the first version of this flow.'}
      </p>
      <CheckOutcome flow={flow} errors={blocking} warnings={warnings} action="publishing" onJump={onJump} />
      <div className="rf-form publish-form">
        <div className="rf-field">
          <label className="rf-label" htmlFor={ids.note}>
            Note
          </label>
          <textarea
            id={ids.note}
            className="rf-input"
            rows={3}
            maxLength={2000}
            value={note}
            disabled={blocked}
            placeholder="What changed, e.g. “Card payments no longer recorded”"
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <div className="rf-field">
          <label className="rf-label" htmlFor={ids.name}>
            Published by
          </label>
          <input
            id={ids.name}
            className="rf-input"
            value={publisher}
            maxLength={200}
            disabled={blocked}
            placeholder="Your name (kept in Settings → Publishing)"
            onChange={(e) => onPublisherChange(e.target.value)}
          />
        </div>
      </div>
    </Dialog>
  );
}
