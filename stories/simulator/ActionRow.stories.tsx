import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import ActionRow, { type ActionRowProps } from '../../editor/simulator/ActionRow.tsx';
import { createSimStore } from '../../editor/simulator/simStore.ts';
import { loadExampleWorkspace } from '../../examples/index.ts';
import type { AvailableAction, CallAction, CallStart } from '../../runtime/call/types.ts';

type Offered = ActionRowProps['action'];
type Step = CallAction | 'timer';

/**
 * The action of a type the call offers after these steps, read from the
 * simulator store's session on the example workspace (never typed in).
 */
function offered<T extends Offered['type']>(start: CallStart, steps: Step[], type: T): Extract<AvailableAction, { type: T }> {
  const sim = createSimStore(loadExampleWorkspace(), 5);
  sim.start(start);
  for (const s of steps) {
    const out = s === 'timer' ? sim.runToNextTimer() : sim.apply(s);
    if (!out?.ok || !out.accepted) throw new Error(`story data: step ${JSON.stringify(s)} was not taken`);
  }
  const action = sim.getState().call?.available.find((a): a is Extract<AvailableAction, { type: T }> => a.type === type);
  if (!action) throw new Error(`story data: the call offers no ${type} after these steps`);
  return action;
}

const caller = '+15550111';
const support: CallStart = { direction: 'inbound', numberId: 'num-support', callerNumber: caller };
const payments: CallStart = { direction: 'inbound', numberId: 'num-payments', callerNumber: caller };
const anaTalking: Step[] = ['timer', { type: 'press', digit: '1' }, { type: 'answer', agentId: 'ag-ana' }];

const meta = {
  title: 'Simulator/Action row',
  component: ActionRow,
  args: { action: offered(support, ['timer'], 'press'), onApply: fn() },
  decorators: [
    (Story) => (
      <div className="sim-panel sim-actions" style={{ width: 520 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ActionRow>;

export default meta;
type Story = StoryObj<typeof meta>;

const group = (root: HTMLElement, name: string) => within(within(root).getByRole('group', { name }));

/** At the support line's menu: the keys the menu names get buttons, the rest sit on a keypad and can still be pressed. */
export const PressAtMenu: Story = {
  play: async ({ canvasElement, args }) => {
    const row = group(canvasElement, 'Caller presses a key');
    const action = args.action as Extract<Offered, { type: 'press' }>;
    const named = action.digits.filter((d) => d.label !== d.value && !d.label.endsWith('(invalid)'));
    await expect(named.length).toBeGreaterThan(0);
    await userEvent.click(row.getByRole('button', { name: `Press ${named[0]!.label}` }));
    await expect(args.onApply).toHaveBeenLastCalledWith({ type: 'press', digit: named[0]!.value });
    const keypad = within(row.getByRole('group', { name: 'Other keys' }));
    const other = action.digits.find((d) => !named.includes(d))!;
    await userEvent.click(keypad.getByRole('button', { name: `Press ${other.label}` }));
    await expect(args.onApply).toHaveBeenLastCalledWith({ type: 'press', digit: other.value });
  },
};

/** The ring group is ringing: any of its members can answer; the choice goes with the action. */
export const AnswerFromRingGroup: Story = {
  args: { action: offered(support, ['timer', { type: 'press', digit: '1' }], 'answer') },
  play: async ({ canvasElement, args }) => {
    const row = group(canvasElement, 'Answer');
    const action = args.action as Extract<Offered, { type: 'answer' }>;
    await expect(action.agents.length).toBeGreaterThan(1);
    const select = row.getByRole('combobox');
    await expect(row.getByText('Agent answering (ring group)')).toBeVisible();
    await expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(action.agents.map((a) => a.label));
    const second = action.agents[1]!;
    await userEvent.selectOptions(select, second.value);
    await userEvent.click(row.getByRole('button', { name: 'Answer' }));
    await expect(args.onApply).toHaveBeenCalledWith({ type: 'answer', agentId: second.value });
  },
};

/** R14: a warm transfer to an outside number; the row marks the external target before it is sent. */
export const TransferExternalWarm: Story = {
  args: { action: offered(support, anaTalking, 'transfer') },
  play: async ({ canvasElement, args }) => {
    const row = group(canvasElement, 'Transfer');
    const action = args.action as Extract<Offered, { type: 'transfer' }>;
    const external = action.targets.find((t) => t.external);
    await expect(external).toBeDefined();
    await expect(row.queryByText('external: R14 applies')).toBeNull();
    await userEvent.selectOptions(row.getByRole('combobox', { name: 'How' }), 'warm');
    await userEvent.selectOptions(row.getByRole('combobox', { name: 'Transfer to' }), `${external!.label} (external)`);
    await expect(row.getByText('external: R14 applies')).toBeVisible();
    await userEvent.click(row.getByRole('button', { name: 'Transfer' }));
    await expect(args.onApply).toHaveBeenCalledWith({ type: 'transfer', agentId: 'ag-ana', mode: 'warm', target: external!.target });
  },
};

/** R10 / R12: in a conference only the controlling agent may pause; the refusal is predicted for Eva, not for Dev, and can still be tried. */
export const PauseRefusalPredicted: Story = {
  args: {
    action: offered(
      payments,
      [
        'timer',
        { type: 'press', digit: '2' },
        { type: 'answer', agentId: 'ag-dev' },
        { type: 'conference', agentId: 'ag-dev', target: { type: 'agent', agentId: 'ag-eva' } },
        { type: 'answer', agentId: 'ag-eva' },
      ],
      'pause',
    ),
  },
  play: async ({ canvasElement, args }) => {
    const row = group(canvasElement, 'Pause recording');
    const action = args.action as Extract<Offered, { type: 'pause' }>;
    const refusal = action.refusals['ag-eva'];
    await expect(refusal?.code).toBe('not-controlling-agent');
    const select = row.getByRole('combobox');
    await userEvent.selectOptions(select, 'ag-dev');
    await expect(row.queryByText(/will be refused/)).toBeNull();
    await userEvent.selectOptions(select, 'ag-eva');
    await expect(row.getByText(`will be refused: ${refusal!.message}`)).toBeVisible();
    const button = row.getByRole('button', { name: 'Pause recording' });
    await expect(button).toHaveClass('sim-btn--warn');
    await userEvent.click(button);
    await expect(args.onApply).toHaveBeenCalledWith({ type: 'pause', agentId: 'ag-eva' });
  },
};

/** Anyone on the call can hang up: the contact or the agent. */
export const HangUpByAgent: Story = {
  args: { action: offered(support, anaTalking, 'hangUp') },
  play: async ({ canvasElement, args }) => {
    const row = group(canvasElement, 'Hang up');
    const action = args.action as Extract<Offered, { type: 'hangUp' }>;
    const select = row.getByRole('combobox');
    await expect(select).toHaveValue('contact');
    const agent = action.parties.find((p) => p.value !== 'contact')!;
    await userEvent.selectOptions(select, agent.value);
    await userEvent.click(row.getByRole('button', { name: 'Hang up' }));
    await expect(args.onApply).toHaveBeenCalledWith({ type: 'hangUp', party: agent.value });
  },
};

/** With `disabled` set, the row shows the action but cannot take it. */
export const Disabled: Story = {
  args: { action: offered(support, anaTalking, 'hold'), disabled: true },
  play: async ({ canvasElement, args }) => {
    const row = group(canvasElement, 'Hold');
    await expect(row.getByRole('button', { name: 'Hold' })).toBeDisabled();
    await userEvent.click(row.getByRole('button', { name: 'Hold' }));
    await expect(args.onApply).not.toHaveBeenCalled();
  },
};

/** R10: an action just taken and refused says why in its own row, where the reviewer clicked. */
export const RefusedInRow: Story = {
  args: { action: offered(support, anaTalking, 'pause'), refused: { at: 20, reason: 'Agent-initiated pause is not enabled for this call.' } },
  play: async ({ canvasElement }) => {
    const row = within(within(canvasElement).getByRole('group', { name: 'Pause recording' }));
    await expect(row.getByRole('alert')).toHaveTextContent('Refused at 20 s: Agent-initiated pause is not enabled for this call.');
    // The prediction is not repeated once the refusal itself is shown.
    await expect(row.queryByText(/will be refused/)).toBeNull();
  },
};

const claims: CallStart = { direction: 'inbound', numberId: 'num-claims', callerNumber: caller };

/** R27: at the claims line's policy look-up the reviewer may choose that the step fails; it succeeds by itself when its time is up. */
export const ChooseStepError: Story = {
  args: { action: offered(claims, ['timer'], 'choose'), place: 'Look up the policy (Step)' },
  play: async ({ canvasElement, args }) => {
    const row = group(canvasElement, 'Choose what happens');
    await expect(row.getByText('Choose what happens at Look up the policy (Step)')).toBeVisible();
    await expect(row.getAllByRole('button').map((b) => b.textContent)).toEqual(['succeeds', 'fails']);
    // Keyboard: the choices are buttons in the tab order.
    row.getByRole('button', { name: 'succeeds' }).focus();
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await expect(args.onApply).toHaveBeenLastCalledWith({ type: 'choose', option: 'error' });
  },
};

/** R26: at the opening-hours decision each outcome is a button with its condition as written, plus no match. */
export const ChooseDecisionOutcome: Story = {
  // The look-up's own time runs out: it succeeds and the call reaches the decision.
  args: { action: offered(claims, ['timer', 'timer'], 'choose') },
  play: async ({ canvasElement, args }) => {
    const row = group(canvasElement, 'Choose what happens');
    await expect(row.getAllByRole('button').map((b) => b.textContent)).toEqual(['open: in hours', 'payment: $.Attributes.claimType = payment', 'no match']);
    await userEvent.click(row.getByRole('button', { name: 'no match' }));
    await expect(args.onApply).toHaveBeenLastCalledWith({ type: 'choose', option: 'noMatch' });
  },
};

/** R25: while the call waits in the claims queue the reviewer may say the queue is full or closed (its error port). */
export const ChooseQueueClosed: Story = {
  args: { action: offered(claims, ['timer', 'timer', { type: 'choose', option: 'open' }], 'choose') },
  play: async ({ canvasElement, args }) => {
    const row = group(canvasElement, 'Choose what happens');
    await userEvent.click(row.getByRole('button', { name: 'queue full or closed' }));
    await expect(args.onApply).toHaveBeenLastCalledWith({ type: 'choose', option: 'error' });
  },
};

/**
 * The reviewer waits 5 s at the look-up, whose 2 s are up by then (it succeeds and the call reaches the
 * decision), and only then chooses "fails": the choice is refused (the runtime's refusal, as the simulator store
 * notes it) and says why in its row.
 */
function lateChoice(): Pick<ActionRowProps, 'action' | 'refused'> {
  const sim = createSimStore(loadExampleWorkspace(), 5);
  sim.start(claims);
  sim.runToNextTimer();
  sim.apply({ type: 'wait' });
  sim.apply({ type: 'choose', option: 'error' });
  const { call, note } = sim.getState();
  const action = call?.available.find((a) => a.type === 'choose');
  if (!action || note?.tone !== 'refused' || !note.reason) throw new Error('story data: the late choice was not refused');
  return { action, refused: { at: note.at ?? 0, reason: note.reason } };
}

export const ChoiceRefused: Story = {
  args: lateChoice(),
  play: async ({ canvasElement }) => {
    await expect(group(canvasElement, 'Choose what happens').getByRole('alert')).toHaveTextContent(
      'Refused at 10 s: "error" is not one of the outcomes here (open, payment, noMatch).',
    );
  },
};
