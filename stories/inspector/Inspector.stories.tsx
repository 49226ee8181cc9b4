import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import Inspector from '../../editor/inspector/Inspector.tsx';
import { InspectorHarness } from '../harness.tsx';
import { getModel } from '../../nodes/index.ts';
import { nodeOfKind, sampleFlow, sampleWorkspace } from '../fixtures.ts';

const workspace = sampleWorkspace();
const flow = sampleFlow(workspace);
const menuId = nodeOfKind('menu', flow).id;
const multi = [nodeOfKind('assign', flow), nodeOfKind('transfer', flow), nodeOfKind('hangup', flow)];

const meta = {
  title: 'Editor/Inspector',
  component: Inspector,
  args: {
    workspace,
    flow,
    selectedNodeIds: [],
    problems: [],
    onChangeNode: fn(),
    onChangeFlow: fn(),
  },
  render: (args) => <InspectorHarness {...args} problemsFromChecks />,
} satisfies Meta<typeof Inspector>;

export default meta;
type Story = StoryObj<typeof meta>;

export const NothingSelected: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const name = canvas.getByLabelText('Flow name');
    await expect(name).toHaveValue(flow.name);
    await userEvent.clear(name);
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByText('The flow needs a name.')).toBeVisible();
    await expect(args.onChangeFlow).not.toHaveBeenCalled();
    await userEvent.type(name, 'Night line');
    await expect(args.onChangeFlow).toHaveBeenLastCalledWith({ name: 'Night line' });
  },
};

export const NodeSelected: Story = {
  args: { selectedNodeIds: [menuId] },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    // The kind's title and description head the form.
    await expect(canvas.getByText('Menu node')).toBeVisible();
    await expect(canvas.getByText('Asks the caller to press a key and branches on it.')).toBeVisible();
    const prompt = canvas.getByLabelText('Prompt');
    await userEvent.clear(prompt);
    await userEvent.type(prompt, 'Press 1.');
    await expect(args.onChangeNode).toHaveBeenLastCalledWith(menuId, expect.objectContaining({ prompt: 'Press 1.' }));
  },
};

export const MultiSelect: Story = {
  args: { selectedNodeIds: multi.map((n) => n.id) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { name: '3 nodes selected' })).toBeVisible();
    for (const n of multi) await expect(canvas.getByText(`1 × ${getModel(n.kind)?.title}`)).toBeVisible();
    await expect(canvas.queryByLabelText('Label')).toBeNull();
  },
};

/** Flow-level problems (here an unconnected port) show at the top; field problems beside their field. */
export const NodeWithProblems: Story = {
  args: (() => {
    const ws = sampleWorkspace();
    const f = ws.flows[0]!;
    const play = nodeOfKind('play', f);
    play.data.text = '';
    f.edges = f.edges.filter((e) => e.source !== play.id);
    return { workspace: ws, flow: f, selectedNodeIds: [play.id] };
  })(),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const message = canvas.getByLabelText('Message');
    const described = document.getElementById(message.getAttribute('aria-describedby') ?? '');
    await expect(described).toHaveTextContent('The message has no text.');
    const nodeProblems = canvas.getByRole('region', { name: 'Node problems' });
    await expect(nodeProblems.textContent).toMatch(/Error|Warning/);
    await userEvent.type(message, 'Calls are recorded.');
    await expect(canvas.queryByText('The message has no text.')).toBeNull();
  },
};
