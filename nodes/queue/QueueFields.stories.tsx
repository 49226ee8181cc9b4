import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { QueueFields } from './QueueFields.tsx';
import { type QueueData, queueModel } from './model.ts';
import { sampleWorkspace } from '../../stories/fixtures.ts';
import { FieldsHarness } from '../../stories/harness.tsx';

const workspace = sampleWorkspace();
const group = workspace.ringGroups[0]!;
const queue: QueueData = { ...queueModel.defaults(), label: 'Claims queue', target: { type: 'ringGroup', ringGroupId: group.id } };

const meta = {
  title: 'Inspector/Queue fields',
  component: QueueFields,
  args: { data: queue, onChange: fn(), problems: [], workspace },
  render: (args) => (
    <FieldsHarness Fields={QueueFields} model={queueModel} initial={args.data} workspace={args.workspace} onChange={args.onChange} />
  ),
} satisfies Meta<typeof QueueFields>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Switching to agents starts from the first one; ticking another adds them to the queue. */
export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText('Ring group')).toHaveDisplayValue(new RegExp(group.name));
    await userEvent.click(canvas.getByLabelText('Some agents'));
    const [first, second] = workspace.agents;
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.objectContaining({ target: { type: 'agents', agentIds: [first!.id] } }));
    await userEvent.click(canvas.getByLabelText(second!.name));
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.objectContaining({ target: { type: 'agents', agentIds: [first!.id, second!.id] } }));
    const name = canvas.getByLabelText('Queue on the platform');
    await userEvent.type(name, 'ClaimsQ');
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.objectContaining({ queueName: 'ClaimsQ' }));
  },
};

/** The last agent cannot be taken off: a queue needs someone to serve it. */
export const LastAgentStays: Story = {
  args: { data: { ...queue, target: { type: 'agents', agentIds: [workspace.agents[0]!.id] } } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const only = canvas.getByLabelText(workspace.agents[0]!.name);
    await userEvent.click(only);
    await expect(canvas.getByText('must name at least one agent')).toBeVisible();
    await expect(only).toBeChecked();
    await expect(args.onChange).not.toHaveBeenCalled();
  },
};

export const WithValidationError: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const wait = canvas.getByLabelText('Wait at most');
    await userEvent.clear(wait);
    await userEvent.type(wait, '90000');
    await expect(wait).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByText('must be at most 86400 seconds')).toBeVisible();
    await expect(args.onChange).not.toHaveBeenCalledWith(expect.objectContaining({ maxWaitSeconds: 90000 }));
  },
};

/** A ring group removed from the workspace: the picker says so and the node's error sits beside it. */
export const WithUnknownRingGroup: Story = {
  args: { data: { ...queue, target: { type: 'ringGroup', ringGroupId: 'night-shift' } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const picker = canvas.getByLabelText('Ring group');
    await expect(picker).toHaveDisplayValue('Unknown “night-shift”');
    await expect(canvas.getByText('No ring group "night-shift" in the workspace.')).toBeVisible();
  },
};
