import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { PlayFields } from './PlayFields.tsx';
import { playModel } from './model.ts';
import { nodeOfKind, sampleWorkspace } from '../../stories/fixtures.ts';
import { FieldsHarness } from '../../stories/harness.tsx';

const workspace = sampleWorkspace();

const meta = {
  title: 'Inspector/Play fields',
  component: PlayFields,
  args: { data: nodeOfKind('play', workspace.flows[0]).data, onChange: fn(), problems: [], workspace },
  render: (args) => <FieldsHarness Fields={PlayFields} model={playModel} initial={args.data} workspace={args.workspace} onChange={args.onChange} />,
} satisfies Meta<typeof PlayFields>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const notice = canvas.getByLabelText('This is the recording notice');
    await expect((notice as HTMLInputElement).checked).toBe(args.data.recordingNotice);
    await userEvent.click(notice);
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.objectContaining({ recordingNotice: !args.data.recordingNotice }));
    const message = canvas.getByLabelText('Message');
    await userEvent.clear(message);
    // The model's own check warns about an empty message, beside the field.
    await expect(canvas.getByText('The message has no text.')).toBeVisible();
    await userEvent.type(message, 'Thanks for calling.');
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.objectContaining({ text: 'Thanks for calling.' }));
  },
};

export const WithValidationError: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const duration = canvas.getByLabelText('Duration');
    await userEvent.clear(duration);
    await userEvent.type(duration, '0');
    await expect(duration).toHaveAttribute('aria-invalid', 'true');
    await expect(duration).toHaveValue('0');
    const describedBy = duration.getAttribute('aria-describedby') ?? '';
    await expect(document.getElementById(describedBy)).toHaveTextContent('must be at least 1 second');
    await userEvent.type(duration, 'x');
    await expect(canvas.getByText('Enter digits only, such as 30.')).toBeVisible();
    // Nothing invalid ever reached the document.
    await expect(args.onChange).not.toHaveBeenCalled();
    await userEvent.clear(duration);
    await userEvent.type(duration, '12');
    await expect(duration).not.toHaveAttribute('aria-invalid');
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.objectContaining({ durationSeconds: 12 }));
  },
};
