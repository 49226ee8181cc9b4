/**
 * R1: the account-wide recording settings every call starts from, on the
 * platform the workspace models (R30): a setting the platform fixes is shown
 * read-only with the preset's reason; the rest are editable, including the
 * dimensions R29–R31 added (sides on tape, what a pause leaves, the IVR part,
 * the channel of outside parties).
 */
import { type ReactNode, useState } from 'react';
import type { AccountSettings as Account } from '../../runtime/document/workspace.ts';
import { type PresetSettingName, presetOf } from '../../runtime/platforms/presets.ts';
import { TRANSCRIPTION_WARNING } from '../kit/texts.ts';
import { parseWholeNumber, RadioGroupField, SwitchField, TextField } from '../kit/widgets.tsx';
import { FixedSetting } from './FixedSetting.tsx';
import { whyFixed, SETTING_TEXT, settingValueText } from './platform.ts';
import PlatformPicker from './PlatformPicker.tsx';
import type { PanelProps } from './settingsTypes.ts';

type BooleanSetting = { [K in PresetSettingName]: Account[K] extends boolean ? K : never }[PresetSettingName];

/** Switch labels and hints of the on/off settings, and the undo label of each change. */
const SWITCHES: Array<{ name: BooleanSetting; hint: string; undo(on: boolean): string }> = [
  {
    name: 'recordInbound',
    hint: 'Recording starts when the first agent answers, unless a Recording node decides otherwise.',
    undo: (on) => `${on ? 'Record' : 'Stop recording'} inbound calls`,
  },
  { name: 'recordOutbound', hint: 'Calls an agent dials; recording starts when the contact answers.', undo: (on) => `${on ? 'Record' : 'Stop recording'} outbound calls` },
  {
    name: 'continueOnExternalTransfer',
    hint: 'When off, recording stops as soon as the call is handed to an outside number.',
    undo: (on) => `${on ? 'Keep' : 'Stop'} recording on external transfer`,
  },
  { name: 'agentPause', hint: 'Only the agent controlling the call may pause it.', undo: (on) => `${on ? 'Allow' : 'Forbid'} agent pause` },
  { name: 'dualChannel', hint: 'Contact on channel A, agent side on channel B.', undo: (on) => `Dual channel ${on ? 'on' : 'off'}` },
];

export default function AccountSettings({ workspace, onChange }: PanelProps) {
  const account = workspace.account;
  const preset = presetOf(workspace.platform);
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
  const set = <K extends PresetSettingName>(name: K, value: Account[K], label: string) =>
    onChange((d) => {
      d.account[name] = value;
    }, label);
  /** The setting read-only when the platform fixes it (R30), else its control. */
  const setting = (name: PresetSettingName, control: () => ReactNode) =>
    name in preset.fixed ? (
      <FixedSetting
        key={name}
        name={SETTING_TEXT[name].name}
        value={settingValueText(name, account[name])}
        platformName={preset.name}
        reason={whyFixed(preset, name)}
      />
    ) : (
      control()
    );
  const radio = <K extends 'recordedParties' | 'pauseLeaves' | 'outsidePartiesChannel'>(
    name: K,
    choices: Array<{ value: Account[K]; label: string }>,
    hint: string,
  ) =>
    setting(name, () => (
      <RadioGroupField<Account[K]>
        key={name}
        label={SETTING_TEXT[name].name}
        value={account[name]}
        inline={false}
        choices={choices}
        hint={hint}
        onSelect={(v) => set(name, v, `${SETTING_TEXT[name].name}: ${settingValueText(name, v)}`)}
      />
    ));
  const sidesWarning = account.recordedParties !== 'both';
  return (
    <section className="rf-form rf-settings-panel" aria-labelledby="rf-account-title">
      <PlatformPicker workspace={workspace} onChange={onChange} />
      <h3 id="rf-account-title">Account recording settings</h3>
      <p className="rf-muted">
        Every call starts from these.{' '}
        {preset.numberOverrides ? 'A phone number can override some of them, and a Recording node in a flow overrides both.' : 'A Recording node in a flow overrides them.'}{' '}
        {Object.keys(preset.fixed).length > 0 ? `${preset.name} fixes the ones marked as fixed.` : ''}
      </p>
      {SWITCHES.map(({ name, hint, undo }) =>
        setting(name, () => (
          <SwitchField key={name} label={SETTING_TEXT[name].name} checked={account[name]} hint={hint} onToggle={(on) => set(name, on, undo(on))} />
        )),
      )}
      {account.dualChannel ? null : (
        <p className="rf-warning-note" role="status">
          <strong>Transcription off.</strong> {TRANSCRIPTION_WARNING}
        </p>
      )}
      {radio(
        'recordedParties',
        [
          { value: 'both', label: 'Both sides' },
          { value: 'contact', label: 'The contact only (channel A)' },
          { value: 'agent', label: 'The agent side only (channel B)' },
        ],
        'A Recording node can choose otherwise for the rest of the call (R29).',
      )}
      {sidesWarning ? (
        <p className="rf-warning-note" role="status">
          <strong>One side only.</strong> A recording with one side on tape cannot be transcribed as a conversation.
        </p>
      ) : null}
      {radio(
        'pauseLeaves',
        [
          { value: 'gap', label: 'A gap: the paused audio is cut out' },
          { value: 'silence', label: 'Silence: the recording keeps its length' },
        ],
        'What an agent’s pause leaves in the recording (R30).',
      )}
      {setting('recordIvr', () => (
        <SwitchField
          key="recordIvr"
          label={SETTING_TEXT.recordIvr.name}
          checked={account.recordIvr}
          hint={
            account.recordIvr
              ? 'A Recording node before an agent joins records from the moment it runs, prompts included (R31).'
              : 'A Recording node before an agent joins starts recording only when the agent joins (R31).'
          }
          onToggle={(on) => set('recordIvr', on, `${on ? 'Record' : 'Skip'} the IVR part`)}
        />
      ))}
      {radio(
        'outsidePartiesChannel',
        [
          { value: 'agent-side', label: 'On the agent side (channel B)' },
          { value: 'contact-side', label: 'With the contact (channel A)' },
        ],
        'Where an outside number or a conferenced party is heard on a dual-channel recording (R17).',
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
