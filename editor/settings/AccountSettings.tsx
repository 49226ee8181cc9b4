/** R1: the account-wide recording settings every call starts from. */
import { useState } from 'react';
import { TRANSCRIPTION_WARNING } from '../kit/texts.ts';
import { parseWholeNumber, SwitchField, TextField } from '../kit/widgets.tsx';
import type { PanelProps } from './settingsTypes.ts';

export default function AccountSettings({ workspace, onChange }: PanelProps) {
  const account = workspace.account;
  const [monthsDraft, setMonthsDraft] = useState<{ raw: string; error: string } | null>(null);
  const onMonths = (raw: string) => {
    const n = parseWholeNumber(raw);
    if (typeof n === 'string') return setMonthsDraft({ raw, error: n });
    if (!Number.isInteger(n) || n < 1 || n > 120) {
      return setMonthsDraft({ raw, error: 'Keep recordings between 1 and 120 whole months.' });
    }
    setMonthsDraft(null);
    if (n !== account.autoDelete.months) {
      onChange((d) => {
        d.account.autoDelete.months = n;
      }, 'Change retention period');
    }
  };
  return (
    <section className="rf-form rf-settings-panel" aria-labelledby="rf-account-title">
      <h3 id="rf-account-title">Account recording settings</h3>
      <p className="rf-muted">
        Every call starts from these. A phone number can override some of them, and a Recording node in a flow overrides
        both.
      </p>
      <SwitchField
        label="Record inbound calls"
        checked={account.recordInbound}
        hint="Recording starts when the first agent answers, unless a Recording node decides otherwise."
        onToggle={(on) =>
          onChange((d) => {
            d.account.recordInbound = on;
          }, `${on ? 'Record' : 'Stop recording'} inbound calls`)
        }
      />
      <SwitchField
        label="Record outbound calls"
        checked={account.recordOutbound}
        hint="Calls an agent dials; recording starts when the contact answers."
        onToggle={(on) =>
          onChange((d) => {
            d.account.recordOutbound = on;
          }, `${on ? 'Record' : 'Stop recording'} outbound calls`)
        }
      />
      <SwitchField
        label="Keep recording on external transfer"
        checked={account.continueOnExternalTransfer}
        hint="When off, recording stops as soon as the call is handed to an outside number."
        onToggle={(on) =>
          onChange((d) => {
            d.account.continueOnExternalTransfer = on;
          }, `${on ? 'Keep' : 'Stop'} recording on external transfer`)
        }
      />
      <SwitchField
        label="Agents may pause and resume recording"
        checked={account.agentPause}
        hint="Only the agent controlling the call may pause it."
        onToggle={(on) =>
          onChange((d) => {
            d.account.agentPause = on;
          }, `${on ? 'Allow' : 'Forbid'} agent pause`)
        }
      />
      <SwitchField
        label="Dual-channel (stereo) recording"
        checked={account.dualChannel}
        hint="Contact on channel A, agent side on channel B."
        onToggle={(on) =>
          onChange((d) => {
            d.account.dualChannel = on;
          }, `Dual channel ${on ? 'on' : 'off'}`)
        }
      />
      {account.dualChannel ? null : (
        <p className="rf-warning-note" role="status">
          <strong>Transcription off.</strong> {TRANSCRIPTION_WARNING}
        </p>
      )}
      <SwitchField
        label="Delete recordings automatically"
        checked={account.autoDelete.enabled}
        hint={account.autoDelete.enabled ? undefined : 'Recordings are kept until someone deletes them.'}
        onToggle={(on) =>
          onChange((d) => {
            d.account.autoDelete.enabled = on;
          }, `Automatic deletion ${on ? 'on' : 'off'}`)
        }
      />
      {account.autoDelete.enabled ? (
        <TextField
          label="Delete after"
          inputMode="numeric"
          suffix="months"
          value={monthsDraft?.raw ?? String(account.autoDelete.months)}
          error={monthsDraft?.error}
          hint="Counted in calendar months from the end of the call."
          onText={onMonths}
        />
      ) : null}
    </section>
  );
}
