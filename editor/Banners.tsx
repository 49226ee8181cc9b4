/**
 * What the editor says about the saving of the work and the workspace as a whole:
 * the top bar's save status, and the banners under the top bar (a failed save
 * with its retry, a notice from restoring the workspace).
 */
import type { Autosave } from './store/persistence.ts';
import { useEditor, useStore } from './store/react.tsx';
import { Icon } from './ui/icons.tsx';

export function SaveStatus() {
  const save = useEditor((s) => s.save);
  const text =
    save.state === 'pending' ? 'Unsaved changes…' : save.state === 'saving' ? 'Saving…' : save.state === 'saved' ? 'All changes saved' : save.state === 'failed' ? 'Not saved' : 'Saved in this browser';
  return (
    <span className={`topbar__status${save.state === 'failed' ? ' count-error' : ''}`} role="status" data-save-state={save.state}>
      {text}
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
