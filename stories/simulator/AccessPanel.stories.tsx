import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import AccessPanel from '../../editor/simulator/AccessPanel.tsx';
import { startCall } from '../../runtime/call/session.ts';
import { loadExampleWorkspace } from '../../examples/index.ts';
import { conferenceRefusalCall, pauseCall, type SimCall } from './simData.ts';

const from = (c: SimCall) => ({ workspace: c.workspace, result: c.result });

const meta = {
  title: 'Simulator/Access',
  component: AccessPanel,
  args: from(pauseCall()),
  decorators: [
    (Story) => (
      <div style={{ width: 980 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof AccessPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

const cell = (root: HTMLElement, agent: string, action: string) => root.querySelector(`tr[data-agent="${agent}"] td[data-action="${action}"]`) as HTMLElement;

/** R22/R23: Dev handled the call through Billing: the supervisor in Billing may listen, an agent who did not handle it may not. */
export const HandledByBilling: Story = {
  play: async ({ canvasElement }) => {
    await expect(cell(canvasElement, 'ag-maya', 'download')).toHaveTextContent(/^Yes/);
    await expect(cell(canvasElement, 'ag-ana', 'listen')).toHaveTextContent('Yes Ana Lima may listen to it: the call was handled by Billing.');
    await expect(cell(canvasElement, 'ag-dev', 'listen')).toHaveTextContent(/^Yes .*they handled the call/);
    await expect(cell(canvasElement, 'ag-ben', 'listen')).toHaveTextContent('No Ben Okafor may listen to only recordings of calls they handled.');
    await expect(cell(canvasElement, 'ag-dev', 'download')).toHaveTextContent(/^No .*may not download recordings/);
    // A role whose scope depends on who asks says so, agent by agent.
    const agentRole = canvasElement.querySelector('tr[data-role="role-agent"] td[data-action="listen"]') as HTMLElement;
    await expect(within(agentRole).getByText('Depends on who')).toBeVisible();
  },
};

/** R23: a conference makes the invited agent a handler too. */
export const Conference: Story = {
  args: from(conferenceRefusalCall()),
  play: async ({ canvasElement }) => {
    await expect(cell(canvasElement, 'ag-eva', 'listen')).toHaveTextContent(/^Yes/);
    await expect(cell(canvasElement, 'ag-chloe', 'listen')).toHaveTextContent(/^No/);
  },
};

/** R24: before anything is recorded nobody may play it, and the panel says why. */
export const NoRecording: Story = {
  args: (() => {
    const ws = loadExampleWorkspace();
    return { workspace: ws, result: startCall(ws, undefined, { direction: 'inbound', numberId: 'num-support', callerNumber: '+1 555 300 4000' }).result() };
  })(),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText(/This call has no recording yet/)).toBeVisible();
    await expect(cell(canvasElement, 'ag-maya', 'listen')).toHaveTextContent('No This call has no recording.');
  },
};
