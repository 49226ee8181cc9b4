/**
 * Settings → Publishing: the name recorded on each version you publish. It is
 * yours, not the workspace's (see `publisher.ts`).
 */
import { useId } from 'react';
import { usePublisherName } from './publisher.ts';

export default function PublisherSettings() {
  const [name, setName] = usePublisherName();
  const id = useId();
  return (
    <section className="rf-form rf-settings-panel" aria-labelledby="rf-publishing-title">
      <h3 id="rf-publishing-title">Publishing</h3>
      <p className="rf-muted">
        <em>Publish</em> records a numbered version of a flow with a note, the time and the name of whoever published it. The name is kept in this
        browser only and is not part of the workspace.
      </p>
      <div className="rf-field">
        <label className="rf-label" htmlFor={id}>
          Your name
        </label>
        <input
          id={id}
          className="rf-input"
          value={name}
          maxLength={200}
          placeholder="e.g. Ana Admin"
          autoComplete="name"
          onChange={(e) => setName(e.target.value)}
        />
        <p className="rf-hint">Shown in each flow's history next to the versions you publish.</p>
      </div>
    </section>
  );
}
