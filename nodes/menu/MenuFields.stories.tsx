import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { MenuFields } from './MenuFields.tsx';
import { menuModel } from './model.ts';
import { nodeOfKind, sampleWorkspace } from '../../stories/fixtures.ts';
import { FieldsHarness } from '../../stories/harness.tsx';

const workspace = sampleWorkspace();
const menu = nodeOfKind('menu', workspace.flows[0]).data;

const meta = {
  title: 'Inspector/Menu fields',
  component: MenuFields,
  args: { data: menu, onChange: fn(), problems: [], workspace },
  render: (args) => <FieldsHarness Fields={MenuFields} model={menuModel} initial={args.data} workspace={args.workspace} onChange={args.onChange} />,
} satisfies Meta<typeof MenuFields>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const rows = () => canvas.getAllByRole('listitem');
    const before = menu.options.length;
    await expect(rows()).toHaveLength(before);
    await userEvent.click(canvas.getByRole('button', { name: /Add option/ }));
    await expect(rows()).toHaveLength(before + 1);
    const added = rows()[before]!;
    const addedLabel = within(added).getByRole('textbox');
    await userEvent.type(addedLabel, 'Billing');
    const last = (args.onChange as ReturnType<typeof fn>).mock.lastCall?.[0] as typeof menu;
    await expect(last.options).toHaveLength(before + 1);
    await expect(last.options[before]?.label).toBe('Billing');
    // Remove the first option by its accessible name.
    await userEvent.click(canvas.getByRole('button', { name: `Remove option ${menu.options[0]!.digit}` }));
    await expect(rows()).toHaveLength(before);
  },
};

export const WithValidationError: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const timeout = canvas.getByLabelText('Timeout');
    await userEvent.clear(timeout);
    await userEvent.type(timeout, '999');
    await expect(timeout).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByText('must be at most 300 seconds')).toBeVisible();
    await expect(args.onChange).not.toHaveBeenCalledWith(expect.objectContaining({ timeoutSeconds: 999 }));
  },
};

/** Two options on one key: the model's duplicate-digit error shows beside the options. */
export const WithDuplicateKey: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const keys = canvas.getAllByRole('combobox', { name: /^Key of option/ });
    await userEvent.selectOptions(keys[1]!, menu.options[0]!.digit);
    await expect(canvas.getByText(`Key ${menu.options[0]!.digit} is used by more than one option.`)).toBeVisible();
    await expect(keys[1]).toHaveAttribute('aria-invalid', 'true');
  },
};

/** C4: switching the timeout off removes the timeout field and warns. */
export const NoTimeout: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByLabelText('No timeout (wait for a key forever)'));
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.objectContaining({ timeoutSeconds: null }));
    await expect(canvas.queryByLabelText('Timeout')).toBeNull();
    await expect(canvas.getByText(/The menu has no timeout/)).toBeVisible();
  },
};
