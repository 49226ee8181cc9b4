import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { HangupFields } from './HangupFields.tsx';
import { hangupModel } from './model.ts';
import { nodeOfKind, sampleWorkspace } from '../../stories/fixtures.ts';
import { FieldsHarness } from '../../stories/harness.tsx';

const workspace = sampleWorkspace();

const meta = {
  title: 'Inspector/Hang up fields',
  component: HangupFields,
  args: { data: nodeOfKind('hangup', workspace.flows[0]).data, onChange: fn(), problems: [], workspace },
  render: (args) => (
    <FieldsHarness Fields={HangupFields} model={hangupModel} initial={args.data} workspace={args.workspace} onChange={args.onChange} />
  ),
} satisfies Meta<typeof HangupFields>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const label = canvas.getByLabelText('Label');
    await expect(label).toHaveValue(args.data.label);
    await userEvent.clear(label);
    await userEvent.type(label, 'End call');
    await expect(args.onChange).toHaveBeenLastCalledWith({ label: 'End call' });
  },
};

export const WithValidationError: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const label = canvas.getByLabelText('Label');
    await userEvent.click(label);
    await userEvent.paste('x'.repeat(200));
    await expect(label).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByText('must be at most 200 characters')).toBeVisible();
    // The refused text stays in the box so it can be fixed, but was never saved.
    await expect((label as HTMLInputElement).value.length).toBeGreaterThan(200);
    await expect(args.onChange).not.toHaveBeenCalled();
  },
};
