import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { VoicemailFields } from './VoicemailFields.tsx';
import { voicemailModel } from './model.ts';
import { nodeOfKind, sampleWorkspace } from '../../stories/fixtures.ts';
import { FieldsHarness } from '../../stories/harness.tsx';

const workspace = sampleWorkspace();

const meta = {
  title: 'Inspector/Voicemail fields',
  component: VoicemailFields,
  args: { data: nodeOfKind('voicemail', workspace.flows[0]).data, onChange: fn(), problems: [], workspace },
  render: (args) => (
    <FieldsHarness Fields={VoicemailFields} model={voicemailModel} initial={args.data} workspace={args.workspace} onChange={args.onChange} />
  ),
} satisfies Meta<typeof VoicemailFields>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    // R19: the form says the message is its own mono recording.
    await expect(canvas.getByText(/its own voicemail recording \(mono, caller only\)/)).toBeVisible();
    const max = canvas.getByLabelText('Maximum message length');
    await userEvent.clear(max);
    await userEvent.type(max, '90');
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.objectContaining({ maxLengthSeconds: 90 }));
  },
};

export const WithValidationError: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const max = canvas.getByLabelText('Maximum message length');
    await userEvent.clear(max);
    await userEvent.type(max, '601');
    await expect(max).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByText('must be at most 600 seconds')).toBeVisible();
    await expect(args.onChange).not.toHaveBeenCalledWith(expect.objectContaining({ maxLengthSeconds: 601 }));
  },
};
