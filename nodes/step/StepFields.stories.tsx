import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { StepFields } from './StepFields.tsx';
import { type StepData, stepModel } from './model.ts';
import { sampleWorkspace } from '../../stories/fixtures.ts';
import { FieldsHarness } from '../../stories/harness.tsx';

const workspace = sampleWorkspace();
const step: StepData = { label: 'Look up the caller', action: 'http', system: 'CRM', seconds: 1 };
const original = { name: 'lookup', type: 'make-http-request', properties: { method: 'GET', url: 'https://crm.example/lookup' } };

const meta = {
  title: 'Inspector/Step fields',
  component: StepFields,
  args: { data: step, onChange: fn(), problems: [], workspace },
  render: (args) => <FieldsHarness Fields={StepFields} model={stepModel} initial={args.data} workspace={args.workspace} onChange={args.onChange} />,
} satisfies Meta<typeof StepFields>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.selectOptions(canvas.getByLabelText('Does'), 'set-variables');
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.objectContaining({ action: 'set-variables' }));
    const takes = canvas.getByLabelText('Takes');
    await userEvent.clear(takes);
    await userEvent.type(takes, '4');
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.objectContaining({ seconds: 4 }));
    // Drawn here, it has no platform configuration to show.
    await expect(canvas.queryByText(/Platform configuration/)).toBeNull();
  },
};

/** An imported step shows the platform's configuration, pretty-printed and folded, and cannot edit it. */
export const ImportedOriginal: Story = {
  args: { data: { ...step, original } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const summary = canvas.getByText('Platform configuration (imported, read-only)');
    const configuration = canvas.getByLabelText('Platform configuration');
    await expect(configuration).not.toBeVisible();
    await userEvent.click(summary);
    await expect(configuration).toBeVisible();
    await expect(configuration).toHaveValue(JSON.stringify(original, null, 2));
    await expect(configuration).toHaveAttribute('readonly');
    await userEvent.type(canvas.getByLabelText('Calls'), ' v2');
    await expect(args.onChange).toHaveBeenLastCalledWith({ ...step, system: 'CRM v2', original });
  },
};

export const WithValidationError: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const takes = canvas.getByLabelText('Takes');
    await userEvent.clear(takes);
    await userEvent.type(takes, '700');
    await expect(takes).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByText('must be at most 600 seconds')).toBeVisible();
    await expect(args.onChange).not.toHaveBeenCalledWith(expect.objectContaining({ seconds: 700 }));
  },
};
