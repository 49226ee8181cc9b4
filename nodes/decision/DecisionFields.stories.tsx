import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { DecisionFields } from './DecisionFields.tsx';
import { type DecisionData, decisionModel } from './model.ts';
import { sampleWorkspace } from '../../stories/fixtures.ts';
import { FieldsHarness } from '../../stories/harness.tsx';

const workspace = sampleWorkspace();
const decision: DecisionData = {
  label: 'Opening hours',
  source: 'hours of operation',
  outcomes: [
    { name: 'in hours', condition: 'in hours' },
    { name: 'closed', condition: 'out of hours' },
  ],
};

const meta = {
  title: 'Inspector/Decision fields',
  component: DecisionFields,
  args: { data: decision, onChange: fn(), problems: [], workspace },
  render: (args) => (
    <FieldsHarness Fields={DecisionFields} model={decisionModel} initial={args.data} workspace={args.workspace} onChange={args.onChange} />
  ),
} satisfies Meta<typeof DecisionFields>;

export default meta;
type Story = StoryObj<typeof meta>;

const lastData = (spy: unknown) => (spy as ReturnType<typeof fn>).mock.lastCall?.[0] as DecisionData;

/** Add an outcome, name it, write its condition; move it up; remove one. */
export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Add outcome' }));
    const name = canvas.getByLabelText('Outcome 3 name');
    await expect(name).toHaveValue('outcome 3');
    await userEvent.clear(name);
    await userEvent.type(name, 'holiday');
    await userEvent.type(canvas.getByLabelText('Outcome 3 condition'), 'holiday calendar');
    await expect(lastData(args.onChange).outcomes[2]).toEqual({ name: 'holiday', condition: 'holiday calendar' });
    await userEvent.click(canvas.getByRole('button', { name: 'Move outcome holiday up' }));
    await expect(lastData(args.onChange).outcomes.map((o) => o.name)).toEqual(['in hours', 'holiday', 'closed']);
    await userEvent.click(canvas.getByRole('button', { name: 'Remove outcome in hours' }));
    await expect(lastData(args.onChange).outcomes.map((o) => o.name)).toEqual(['holiday', 'closed']);
    await expect(canvas.getByLabelText('Outcome 1 name')).toHaveValue('holiday');
  },
};

/** A second outcome of one name would be one port: refused beside the name, never handed on. */
export const DuplicateName: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const second = canvas.getByLabelText('Outcome 2 name');
    await userEvent.clear(second);
    await userEvent.type(second, 'in hours');
    await expect(second).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByText('duplicate outcome name "in hours"')).toBeVisible();
    await expect(args.onChange).not.toHaveBeenCalledWith(
      expect.objectContaining({ outcomes: [decision.outcomes[0], expect.objectContaining({ name: 'in hours' })] }),
    );
  },
};

export const WithValidationError: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const first = canvas.getByLabelText('Outcome 1 name');
    await userEvent.clear(first);
    await userEvent.type(first, 'noMatch');
    await expect(first).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByText(/"noMatch" is the port for calls no outcome matches/)).toBeVisible();
    await expect(args.onChange).not.toHaveBeenCalledWith(expect.objectContaining({ outcomes: [expect.objectContaining({ name: 'noMatch' }), decision.outcomes[1]] }));
  },
};

/** An outcome with no condition written: the model's warning sits beside that condition. */
export const MissingCondition: Story = {
  args: { data: { ...decision, outcomes: [decision.outcomes[0]!, { name: 'closed', condition: '' }] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/Outcome "closed" has no condition/)).toBeVisible();
    await expect(canvas.getByLabelText('Outcome 2 condition')).toHaveAccessibleDescription(/Outcome "closed" has no condition/);
  },
};
