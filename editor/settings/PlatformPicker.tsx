/**
 * R30: the platform the workspace models. Choosing another one first lists
 * what the switch changes (settings the platform fixes or starts from, number
 * overrides it lacks); confirming makes it one store change, one undo step.
 */
import { useId, useState } from 'react';
import { PLATFORMS, type PlatformId, PRESETS } from '../../runtime/platforms/presets.ts';
import { platformChanges, switchLabel, switchPlatform } from './platform.ts';
import type { PanelProps } from './settingsTypes.ts';

/** What each platform is, in a line under its name. */
const BLURB: Record<PlatformId, string> = {
  talkdesk: 'Recflow’s rules R1–R24 as they are: account, number and Recording node settings.',
  'amazon-connect': 'The flow’s recording block decides; agent on the right channel; a pause leaves silence.',
  'twilio-studio': 'A Call Recording widget starts and stops recording; no per-number settings.',
};

export default function PlatformPicker({ workspace, onChange }: PanelProps) {
  const [pending, setPending] = useState<PlatformId | null>(null);
  const id = useId();
  const shown = pending ?? workspace.platform;
  const changes = pending ? platformChanges(workspace, pending) : [];
  const confirm = () => {
    if (!pending) return;
    onChange(switchPlatform(pending), switchLabel(pending));
    setPending(null);
  };
  return (
    <section
      className="rf-platform"
      aria-labelledby={`${id}-title`}
      onKeyDown={(e) => {
        // Escape leaves the switch unmade, as Keep does.
        if (e.key === 'Escape' && pending) {
          e.stopPropagation();
          setPending(null);
        }
      }}
    >
      <h3 id={`${id}-title`}>Platform</h3>
      <fieldset className="rf-field rf-fieldset">
        <legend className="rf-label">The contact-centre platform this workspace models</legend>
        <div className="rf-radios">
          {PLATFORMS.map((p) => (
            <label key={p} className="rf-radio rf-radio--described">
              <input
                type="radio"
                name={`${id}-platform`}
                value={p}
                checked={shown === p}
                onChange={() => setPending(p === workspace.platform ? null : p)}
              />
              <span>
                <span>
                  {PRESETS[p].name}
                  {p === workspace.platform ? <span className="rf-muted"> (current)</span> : null}
                </span>
                <span className="rf-hint rf-radio__blurb">{BLURB[p]}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {pending ? (
        <div className="rf-confirm" role="group" aria-label={`Switch to ${PRESETS[pending].name}?`}>
          <p>
            <strong>Switch to {PRESETS[pending].name}?</strong>{' '}
            {changes.length === 0 ? 'No setting changes value.' : 'These change (Undo brings them back):'}
          </p>
          {changes.length > 0 ? (
            <ul className="rf-confirm__list" aria-label="What the switch changes">
              {changes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          ) : null}
          <div className="rf-inline">
            <button type="button" className="rf-button" onClick={confirm}>
              Switch to {PRESETS[pending].name}
            </button>
            <button type="button" className="rf-button rf-button--quiet" onClick={() => setPending(null)}>
              Keep {PRESETS[workspace.platform].name}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
