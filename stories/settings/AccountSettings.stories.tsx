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
