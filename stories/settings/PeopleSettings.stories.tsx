import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import PeopleSettings from '../../editor/settings/PeopleSettings.tsx';
import { sampleWorkspace } from '../fixtures.ts';
import { PanelHarness } from '../harness.tsx';

const workspace = sampleWorkspace();
const agent = workspace.agents[0]!;
const group = workspace.ringGroups[0]!;

const meta = {
  title: 'Settings/Agents and ring groups',
  component: PeopleSettings,
  args: { workspace, onChange: fn() },
  render: (args) => <PanelHarness Panel={PeopleSettings} workspace={args.workspace} onChange={args.onChange} />,
} satisfies Meta<typeof PeopleSettings>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getAllByRole('row')).toHaveLength(workspace.agents.length + 1);
    await userEvent.type(canvas.getByLabelText('New agent name'), 'Emil Novak');
    await userEvent.click(canvas.getByRole('button', { name: 'Add agent' }));
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.any(Function), 'Add agent Emil Novak');
    await expect(canvas.getByLabelText('Name of Emil Novak')).toHaveValue('Emil Novak');
    // Ring group membership.
    const card = within(canvas.getByRole('listitem', { name: `Ring group ${group.name}` }));
    const box = card.getByLabelText('Emil Novak');
    await expect(box).not.toBeChecked();
    await userEvent.click(box);
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.any(Function), `Add Emil Novak to ${group.name}`);
    await expect(box).toBeChecked();
  },
};

export const WithValidationError: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const name = canvas.getByLabelText(`Name of ${agent.name}`);
    await userEvent.clear(name);
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByText('Enter a name for the agent.')).toBeVisible();
    await expect(args.onChange).not.toHaveBeenCalled();
    await userEvent.click(canvas.getByRole('button', { name: 'Add ring group' }));
    await expect(canvas.getByText('Enter a name for the ring group.')).toBeVisible();
    await expect(args.onChange).not.toHaveBeenCalled();
  },
};

export const RemoveAgent: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: `Remove agent ${agent.name}` }));
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.any(Function), `Remove agent ${agent.name}`);
    await expect(canvas.queryByLabelText(`Name of ${agent.name}`)).toBeNull();
    // Gone from every ring group too.
    await expect(canvas.queryByRole('checkbox', { name: agent.name })).toBeNull();
  },
};
