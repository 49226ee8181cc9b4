import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import Inspector from '../../editor/inspector/Inspector.tsx';
import { InspectorHarness } from '../harness.tsx';
import { sampleFlow, sampleWorkspace } from '../fixtures.ts';

const workspace = sampleWorkspace();
const flow = sampleFlow(workspace);

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
