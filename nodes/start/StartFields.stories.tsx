import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { StartFields } from './StartFields.tsx';
import { startModel } from './model.ts';
import { nodeOfKind, sampleWorkspace } from '../../stories/fixtures.ts';
import { FieldsHarness } from '../../stories/harness.tsx';

const workspace = sampleWorkspace();
const start = nodeOfKind('start', workspace.flows[0]).data;

const meta = {
  title: 'Inspector/Start fields',
  component: StartFields,
  args: { data: start, onChange: fn(), problems: [], workspace },
  render: (args) => (
    <FieldsHarness Fields={StartFields} model={startModel} initial={args.data} workspace={args.workspace} onChange={args.onChange} />
  ),
} satisfies Meta<typeof StartFields>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const boxes = canvas.getAllByRole('checkbox');
    await expect(boxes).toHaveLength(workspace.numbers.length);
    const served = boxes.filter((b) => (b as HTMLInputElement).checked).length;
    await expect(served).toBe(args.data.numberIds.length);
    const first = boxes[0]!;
    const wasChecked = (first as HTMLInputElement).checked;
    await userEvent.click(first);
    const firstId = workspace.numbers[0]!.id;
    await expect(args.onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({
        numberIds: wasChecked ? args.data.numberIds.filter((id) => id !== firstId) : [...args.data.numberIds, firstId],
      }),
    );
  },
};

export const WithValidationError: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const label = canvas.getByLabelText('Label');
    await userEvent.click(label);
    await userEvent.paste('y'.repeat(201));
    await expect(label).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByText('must be at most 200 characters')).toBeVisible();
    await expect(args.onChange).not.toHaveBeenCalled();
  },
};

/** A number the workspace no longer has: the model's check flags it beside the list. */
export const WithUnknownNumber: Story = {
  args: { data: { ...start, numberIds: [...start.numberIds, 'retired-line'] } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('No phone number "retired-line" in the workspace.')).toBeVisible();
    await userEvent.click(canvas.getByLabelText(/Unknown number “retired-line”/));
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.objectContaining({ numberIds: start.numberIds }));
    await expect(canvas.queryByText('No phone number "retired-line" in the workspace.')).toBeNull();
  },
};
