import type { Meta, StoryObj } from '@storybook/react-vite';
import { produce } from 'immer';
import { expect, fn, userEvent, within } from 'storybook/test';
import AccountSettings from '../../editor/settings/AccountSettings.tsx';
import type { WorkspaceDoc } from '../../runtime/document/workspace.ts';
import { sampleWorkspace } from '../fixtures.ts';
import { PanelHarness } from '../harness.tsx';

const sample = sampleWorkspace();
// The stories below start from dual channel on and automatic deletion on, whatever the sample says.
const workspace: WorkspaceDoc = { ...sample, account: { ...sample.account, dualChannel: true, autoDelete: { enabled: true, months: 6 } } };

const meta = {
  title: 'Settings/Account recording',
  component: AccountSettings,
  args: { workspace, onChange: fn() },
  render: (args) => <PanelHarness Panel={AccountSettings} workspace={args.workspace} onChange={args.onChange} />,
} satisfies Meta<typeof AccountSettings>;

export default meta;
type Story = StoryObj<typeof meta>;

/** R1: the defaults as switches. */
export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const a = workspace.account;
    await expect((canvas.getByRole('switch', { name: 'Record inbound calls' }) as HTMLInputElement).checked).toBe(a.recordInbound);
    await expect((canvas.getByRole('switch', { name: 'Agents may pause and resume recording' }) as HTMLInputElement).checked).toBe(
      a.agentPause,
    );
    await userEvent.click(canvas.getByRole('switch', { name: 'Keep recording on external transfer' }));
    const expected = a.continueOnExternalTransfer ? 'Stop recording on external transfer' : 'Keep recording on external transfer';
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.any(Function), expected);
    const recipe = (args.onChange as ReturnType<typeof fn>).mock.lastCall?.[0] as (d: WorkspaceDoc) => void;
    await expect(produce(workspace, recipe).account.continueOnExternalTransfer).toBe(!a.continueOnExternalTransfer);
  },
};

/** R18: switching dual channel off warns that transcription needs it. */
export const DualChannelOff: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.queryByRole('status')).toBeNull();
    await userEvent.click(canvas.getByRole('switch', { name: 'Dual-channel (stereo) recording' }));
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.any(Function), 'Dual channel off');
    await expect(canvas.getByRole('status')).toHaveTextContent(/transcription and speech analytics cannot use them/);
  },
};

/** R20: retention in months, validated as typed; switching deletion off hides it. */
export const RetentionValidation: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const months = canvas.getByLabelText('Delete after');
    await userEvent.clear(months);
    await userEvent.type(months, '0');
    await expect(months).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByText('Keep recordings between 1 and 120 whole months.')).toBeVisible();
    await expect(args.onChange).not.toHaveBeenCalled();
    await userEvent.clear(months);
    await userEvent.type(months, '12');
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.any(Function), 'Change retention period');
    await userEvent.click(canvas.getByRole('switch', { name: 'Delete recordings automatically' }));
    await expect(canvas.queryByLabelText('Delete after')).toBeNull();
    await expect(canvas.getByText('Recordings are kept until someone deletes them.')).toBeVisible();
  },
};

/** R30: choosing Amazon Connect lists what changes first; confirming is one change; fixed settings turn read-only with their reason. */
export const SwitchToAmazonConnect: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText(/^Talkdesk/)).toBeChecked();
    await expect(canvas.getByRole('group', { name: 'A pause leaves' })).toHaveAttribute('data-fixed', 'true');
    await userEvent.click(canvas.getByLabelText(/^Amazon Connect/));
    const confirm = within(canvas.getByRole('group', { name: 'Switch to Amazon Connect?' }));
    await expect(confirm.getByRole('list', { name: 'What the switch changes' })).toHaveTextContent('Record inbound calls: on → off (fixed by Amazon Connect).');
    await expect(args.onChange).not.toHaveBeenCalled();
    await userEvent.click(confirm.getByRole('button', { name: 'Switch to Amazon Connect' }));
    await expect(args.onChange).toHaveBeenCalledTimes(1);
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.any(Function), 'Model Amazon Connect');
    await expect(canvas.queryByRole('group', { name: 'Switch to Amazon Connect?' })).toBeNull();
    // Fixed now: shown read-only with the preset's reason, no switch to flip.
    const inbound = canvas.getByRole('group', { name: 'Record inbound calls' });
    await expect(inbound).toHaveTextContent('fixed by Amazon Connect');
    await expect(inbound).toHaveTextContent('records a contact only when a flow sets its recording behaviour');
    await expect(canvas.queryByRole('switch', { name: 'Record inbound calls' })).toBeNull();
    // Still the admin's on Amazon Connect: agent pause and retention.
    await expect(canvas.getByRole('switch', { name: 'Agents may pause and resume recording' })).toBeEnabled();
  },
};

/** Escape or Keep leaves the platform as it was; nothing is changed. */
export const SwitchCancelled: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByLabelText(/^Twilio Studio/));
    await expect(canvas.getByRole('group', { name: 'Switch to Twilio Studio?' })).toHaveTextContent("Dual-channel (stereo) recording: dual channel → mono (Twilio Studio's starting value).");
    await userEvent.keyboard('{Escape}');
    await expect(canvas.queryByRole('group', { name: 'Switch to Twilio Studio?' })).toBeNull();
    await expect(canvas.getByLabelText(/^Talkdesk/)).toBeChecked();
    await userEvent.click(canvas.getByLabelText(/^Amazon Connect/));
    await userEvent.click(canvas.getByRole('button', { name: 'Keep Talkdesk' }));
    await expect(canvas.getByLabelText(/^Talkdesk/)).toBeChecked();
    await expect(args.onChange).not.toHaveBeenCalled();
  },
};

/** R29–R31 on a platform that offers them (Twilio Studio: what a pause leaves): editable, each change one labelled step. */
export const NewDimensionsEditable: Story = {
  args: { workspace: { ...workspace, platform: 'twilio-studio', account: { ...workspace.account, recordInbound: false, recordOutbound: false, continueOnExternalTransfer: true, agentPause: true, recordedParties: 'both', recordIvr: true, outsidePartiesChannel: 'agent-side' } } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const pause = within(canvas.getByRole('group', { name: 'A pause leaves' }));
    await userEvent.click(pause.getByLabelText('Silence: the recording keeps its length'));
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.any(Function), 'A pause leaves: silence (the recording keeps its length)');
    const recipe = (args.onChange as ReturnType<typeof fn>).mock.lastCall?.[0] as (d: WorkspaceDoc) => void;
    await expect(produce(args.workspace, recipe).account.pauseLeaves).toBe('silence');
    // Twilio fixes the sides, the IVR part and the outside parties' channel.
    await expect(canvas.getByRole('group', { name: 'Sides on tape' })).toHaveTextContent('A Twilio call recording records the whole call.');
    await expect(canvas.getByRole('group', { name: 'Record the IVR part' })).toHaveAttribute('data-fixed', 'true');
  },
};
