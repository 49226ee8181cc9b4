import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { FlowFields } from './FlowFields.tsx';
import { type FlowNodeData, flowModel } from './model.ts';
import { sampleWorkspace } from '../../stories/fixtures.ts';
import { FieldsHarness } from '../../stories/harness.tsx';

const workspace = sampleWorkspace();
const [first, second] = workspace.flows;

const meta = {
  title: 'Inspector/Flow fields',
  component: FlowFields,
  args: { data: flowModel.defaults() as FlowNodeData, onChange: fn(), problems: [], workspace },
  render: (args) => <FieldsHarness Fields={FlowFields} model={flowModel} initial={args.data} workspace={args.workspace} onChange={args.onChange} />,
} satisfies Meta<typeof FlowFields>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A fresh node asks for a flow; the picker lists the workspace's flows by name; a module comes back. */
export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const picker = canvas.getByLabelText('Continue in');
    await expect(picker).toHaveDisplayValue('Choose a flow…');
    await expect(canvas.getByText('Choose the flow the call continues in.')).toBeVisible();
    await expect(within(picker).getAllByRole('option').map((o) => o.textContent)).toEqual(['Choose a flow…', ...workspace.flows.map((f) => f.name)]);
    await userEvent.selectOptions(picker, second!.id);
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.objectContaining({ flowId: second!.id, returns: false }));
    await expect(canvas.queryByText('Choose the flow the call continues in.')).toBeNull();
    await userEvent.click(canvas.getByLabelText('Comes back when that flow ends (a module)'));
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.objectContaining({ flowId: second!.id, returns: true }));
  },
};

/** A flow deleted from the workspace: the picker says so and the node's error sits beside it. */
export const WithUnknownFlow: Story = {
  args: { data: { label: 'Old hand-over', flowId: 'retired-line', returns: false } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const picker = canvas.getByLabelText('Continue in');
    await expect(picker).toHaveDisplayValue('Unknown “retired-line”');
    await expect(picker).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByText('No flow "retired-line" in the workspace.')).toBeVisible();
    await userEvent.selectOptions(picker, first!.id);
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.objectContaining({ flowId: first!.id }));
  },
};
