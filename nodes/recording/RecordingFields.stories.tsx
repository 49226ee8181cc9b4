import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { RecordingFields } from './RecordingFields.tsx';
import { recordingModel } from './model.ts';
import { nodeOfKind, sampleWorkspace } from '../../stories/fixtures.ts';
import { FieldsHarness } from '../../stories/harness.tsx';

const workspace = sampleWorkspace();
const recording = nodeOfKind('recording', workspace.flows[0]).data;
const monoAccount = { ...workspace, account: { ...workspace.account, dualChannel: false } };
const dualAccount = { ...workspace, account: { ...workspace.account, dualChannel: true } };

const meta = {
  title: 'Inspector/Recording fields',
  component: RecordingFields,
  args: { data: { ...recording, record: 'on', channels: 'default', agentPause: 'default' }, onChange: fn(), problems: [], workspace: dualAccount },
  render: (args) => (
    <FieldsHarness Fields={RecordingFields} model={recordingModel} initial={args.data} workspace={args.workspace} onChange={args.onChange} />
  ),
} satisfies Meta<typeof RecordingFields>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    // R3: "use default" shows the account's value it falls through to.
    await expect(canvas.getByLabelText(/Use default \(dual channel, from the account\)/)).toBeChecked();
    await userEvent.click(canvas.getByLabelText('Stop recording'));
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.objectContaining({ record: 'off' }));
    await expect(canvas.getByText(/only a later Recording node can start it again/)).toBeVisible();
    await userEvent.click(canvas.getByLabelText('Allowed for the controlling agent'));
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.objectContaining({ agentPause: 'enabled' }));
  },
};

/** R18 / C3: choosing mono warns that transcription needs dual channel. */
export const MonoWarning: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByLabelText('Mono: one mixed channel'));
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.objectContaining({ channels: 'mono' }));
    await expect(canvas.getByText(/post-call transcription and speech analytics need dual channel/)).toBeVisible();
  },
};

/** The account records mono, so "use default" means mono and the R18 warning shows. */
export const AccountDefaultMono: Story = {
  args: { workspace: monoAccount },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText(/Use default \(mono, from the account\)/)).toBeChecked();
    await expect(canvas.getByRole('status')).toHaveTextContent('Transcription off.');
  },
};

export const WithValidationError: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const label = canvas.getByLabelText('Label');
    await userEvent.click(label);
    await userEvent.paste('z'.repeat(201));
    await expect(label).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByText('must be at most 200 characters')).toBeVisible();
    await expect(args.onChange).not.toHaveBeenCalled();
  },
};

const connect = { ...workspace, platform: 'amazon-connect' as const, account: { ...workspace.account, recordIvr: false } };
const twilio = { ...workspace, platform: 'twilio-studio' as const };

/** R29/R31/R30: on Amazon Connect the block sets the sides and the IVR part, and neither channels nor pause. */
export const AmazonConnectBlock: Story = {
  args: { workspace: connect },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.queryByRole('group', { name: 'Channels' })).toBeNull();
    await expect(canvas.queryByRole('group', { name: 'Agent pause and resume' })).toBeNull();
    await expect(canvas.getByTestId('platform-block-note')).toHaveTextContent('does not set channels, agent pause');
    await expect(canvas.getByLabelText(/Use default \(both sides, from the account\)/)).toBeChecked();
    await userEvent.click(canvas.getByLabelText('The contact only (channel A)'));
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.objectContaining({ parties: 'contact' }));
    // The account does not record the IVR part: recording waits for the agent (R31), and the hint says so.
    await expect(canvas.getByText(/Recording starts when an agent joins the call/)).toBeVisible();
    await userEvent.click(canvas.getByLabelText('Record from this node, prompts included'));
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.objectContaining({ ivr: 'record' }));
    await expect(canvas.getByText(/Recording starts the moment the call reaches this node/)).toBeVisible();
  },
};

/** A node carried over from Talkdesk still sets agent pause: shown with its warning until it is set back to the default. */
export const ChoiceThePlatformLacks: Story = {
  args: { workspace: twilio, data: { ...recording, record: 'on', channels: 'default', agentPause: 'enabled' } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const pause = canvas.getByRole('group', { name: 'Agent pause and resume' });
    await expect(pause).toHaveTextContent('The Twilio Studio Call Recording widget cannot set whether agents may pause: "enabled" is ignored.');
    await userEvent.click(within(pause).getByLabelText(/Use default/));
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.objectContaining({ agentPause: 'default' }));
    await expect(canvas.queryByRole('group', { name: 'Agent pause and resume' })).toBeNull();
    // Twilio's widget does set mono or dual.
    await expect(canvas.getByRole('group', { name: 'Channels' })).toBeVisible();
  },
};

/** C3/R18/R30: "mono" on a block that cannot set the channels is ignored (Amazon Connect records in stereo): no transcription warning, only the "ignored" one. */
export const MonoThePlatformIgnores: Story = {
  args: { workspace: connect, data: { ...recording, record: 'on', channels: 'mono', agentPause: 'default' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const channels = canvas.getByRole('group', { name: 'Channels' });
    await expect(channels).toHaveTextContent('cannot set the channels: "mono" is ignored.');
    await expect(canvas.queryByText(/post-call transcription and speech analytics need dual channel/)).toBeNull();
    await expect(canvas.queryByText('Transcription off.')).toBeNull();
  },
};
