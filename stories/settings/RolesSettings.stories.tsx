import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import RolesSettings from '../../editor/settings/RolesSettings.tsx';
import { sampleWorkspace } from '../fixtures.ts';
import { PanelHarness } from '../harness.tsx';

const workspace = sampleWorkspace();
const role = workspace.roles[0]!;

const meta = {
  title: 'Settings/Roles',
  component: RolesSettings,
  args: { workspace, onChange: fn() },
  render: (args) => <PanelHarness Panel={RolesSettings} workspace={args.workspace} onChange={args.onChange} />,
} satisfies Meta<typeof RolesSettings>;

export default meta;
type Story = StoryObj<typeof meta>;

/** R22: view, listen + scope, download + scope per role. */
export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const card = within(canvas.getByRole('listitem', { name: `Role ${role.name}` }));
    const downloadScope = card.getByLabelText('Download scope');
    if (!role.download.allowed) {
      await expect(downloadScope).toBeDisabled();
      await userEvent.click(card.getByLabelText('May download recordings'));
      await expect(args.onChange).toHaveBeenLastCalledWith(expect.any(Function), `${role.name}: may download`);
    }
    await expect(downloadScope).toBeEnabled();
    await userEvent.selectOptions(downloadScope, 'agent');
    await expect(downloadScope).toHaveDisplayValue('Calls they handled');
    await expect(canvas.getByText(/also needs “view calls”/)).toBeVisible();
  },
};

/** R23: listen/download without view is pointed out. */
export const ViewOffWarns: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const card = within(canvas.getByRole('listitem', { name: `Role ${role.name}` }));
    await userEvent.click(card.getByLabelText('May view calls'));
    await expect(card.getByRole('status')).toHaveTextContent('can neither listen to nor download');
  },
};

export const AddAndRemoveRole: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Add role' }));
    await expect(canvas.getByText('Enter a name for the role.')).toBeVisible();
    await expect(args.onChange).not.toHaveBeenCalled();
    await userEvent.type(canvas.getByLabelText('New role name'), 'Auditor');
    await userEvent.click(canvas.getByRole('button', { name: 'Add role' }));
    const card = within(canvas.getByRole('listitem', { name: 'Role Auditor' }));
    // R22 defaults for a new role.
    await expect(card.getByLabelText('May view calls')).toBeChecked();
    await expect(card.getByLabelText('May listen to recordings')).toBeChecked();
    await expect(card.getByLabelText('May download recordings')).not.toBeChecked();
    // A role agents hold cannot be removed; a fresh one can.
    await expect(canvas.getByRole('button', { name: `Remove ${role.name}` })).toBeDisabled();
    await userEvent.click(card.getByRole('button', { name: 'Remove Auditor' }));
    await expect(canvas.queryByRole('listitem', { name: 'Role Auditor' })).toBeNull();
  },
};
