import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { TransferFields } from './TransferFields.tsx';
import { transferModel } from './model.ts';
import { nodeOfKind, sampleWorkspace } from '../../stories/fixtures.ts';
import { FieldsHarness } from '../../stories/harness.tsx';

const workspace = sampleWorkspace();
const transfer = nodeOfKind('transfer', workspace.flows[0]).data;
const external = { ...transfer, target: { type: 'external' as const, number: '+1 555 020 0200' } };

const meta = {
  title: 'Inspector/Transfer fields',
  component: TransferFields,
  // R14's note depends on the account; pin it so the story reads the same with any sample data.
  args: { data: external, onChange: fn(), problems: [], workspace: { ...workspace, account: { ...workspace.account, continueOnExternalTransfer: true } } },
  render: (args) => (
    <FieldsHarness Fields={TransferFields} model={transferModel} initial={args.data} workspace={args.workspace} onChange={args.onChange} />
  ),
} satisfies Meta<typeof TransferFields>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText('Outside number')).toHaveValue('+1 555 020 0200');
    // R14: what happens to the recording on an external transfer.
    await expect(canvas.getByText(/recording continues through the outside portion/)).toBeVisible();
    await userEvent.selectOptions(canvas.getByLabelText('Transfer to'), 'extension');
    await expect(args.onChange).not.toHaveBeenCalled();
    await userEvent.selectOptions(canvas.getByLabelText('Extension on'), 'teams');
    await userEvent.type(canvas.getByLabelText('Extension'), 'sam@example.com');
    await expect(args.onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ target: { type: 'extension', extension: 'sam@example.com', system: 'teams' } }),
    );
    // R13: internal transfers keep recording.
    await expect(canvas.getByText('Internal transfer: recording carries on unchanged.')).toBeVisible();
  },
};

export const WithValidationError: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const number = canvas.getByLabelText('Outside number');
    await userEvent.clear(number);
    await userEvent.type(number, 'call me');
    await expect(number).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByText('must be a phone number such as +15550100')).toBeVisible();
    await expect(args.onChange).not.toHaveBeenCalled();
  },
};

export const ToRingGroup: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.selectOptions(canvas.getByLabelText('Transfer to'), 'ringGroup');
    const group = workspace.ringGroups[0]!;
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.objectContaining({ target: { type: 'ringGroup', ringGroupId: group.id } }));
    await expect(canvas.getByLabelText('Ring group')).toHaveDisplayValue(new RegExp(group.name));
  },
};

/** With continue-on-external-transfer off, the form warns that recording stops (R14). */
export const ExternalStopsRecording: Story = {
  args: { workspace: { ...workspace, account: { ...workspace.account, continueOnExternalTransfer: false } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/recording stops when the call leaves for the outside number/)).toBeVisible();
  },
};
