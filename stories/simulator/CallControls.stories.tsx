import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import CallControls from '../../editor/simulator/CallControls.tsx';
import { createSimStore, type SimStore } from '../../editor/simulator/simStore.ts';
import { useSim } from '../../editor/simulator/useSim.ts';
import { loadExampleWorkspace } from '../../examples/index.ts';
import type { CallAction, CallStart } from '../../runtime/call/types.ts';

type Step = CallAction | 'timer';

/** A simulator store on the example workspace with a call started and these steps taken, as the drawer holds it. */
function simAfter(start: CallStart, steps: Step[]): SimStore {
  const sim = createSimStore(loadExampleWorkspace(), 5);
  sim.start(start);
  for (const s of steps) {
    const out = s === 'timer' ? sim.runToNextTimer() : sim.apply(s);
    if (!out?.ok) throw new Error(`story data: step ${JSON.stringify(s)} failed`);
  }
  return sim;
}

/** CallControls wired to the store the way the simulator drawer wires it: the snapshot, clock and note re-read after each step. */
function LiveControls({ makeSim, onNewCall }: { makeSim(): SimStore; onNewCall(): void }) {
  const [sim] = useState(makeSim);
  const call = useSim(sim, (s) => s.call);
  const advance = useSim(sim, (s) => s.advance);
  const note = useSim(sim, (s) => s.note);
  if (!call) return <p>No call.</p>;
  const workspace = loadExampleWorkspace();
  const flow = call.flowId ? workspace.flows.find((f) => f.id === call.flowId) : undefined;
  return (
    <>
      <CallControls call={call} advance={advance} note={note} workspace={workspace} flow={flow} store={sim} onNewCall={onNewCall} />
      <p data-testid="recorded">{call.result.recorded ? `${call.result.totalRecordedSeconds} s recorded` : 'nothing recorded'}</p>
    </>
  );
}

const caller = '+15550111';
const support: CallStart = { direction: 'inbound', numberId: 'num-support', callerNumber: caller };

const meta = {
  title: 'Simulator/Call controls',
  component: LiveControls,
  args: { makeSim: () => simAfter(support, []), onNewCall: fn() },
  decorators: [
    (Story) => (
      <div className="sim-panel" style={{ width: 560 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof LiveControls>;

export default meta;
type Story = StoryObj<typeof meta>;

const time = (root: HTMLElement) => within(root).getByTestId('sim-time');

/** R5: a support call walked through by hand: the notice timer, the menu key, an agent answering, the caller hanging up. */
export const WalkACall: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(time(canvasElement)).toHaveTextContent('t = 0 s');
    await expect(canvas.getByText(/^At /)).toBeVisible();
    await expect(canvas.getByLabelText('Call machine state')).toHaveTextContent(/^where: "notice" \(playing a message\) · recording: pending$/);
    await expect(canvas.getByText('No steps yet.')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: /^Run to next timer \(5 s\)/ }));
    await expect(time(canvasElement)).toHaveTextContent('t = 5 s');
    const keys = within(canvas.getByRole('group', { name: 'Caller presses a key' }));
    await userEvent.click(keys.getByRole('button', { name: /^Press Technical support|^Press 1/ }));
    await expect(time(canvasElement)).toHaveTextContent('t = 10 s');
    const answer = within(canvas.getByRole('group', { name: 'Answer' }));
    await userEvent.selectOptions(answer.getByRole('combobox'), 'ag-ana');
    await userEvent.click(answer.getByRole('button', { name: 'Answer' }));
    const parties = within(canvas.getByRole('list', { name: 'Parties on the call' }));
    await expect(parties.getByText(/Ana Lima/)).toBeVisible();
    await expect(parties.getByText('controls recording (R12)')).toBeVisible();
    // The call machine's own state: where the call is, and what its recording does (R5: on since the Recording node).
    await expect(canvas.getByLabelText('Call machine state')).toHaveTextContent('where: agent · recording: recording');
    await userEvent.click(within(canvas.getByRole('group', { name: 'Hang up' })).getByRole('button', { name: 'Hang up' }));
    await expect(canvas.getByText('Call ended')).toBeVisible();
    await expect(canvas.getByText('Nobody: the call has ended.')).toBeVisible();
    await expect(canvas.queryByRole('heading', { name: 'What happens next' })).toBeNull();
    await expect(canvas.getByTestId('recorded')).toHaveTextContent('s recorded');
    const steps = within(canvas.getByRole('list', { name: 'Steps taken' })).getAllByRole('listitem');
    await expect(steps).toHaveLength(4);
    await expect(steps[2]).toHaveTextContent('15 s — Ana Lima answers');
  },
};

/** Stepping back through the history rebuilds the call; stepping forward and clicking a step replay it. */
export const StepBackAndForward: Story = {
  args: {
    makeSim: () => simAfter(support, ['timer', { type: 'press', digit: '1' }, { type: 'answer', agentId: 'ag-ana' }, { type: 'hangUp', party: 'contact' }]),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Call ended')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Step back' }));
    await expect(canvas.queryByText('Call ended')).toBeNull();
    await expect(time(canvasElement)).toHaveTextContent('t = 15 s');
    const steps = within(canvas.getByRole('list', { name: 'Steps taken' })).getAllByRole('listitem');
    await expect(steps[3]).toHaveClass('is-undone');
    await expect(steps[2]).toHaveAttribute('aria-current', 'step');
    await userEvent.click(canvas.getByRole('button', { name: 'Step forward' }));
    await expect(canvas.getByText('Call ended')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Step forward' })).toBeDisabled();
    await userEvent.click(within(steps[1]!).getByRole('button'));
    await expect(time(canvasElement)).toHaveTextContent('t = 10 s');
    await userEvent.click(canvas.getByRole('button', { name: 'Restart' }));
    await expect(time(canvasElement)).toHaveTextContent('t = 0 s');
    await expect(canvas.getByRole('button', { name: 'Step back' })).toBeDisabled();
  },
};

/** The clock: each action lands the chosen number of seconds after the last; Wait just moves it. */
export const Clock: Story = {
  args: { makeSim: () => simAfter(support, ['timer', { type: 'press', digit: '1' }, { type: 'answer', agentId: 'ag-ana' }]) },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(time(canvasElement)).toHaveTextContent('t = 15 s');
    const seconds = canvas.getByRole('spinbutton', { name: 'Seconds before each action' });
    await userEvent.clear(seconds);
    await userEvent.type(seconds, '30');
    await userEvent.click(canvas.getByRole('button', { name: 'Wait 30 s' }));
    await expect(time(canvasElement)).toHaveTextContent('t = 45 s');
    await expect(canvas.getByText('Talking')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'New call' }));
    await expect(args.onNewCall).toHaveBeenCalledTimes(1);
  },
};

/** A payments call Dev answered and conferenced Eva into. */
const devConferencesEva = () =>
  simAfter({ direction: 'inbound', numberId: 'num-payments', callerNumber: caller }, [
    'timer',
    { type: 'press', digit: '2' },
    { type: 'answer', agentId: 'ag-dev' },
    { type: 'conference', agentId: 'ag-dev', target: { type: 'agent', agentId: 'ag-eva' } },
    { type: 'answer', agentId: 'ag-eva' },
  ]);

/** R10 / R12: Eva, conferenced in, tries to pause; the call refuses and the note says why. */
export const RefusedPause: Story = {
  args: {
    makeSim: devConferencesEva,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const pause = within(canvas.getByRole('group', { name: 'Pause recording' }));
    await userEvent.selectOptions(pause.getByRole('combobox'), 'ag-eva');
    await userEvent.click(pause.getByRole('button', { name: 'Pause recording' }));
    // The status note says so, and so does the Pause row itself, where the reviewer clicked.
    await expect(canvas.getAllByRole('alert')[0]).toHaveTextContent(/^Refused: /);
    await expect(pause.getByRole('alert')).toHaveTextContent(/^Refused at \d+ s: Eva Novak does not control the recording/);
    await expect(canvas.queryByText('recording paused')).toBeNull();
    // Dev controls the recording, so Dev's pause is taken.
    await userEvent.selectOptions(pause.getByRole('combobox'), 'ag-dev');
    await userEvent.click(pause.getByRole('button', { name: 'Pause recording' }));
    await expect(canvas.getByText('recording paused')).toBeVisible();
    await expect(canvas.getByRole('status')).toBeVisible();
  },
};

/** R8: an outbound call is dialled until the contact answers: the status says so, not "Talking". */
export const OutboundDialling: Story = {
  args: {
    makeSim: () => simAfter({ direction: 'outbound', agentId: 'ag-dev', fromNumberId: 'num-support', contactNumber: '+15550199' }, []),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText('Call machine state')).toHaveTextContent(/^where: dialling /);
    await expect(canvas.getByTestId('sim-where')).toHaveTextContent(/^Dialling the contact$/);
    await userEvent.click(within(canvas.getByRole('group', { name: 'Contact answers' })).getByRole('button'));
    await expect(canvas.getByLabelText('Call machine state')).toHaveTextContent(/^where: agent /);
    await expect(canvas.getByTestId('sim-where')).toHaveTextContent(/^Talking$/);
  },
};

/** R15: a warm transfer's consultation reads as one, and completing it leaves the contact talking. */
export const WarmTransferConsultation: Story = {
  args: {
    makeSim: () =>
      simAfter(support, [
        'timer',
        { type: 'press', digit: '1' },
        { type: 'answer', agentId: 'ag-ana' },
        { type: 'transfer', agentId: 'ag-ana', mode: 'warm', target: { type: 'agent', agentId: 'ag-ben' } },
        { type: 'answer', agentId: 'ag-ben' },
      ]),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText('Call machine state')).toHaveTextContent(/^where: consultation /);
    await expect(canvas.getByTestId('sim-where')).toHaveTextContent(/^Consultation \(warm transfer\)$/);
    await userEvent.click(within(canvas.getByRole('group', { name: 'Complete transfer' })).getByRole('button'));
    await expect(canvas.getByLabelText('Call machine state')).toHaveTextContent(/^where: agent /);
    await expect(canvas.getByTestId('sim-where')).toHaveTextContent(/^Talking$/);
  },
};

/** R12: a conference reads as one. */
export const InConference: Story = {
  args: {
    makeSim: devConferencesEva,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText('Call machine state')).toHaveTextContent(/^where: conference /);
    await expect(canvas.getByTestId('sim-where')).toHaveTextContent(/^Conference$/);
  },
};
