import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import StartForm from '../../editor/simulator/StartForm.tsx';
import { sampleWorkspace } from '../fixtures.ts';

const ws = sampleWorkspace();
const support = ws.numbers.find((n) => n.flowId === ws.flows[0]!.id)!;
const overridden = ws.numbers.find((n) => n.override.enabled)!;
const direct = ws.numbers.find((n) => n.flowId === null)!;
const otherFlow = ws.flows.find((f) => f.id !== support.flowId)!;

// The stories' clock: the form starts a call now, to the minute.
const NOW = '2026-12-02T05:10:42.000Z';
const startedAt = '2026-12-02T05:10:00.000Z';

const meta = {
  title: 'Simulator/Start form',
  component: StartForm,
  args: { workspace: ws, currentFlowId: otherFlow.id, onStart: fn(), now: () => new Date(NOW) },
  decorators: [
    (Story) => (
      <div className="sim-panel" style={{ width: 360 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof StartForm>;

export default meta;
type Story = StoryObj<typeof meta>;

const form = (root: HTMLElement) => within(within(root).getByRole('form', { name: 'Start a call' }));

/** R4: an inbound call to a number runs that number's flow; the form says which, and starts with the caller's number. */
export const Inbound: Story = {
  play: async ({ canvasElement, args }) => {
    const f = form(canvasElement);
    await expect(f.getByRole('radio', { name: 'Inbound' })).toBeChecked();
    await expect(f.getByRole('combobox', { name: 'Number dialled' })).toHaveValue(support.id);
    // R2: a number that overrides the account's settings says so in the list.
    const options = f.getAllByRole('option').map((o) => o.textContent ?? '');
    await expect(options.filter((o) => o.endsWith(' (overrides)'))).toEqual([`${overridden.label} ${overridden.number} (overrides)`]);
    await expect(f.getByText(`This number runs “${ws.flows[0]!.name}”.`)).toBeVisible();
    const phone = f.getByRole('textbox', { name: 'Caller number' });
    await userEvent.clear(phone);
    await userEvent.type(phone, '+1 555 300 4000');
    await userEvent.click(f.getByRole('button', { name: 'Start call' }));
    await expect(args.onStart).toHaveBeenCalledWith({ direction: 'inbound', numberId: support.id, callerNumber: '+1 555 300 4000', startedAt }, { kind: 'number' });
  },
};

/** R4 / R7: a number without a flow rings every agent; the flow on screen can be run instead of the number's. */
export const InboundFlowChoice: Story = {
  play: async ({ canvasElement, args }) => {
    const f = form(canvasElement);
    await userEvent.selectOptions(f.getByRole('combobox', { name: 'Number dialled' }), direct.id);
    await expect(f.getByText('This number runs no flow: the call rings every agent (R7).')).toBeVisible();
    await userEvent.click(f.getByRole('checkbox', { name: new RegExp(`Run the flow on screen \\(“${otherFlow.name}”\\) instead`) }));
    await userEvent.click(f.getByRole('button', { name: 'Start call' }));
    await expect(args.onStart).toHaveBeenCalledWith(
      { direction: 'inbound', numberId: direct.id, callerNumber: '+15550111', startedAt },
      { kind: 'flow', flowId: otherFlow.id },
    );
  },
};

/** R8: outbound runs no flow; the agent, the caller ID and the contact's number are chosen. */
export const Outbound: Story = {
  play: async ({ canvasElement, args }) => {
    const f = form(canvasElement);
    const agent = ws.agents.at(-1)!;
    await userEvent.click(f.getByRole('radio', { name: 'Outbound' }));
    await expect(f.getByText('Outbound calls run no flow; recording starts when the contact answers (R8).')).toBeVisible();
    await expect(f.queryByRole('checkbox')).toBeNull();
    await userEvent.selectOptions(f.getByRole('combobox', { name: 'Agent dialling' }), agent.id);
    await userEvent.selectOptions(f.getByRole('combobox', { name: 'Dialled from (caller ID)' }), overridden.id);
    const phone = f.getByRole('textbox', { name: 'Contact number' });
    await userEvent.clear(phone);
    await userEvent.type(phone, '+44 20 7946 0018');
    await userEvent.click(f.getByRole('button', { name: 'Start call' }));
    await expect(args.onStart).toHaveBeenCalledWith(
      { direction: 'outbound', agentId: agent.id, fromNumberId: overridden.id, contactNumber: '+44 20 7946 0018', startedAt },
      { kind: 'number' },
    );
  },
};

/** R20: when the call starts, in UTC: now to the minute unless changed; the call carries it as its start time. */
export const StartTime: Story = {
  play: async ({ canvasElement, args }) => {
    const f = form(canvasElement);
    const when = f.getByLabelText('Call starts');
    await expect(when).toHaveValue('2026-12-02T05:10');
    await expect(when).toHaveAccessibleDescription('UTC');
    await expect(f.getByText('UTC')).toBeVisible();
    // Typed from the keyboard, as with any other field.
    await userEvent.clear(when);
    await userEvent.type(when, '2026-12-24T18:30');
    await expect(when).toHaveValue('2026-12-24T18:30');
    await userEvent.click(f.getByRole('button', { name: 'Start call' }));
    await expect(args.onStart).toHaveBeenLastCalledWith(
      { direction: 'inbound', numberId: support.id, callerNumber: '+15550111', startedAt: '2026-12-24T18:30:00.000Z' },
      { kind: 'number' },
    );
    // An incomplete date blocks the start and says why; Now puts the current minute back.
    await userEvent.clear(when);
    await expect(when).toHaveAttribute('aria-invalid', 'true');
    await expect(f.getByText(/Enter the date and time the call starts \(UTC\)/)).toBeVisible();
    await expect(f.getByRole('button', { name: 'Start call' })).toBeDisabled();
    await userEvent.click(f.getByRole('button', { name: 'Now' }));
    await expect(when).toHaveValue('2026-12-02T05:10');
    await expect(f.getByRole('button', { name: 'Start call' })).toBeEnabled();
  },
};

/** A phone number that is not one blocks the start and says what is expected. */
export const InvalidPhone: Story = {
  play: async ({ canvasElement, args }) => {
    const f = form(canvasElement);
    const phone = f.getByRole('textbox', { name: 'Caller number' });
    await userEvent.clear(phone);
    await userEvent.type(phone, 'call me');
    await expect(phone).toHaveAttribute('aria-invalid', 'true');
    await expect(f.getByText('Enter a phone number such as +15550111.')).toBeVisible();
    await expect(f.getByRole('button', { name: 'Start call' })).toBeDisabled();
    await userEvent.type(phone, '{Enter}');
    await expect(args.onStart).not.toHaveBeenCalled();
  },
};

/** R4: with no numbers there is nothing to call; the form sends the user to Settings. */
export const NoNumbers: Story = {
  args: { workspace: { ...ws, numbers: [] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.queryByRole('form')).toBeNull();
    await expect(canvas.getByText(/Add a phone number in Settings first/)).toBeVisible();
  },
};
