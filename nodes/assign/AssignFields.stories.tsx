import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { AssignFields } from './AssignFields.tsx';
import { assignModel } from './model.ts';
import { nodeOfKind, sampleWorkspace } from '../../stories/fixtures.ts';
import { FieldsHarness } from '../../stories/harness.tsx';

const workspace = sampleWorkspace();
const found = nodeOfKind('assign', workspace.flows[0]).data;
const assign = { ...found, target: { type: 'ringGroup' as const, ringGroupId: workspace.ringGroups[0]!.id } };

const meta = {
  title: 'Inspector/Assign fields',
  component: AssignFields,
  args: { data: assign, onChange: fn(), problems: [], workspace },
  render: (args) => (
    <FieldsHarness Fields={AssignFields} model={assignModel} initial={args.data} workspace={args.workspace} onChange={args.onChange} />
  ),
} satisfies Meta<typeof AssignFields>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByLabelText('One agent'));
    const firstAgent = workspace.agents[0]!;
    await expect(args.onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ target: { type: 'agent', agentId: firstAgent.id } }),
    );
    const picker = canvas.getByLabelText('Agent');
    await expect(picker).toHaveDisplayValue(firstAgent.name);
    const other = workspace.agents[1]!;
    await userEvent.selectOptions(picker, other.id);
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.objectContaining({ target: { type: 'agent', agentId: other.id } }));
  },
};

export const WithValidationError: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const ring = canvas.getByLabelText('Ring for');
    await userEvent.clear(ring);
    await expect(ring).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByText('Enter a number.')).toBeVisible();
    await userEvent.type(ring, '2.5');
    await expect(canvas.getByText('must be a whole number of seconds')).toBeVisible();
    await expect(args.onChange).not.toHaveBeenCalledWith(expect.objectContaining({ ringTimeoutSeconds: 2.5 }));
  },
};

/** A ring group removed from the workspace: the picker says so and the node's error sits beside it. */
export const WithUnknownRingGroup: Story = {
  args: { data: { ...assign, target: { type: 'ringGroup', ringGroupId: 'night-shift' } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const picker = canvas.getByLabelText('Ring group');
    await expect(picker).toHaveDisplayValue('Unknown “night-shift”');
    await expect(picker).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByText('No ring group "night-shift" in the workspace.')).toBeVisible();
  },
};
