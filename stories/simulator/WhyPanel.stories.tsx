import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import WhyPanel from '../../editor/simulator/WhyPanel.tsx';
import { contactOnlyCall, exampleCall, monoCall, pauseCall, type SimCall, supportCall } from './simData.ts';

const from = (c: SimCall) => ({ settings: c.settings, workspace: c.workspace, flow: c.flow, onSelectNode: fn(), markers: c.result.timeline.markers });

const meta = {
  title: 'Simulator/Why',
  component: WhyPanel,
  args: from(pauseCall()),
  decorators: [
    (Story) => (
      <div style={{ width: 820 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof WhyPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

const row = (root: HTMLElement, key: string) => root.querySelector(`tr[data-setting="${key}"]`) as HTMLElement;

/** R3: on the payments line the Recording node wins for record and pause; clicking it selects the node. */
export const FromRecordingNode: Story = {
  play: async ({ canvasElement, args }) => {
    await expect(row(canvasElement, 'record')).toHaveAttribute('data-source', 'node');
    await expect(row(canvasElement, 'agentPause')).toHaveTextContent('allowed');
    await expect(row(canvasElement, 'agentPause')).toHaveAttribute('data-source', 'node');
    await expect(row(canvasElement, 'continueOnExternalTransfer')).toHaveTextContent('offaccount setting');
    await userEvent.click(within(row(canvasElement, 'record')).getByRole('button', { name: 'Recording node Record call (Recording)' }));
    await expect(args.onSelectNode).toHaveBeenCalledWith('record');
  },
};

/** R3 (3): with no Recording node run and no override, every value is the account's. */
export const FromAccount: Story = {
  args: from(monoCall()),
  play: async ({ canvasElement }) => {
    for (const key of ['record', 'channels', 'agentPause', 'continueOnExternalTransfer', 'retention']) {
      await expect(row(canvasElement, key)).toHaveAttribute('data-source', 'account');
    }
    await expect(row(canvasElement, 'channels')).toHaveTextContent('mono');
    await expect(row(canvasElement, 'retention')).toHaveTextContent('after 6 months');
  },
};

/** R3: the support line's Recording node sets dual channel; pause falls through to the account (off). */
export const Mixed: Story = {
  args: from(supportCall()),
  play: async ({ canvasElement }) => {
    await expect(row(canvasElement, 'channels')).toHaveAttribute('data-source', 'node');
    await expect(row(canvasElement, 'agentPause')).toHaveAttribute('data-source', 'account');
    await expect(row(canvasElement, 'agentPause')).toHaveTextContent('not allowed');
  },
};

/** Example scenario payments-card: three Recording nodes ran (on, off before the card capture, on again); the latest wins (R3). */
export const CardPaymentExample: Story = {
  args: from(exampleCall('payments-card')),
  play: async ({ canvasElement, args }) => {
    const runs = within(canvasElement).getByRole('list', { name: 'Recording nodes this call ran' });
    await expect(within(runs).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '4 s Record call (Recording): Recording node: record on',
      '9 s Stop before card details (Recording): Recording node: record off',
      '54 s Record again after card (Recording): Recording node: record on',
    ]);
    await expect(row(canvasElement, 'record')).toHaveTextContent('Recording node Record again after card (Recording)');
    // Agent pause was enabled by the first node and is not reset by the later ones ("use default").
    await expect(row(canvasElement, 'agentPause')).toHaveTextContent('Recording node Record call (Recording)');
    await userEvent.click(within(runs).getByRole('button', { name: 'Stop before card details (Recording)' }));
    await expect(args.onSelectNode).toHaveBeenCalledWith('pause');
  },
};

/** R29–R31: the new settings have rows; on Talkdesk the platform fixes them, with the reason. */
export const NewSettingsOnTalkdesk: Story = {
  args: from(supportCall()),
  play: async ({ canvasElement }) => {
    for (const key of ['recordedParties', 'pauseLeaves', 'recordIvr', 'outsidePartiesChannel']) {
      await expect(row(canvasElement, key)).toHaveAttribute('data-source', 'platform');
      await expect(row(canvasElement, key)).toHaveTextContent('fixed by Talkdesk');
    }
    await expect(row(canvasElement, 'pauseLeaves')).toHaveTextContent('On Talkdesk the paused audio is left out of the recording (R11).');
  },
};

/** R30: on Amazon Connect the platform fixes whether the call records at all; the Recording node's sides win over the account (R29, R3). */
export const FixedByAmazonConnect: Story = {
  args: from(contactOnlyCall()),
  play: async ({ canvasElement, args }) => {
    await expect(row(canvasElement, 'channels')).toHaveTextContent('dual (stereo)fixed by Amazon Connect Amazon Connect records in stereo.');
    await expect(row(canvasElement, 'recordIvr')).toHaveTextContent('no, from when an agent joins');
    await expect(row(canvasElement, 'recordIvr')).toHaveAttribute('data-source', 'platform');
    await expect(row(canvasElement, 'recordedParties')).toHaveAttribute('data-source', 'node');
    await expect(row(canvasElement, 'recordedParties')).toHaveTextContent('the contact only');
    await userEvent.click(within(row(canvasElement, 'recordedParties')).getByRole('button', { name: /Record the claim/ }));
    await expect(args.onSelectNode).toHaveBeenCalledWith('record');
    await expect(canvasElement).toHaveTextContent('R30: a setting Amazon Connect fixes comes from the platform');
  },
};
