/**
 * What the editor says about the saving of the work and the workspace as a whole:
 * the top bar's save status, and the banners under the top bar (a failed save
 * with its retry, a conflict with another tab and its two ways out, a notice
 * from restoring the workspace).
 */
import type { Autosave } from './store/persistence.ts';
import { useEditor, useStore } from './store/react.tsx';
import type { SaveStatus as SaveStatusValue } from './store/store.ts';
import { Icon } from './ui/icons.tsx';

const STATUS_TEXT: Record<SaveStatusValue['state'], string> = {
  idle: 'Saved in this browser',
  pending: 'Unsaved changes…',
  saving: 'Saving…',
  saved: 'All changes saved',
  failed: 'Not saved',
  conflict: 'Not saved: changed in another tab',
};

/** On a top bar short of room (theme.css) the calm states say just this; the others keep their whole words. */
const SHORT_TEXT: Partial<Record<SaveStatusValue['state'], string>> = { idle: 'Saved', saved: 'Saved' };

export function SaveStatus() {
  const save = useEditor((s) => s.save);
  const text = STATUS_TEXT[save.state];
  const short = SHORT_TEXT[save.state];
  const alarming = save.state === 'failed' || save.state === 'conflict';
  return (
    <span className={`topbar__status${alarming ? ' count-error' : ''}`} role="status" data-save-state={save.state} title={text}>
      {short ? (
        <>
          <span className="topbar__status-long">{text}</span>
          <span className="topbar__status-short">{short}</span>
        </>
      ) : (
        text
      )}
    </span>
  );
}

export function Banners({ autosave }: { autosave: Autosave | null }) {
  const store = useStore();
  const notice = useEditor((s) => s.notice);
  const save = useEditor((s) => s.save);
  return (
    <div>
      {save.state === 'failed' ? (
        <div className="banner banner--error" role="alert">
          <Icon name="error" />
          <span className="banner__text">{save.message}</span>
          {autosave ? (
            <button type="button" className="btn" onClick={() => void autosave.flush()}>
              Try again
            </button>
          ) : null}
        </div>
      ) : null}
      {save.state === 'conflict' ? (
        <div className="banner banner--warning" role="alert">
          <Icon name="warning" />
          <span className="banner__text">{save.message}</span>
          {autosave ? (
            <>
              <button type="button" className="btn" onClick={() => void autosave.loadOther()}>
                Load the other tab’s version
              </button>
              <button type="button" className="btn" onClick={() => void autosave.keepMine()}>
                Keep this tab’s version
              </button>
            </>
          ) : null}
        </div>
      ) : null}
      {notice ? (
        <div className={`banner banner--${notice.tone}`} role={notice.tone === 'info' ? 'status' : 'alert'}>
          <Icon name={notice.tone === 'info' ? 'help' : 'warning'} />
          <span className="banner__text">{notice.text}</span>
          <button type="button" className="btn" onClick={() => store.setNotice(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
    </div>
  );
}
