import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import NumbersSettings from '../../editor/settings/NumbersSettings.tsx';
import { onPlatform } from '../../editor/settings/platform.ts';
import { sampleWorkspace } from '../fixtures.ts';
import { PanelHarness } from '../harness.tsx';

const workspace = sampleWorkspace();
const plain = workspace.numbers.find((n) => !n.override.enabled)!;

const meta = {
  title: 'Settings/Phone numbers',
  component: NumbersSettings,
  args: { workspace, onChange: fn() },
  render: (args) => <PanelHarness Panel={NumbersSettings} workspace={args.workspace} onChange={args.onChange} />,
} satisfies Meta<typeof NumbersSettings>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getAllByRole('switch', { name: 'Override account settings' })).toHaveLength(workspace.numbers.length);
    const card = canvas.getByRole('listitem', { name: plain.label || plain.number });
    const flow = within(card).getByLabelText('Inbound calls run');
    await userEvent.selectOptions(flow, '__none__');
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.any(Function), `Choose the flow of ${plain.label || plain.number}`);
    await expect(flow).toHaveDisplayValue('No flow: calls go straight to agents');
  },
};

/** R2: the override switch reveals the tri-state fields, each showing the account value it inherits. */
export const OverrideRevealsTriStates: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const card = within(canvas.getByRole('listitem', { name: plain.label || plain.number }));
    await expect(card.queryByRole('group', { name: 'Record inbound calls' })).toBeNull();
    await userEvent.click(card.getByRole('switch', { name: 'Override account settings' }));
    const inbound = card.getByRole('group', { name: 'Record inbound calls' });
    await expect(within(inbound).getByLabelText(`Inherit (account: ${workspace.account.recordInbound ? 'on' : 'off'})`)).toBeChecked();
    await expect(card.getByRole('group', { name: 'Agents may pause recording' })).toBeVisible();
    await userEvent.click(within(inbound).getByLabelText('Off'));
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.any(Function), `Record inbound calls: disabled on ${plain.label || plain.number}`);
    await expect(within(inbound).getByLabelText('Off')).toBeChecked();
  },
};

export const AddNumberWithValidation: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByLabelText('New number');
    await userEvent.type(input, 'not a number');
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByText(/must be a phone number such as \+15550100/)).toBeVisible();
    await userEvent.clear(input);
    // The same number written differently is still a duplicate.
    await userEvent.type(input, workspace.numbers[0]!.number.replace(/ /g, ''));
    await expect(canvas.getByText(/already has this number/)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Add number' }));
    await expect(args.onChange).not.toHaveBeenCalled();
    await userEvent.clear(input);
    await userEvent.type(input, '+1 555 010 0300');
    await userEvent.type(canvas.getByLabelText('New number label'), 'Billing');
    await userEvent.click(canvas.getByRole('button', { name: 'Add number' }));
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.any(Function), 'Add number Billing');
    await expect(canvas.getByRole('listitem', { name: 'Billing' })).toBeVisible();
  },
};

export const EditNumberInline: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const card = within(canvas.getByRole('listitem', { name: plain.label || plain.number }));
    const number = card.getByLabelText('Number');
    await userEvent.clear(number);
    await expect(number).toHaveAttribute('aria-invalid', 'true');
    await expect(args.onChange).not.toHaveBeenCalled();
    await userEvent.type(number, '+15550109999');
    await expect(number).not.toHaveAttribute('aria-invalid');
    await expect(args.onChange).toHaveBeenCalled();
  },
};

/** R30: Amazon Connect has no per-number recording settings: each number says so instead of offering an override. */
export const NoOverridesOnAmazonConnect: Story = {
  args: { workspace: onPlatform(workspace, 'amazon-connect') },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.queryByRole('switch', { name: 'Override account settings' })).toBeNull();
    await expect(canvas.getAllByRole('group', { name: 'Override account settings' })).toHaveLength(workspace.numbers.length);
    await expect(canvas.getAllByText('Amazon Connect has no per-number recording settings: the flow decides.')).toHaveLength(workspace.numbers.length);
    await expect(canvas.getByText(/Amazon Connect has no per-number recording settings: each number runs its flow/)).toBeVisible();
  },
};
