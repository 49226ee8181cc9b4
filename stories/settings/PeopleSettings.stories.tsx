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

/** R22–R24: a new agent starts with the role that reaches the fewest recordings (Agent in the sample, not the first-listed Admin). */
export const NewAgentGetsLeastAccess: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const form = within(canvas.getByRole('form', { name: 'Add an agent' }));
    await expect(form.getByLabelText('Role')).toHaveDisplayValue('Agent');
    await userEvent.type(form.getByLabelText('New agent name'), 'Fay Ito');
    await userEvent.click(form.getByRole('button', { name: 'Add agent' }));
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.any(Function), 'Add agent Fay Ito');
    await expect(canvas.getByLabelText('Role of Fay Ito')).toHaveDisplayValue('Agent');
  },
};

/** Two agents with one name are warned about, new or renamed, and still allowed (people do share names). */
export const SameNameWarned: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const [first, second] = [workspace.agents[0]!, workspace.agents[1]!];
    const form = within(canvas.getByRole('form', { name: 'Add an agent' }));
    await userEvent.type(form.getByLabelText('New agent name'), first.name.toUpperCase());
    await expect(form.getByText(`Another agent is already called “${first.name}”`, { exact: false })).toBeVisible();
    await userEvent.clear(form.getByLabelText('New agent name'));
    await expect(form.queryByText(/Another agent is already called/)).toBeNull();
    // Renaming one agent to another's name: warned on both rows, and the rename is kept.
    const name = canvas.getByLabelText(`Name of ${second.name}`);
    await userEvent.clear(name);
    await userEvent.type(name, first.name);
    await expect(args.onChange).toHaveBeenLastCalledWith(expect.any(Function), 'Rename agent');
    await expect(canvas.getAllByText(`Another agent is already called “${first.name}”`, { exact: false })).toHaveLength(2);
  },
};
