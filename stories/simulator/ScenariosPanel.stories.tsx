import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import ScenariosPanel from '../../editor/simulator/ScenariosPanel.tsx';
import { memoryScenarioStorage, type ScenarioStorage } from '../../editor/simulator/scenarioStorage.ts';
import { type SavedScenario, scenarioOf } from '../../editor/simulator/scenarios.ts';
import { createSimStore, type SimStore } from '../../editor/simulator/simStore.ts';
import { useSim } from '../../editor/simulator/useSim.ts';
import { loadExampleWorkspace } from '../../examples/index.ts';
import type { CallAction, CallStart } from '../../runtime/call/types.ts';
import type { WorkspaceDoc } from '../../runtime/document/workspace.ts';
import { nodesOfKind } from '../fixtures.ts';

type Step = CallAction | 'timer';
const caller = '+15550111';
const supportStart: CallStart = { direction: 'inbound', numberId: 'num-support', callerNumber: caller };
const supportSteps: Step[] = ['timer', { type: 'press', digit: '1' }, { type: 'answer', agentId: 'ag-ana' }, { type: 'hangUp', party: 'contact' }];
const outboundStart: CallStart = { direction: 'outbound', agentId: 'ag-dev', fromNumberId: 'num-support', contactNumber: '+15550199' };
const outboundSteps: Step[] = [{ type: 'contactAnswer' }, { type: 'hangUp', party: 'contact' }];

function simAfter(ws: WorkspaceDoc, start: CallStart, steps: Step[]): SimStore {
  const sim = createSimStore(ws, 5);
  sim.start(start);
  for (const s of steps) {
    const out = s === 'timer' ? sim.runToNextTimer() : sim.apply(s);
    if (!out?.ok) throw new Error(`story data: step ${JSON.stringify(s)} failed`);
  }
  return sim;
}

/** A scenario saved the way the panel saves one: the call's steps and its result on the example workspace as the expectation. */
function saved(id: string, name: string, start: CallStart, steps: Step[]): SavedScenario {
  const call = simAfter(loadExampleWorkspace(), start, steps).getState().call!;
  return {
    id,
    flowId: call.flowId,
    flowChoice: call.flowChoice,
    savedAt: '2026-11-20T09:00:00.000Z',
    scenario: scenarioOf(name, call.start, call.history, call.result),
  };
}

/** The example workspace with the support line's Recording node set to one mixed channel (an edit after the scenarios were saved). */
function monoSupport(): WorkspaceDoc {
  const ws = loadExampleWorkspace();
  for (const n of nodesOfKind('recording', ws.flows.find((f) => f.id === 'support-line')!)) n.data.channels = 'mono';
  return ws;
}

/** The panel with its simulator store and in-memory storage, plus what the simulator holds now (so Load can be seen). */
function ScenariosHarness({
  workspace,
  makeSim,
  storage,
  currentFlowId = 'support-line',
}: {
  workspace(): WorkspaceDoc;
  makeSim(): SimStore;
  storage(): ScenarioStorage;
  currentFlowId?: string;
}) {
  const [ws] = useState(workspace);
  const [sim] = useState(makeSim);
  const [store] = useState(storage);
  const call = useSim(sim, (s) => s.call);
  return (
    <>
      <ScenariosPanel workspace={ws} sim={sim} storage={store} currentFlowId={currentFlowId} />
      <p data-testid="sim-call">{call ? `${call.start.direction} call, ${call.historyIndex} steps, t = ${call.time} s` : 'no call'}</p>
    </>
  );
}

const meta = {
  title: 'Simulator/Scenarios',
  component: ScenariosHarness,
  args: {
    workspace: loadExampleWorkspace,
    makeSim: () => simAfter(loadExampleWorkspace(), supportStart, supportSteps),
    storage: () => memoryScenarioStorage(),
  },
  decorators: [
    (Story) => (
      <div style={{ width: 640 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ScenariosHarness>;

export default meta;
type Story = StoryObj<typeof meta>;

const panel = async (root: HTMLElement) => within(await within(root).findByRole('region', { name: 'Scenarios' }));

/** The call on screen is saved under a name, listed under its flow, and passes when run. */
export const SaveCurrentCall: Story = {
  play: async ({ canvasElement }) => {
    const p = await panel(canvasElement);
    await expect(p.getByText(/No scenarios yet/)).toBeVisible();
    const save = p.getByRole('button', { name: 'Save current call as scenario' });
    await expect(save).toBeDisabled();
    await expect(p.getByRole('button', { name: 'Run all' })).toBeDisabled();
    await userEvent.type(p.getByRole('textbox', { name: 'Scenario name' }), 'Support, Ana answers{Enter}');
    const list = within(p.getByRole('list', { name: 'Scenarios of Support line' }));
    const item = list.getByRole('listitem');
    await expect(item).toHaveAttribute('data-status', 'not-run');
    await expect(item).toHaveTextContent('Support, Ana answers');
    await expect(item).toHaveTextContent('inbound, 4 steps');
    await expect(p.getByRole('textbox', { name: 'Scenario name' })).toHaveValue('');
    await userEvent.click(p.getByRole('button', { name: 'Run all' }));
    await expect(p.getByRole('status')).toHaveTextContent('1 of 1 passed');
    await expect(item).toHaveAttribute('data-status', 'pass');
  },
};

const twoSaved = () =>
  memoryScenarioStorage([
    saved('sc-support', 'Support, Ana answers', supportStart, supportSteps),
    saved('sc-outbound', 'Dev calls a customer', outboundStart, outboundSteps),
  ]);

/**
 * R17: the support line was switched to mono after its scenario was saved. Run all fails that one, in words,
 * and passes the outbound call (it runs no flow, R8); accepting the new result makes it pass.
 */
export const RunAllWithFailingDifference: Story = {
  args: { workspace: monoSupport, storage: twoSaved },
  play: async ({ canvasElement }) => {
    const p = await panel(canvasElement);
    await expect(p.getByRole('heading', { name: 'Calls without a flow (outbound, direct numbers)' })).toBeVisible();
    await userEvent.click(p.getByRole('button', { name: 'Run all' }));
    await expect(p.getByRole('status')).toHaveTextContent('1 of 2 passed');
    const failing = p.getByText('Support, Ana answers').closest('li') as HTMLElement;
    await expect(failing).toHaveAttribute('data-status', 'fail');
    const diff = within(p.getByRole('list', { name: 'Differences in Support, Ana answers' }));
    await expect(diff.getByText('Channel layout: expected dual, got mono.')).toBeVisible();
    await expect(diff.getByText('Transcribable: expected yes, got no.')).toBeVisible();
    await expect(p.getByText('Dev calls a customer').closest('li')).toHaveAttribute('data-status', 'pass');
    await userEvent.click(within(failing).getByRole('button', { name: 'Accept new result' }));
    await expect(p.getByRole('status')).toHaveTextContent('2 of 2 passed');
    await expect(p.queryByRole('list', { name: 'Differences in Support, Ana answers' })).toBeNull();
  },
};

/** The storage the LoadAndDelete story's panel was given, to read back what it persisted. */
let loadDeleteStorage: ScenarioStorage | null = null;

/** Load replays a saved scenario in the simulator; Delete removes one from the list and from storage. */
export const LoadAndDelete: Story = {
  args: {
    makeSim: () => createSimStore(loadExampleWorkspace(), 5),
    storage: () => {
      loadDeleteStorage = twoSaved();
      return loadDeleteStorage;
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const p = await panel(canvasElement);
    await expect(canvas.getByTestId('sim-call')).toHaveTextContent('no call');
    await expect(p.getByText('Start a call first.')).toBeVisible();
    const outbound = p.getByText('Dev calls a customer').closest('li') as HTMLElement;
    await userEvent.click(within(outbound).getByRole('button', { name: 'Load' }));
    await expect(canvas.getByTestId('sim-call')).toHaveTextContent('outbound call, 2 steps, t = 10 s');
    await userEvent.click(p.getByRole('button', { name: 'Delete scenario Dev calls a customer' }));
    await expect(p.queryByText('Dev calls a customer')).toBeNull();
    await expect(p.queryByRole('heading', { name: 'Calls without a flow (outbound, direct numbers)' })).toBeNull();
    await expect(p.getByText('Support, Ana answers')).toBeVisible();
    // The delete reached storage: reading it back no longer gives the scenario.
    await waitFor(async () => expect((await loadDeleteStorage!.load()).map((x) => x.scenario.name)).toEqual(['Support, Ana answers']));
  },
};

/** Storage that cannot be read: the panel says so and still works with an empty list. */
/** recflow cover in the simulator: calls that together reach every node and port of the flow on screen, saved and passing. */
export const GenerateCoveringScenarios: Story = {
  args: { currentFlowId: 'payments-line' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Generate scenarios covering every path' }));
    // recflow cover's code loads on first use.
    await expect(await canvas.findByRole('status', { name: 'Coverage' })).toHaveTextContent(/reach 12 of 12 nodes and 14 of 14 ports of “Payments line”/);
    const list = within(canvas.getByRole('list', { name: /^Scenarios of Payments/ }));
    const rows = list.getAllByRole('listitem');
    await expect(rows.length).toBeGreaterThan(1);
    await expect(rows[0]).toHaveTextContent(/Cover 01/);
    await userEvent.click(canvas.getByRole('button', { name: 'Run all' }));
    await waitFor(() => expect(canvas.getByText(`${rows.length} of ${rows.length} passed`)).toBeVisible());
  },
};

export const StorageUnreadable: Story = {
  args: {
    storage: () => ({
      load: () => Promise.reject(new Error('IndexedDB is disabled in this browser')),
      save: () => Promise.resolve(),
      subscribe: () => () => {},
    }),
  },
  play: async ({ canvasElement }) => {
    const p = await panel(canvasElement);
    await waitFor(() => expect(p.getByRole('alert')).toHaveTextContent('Could not read saved scenarios: IndexedDB is disabled in this browser'));
    await expect(p.getByText(/No scenarios yet/)).toBeVisible();
    await expect(p.getByRole('button', { name: 'Save current call as scenario' })).toBeDisabled();
  },
};

const claimsStart: CallStart = { direction: 'inbound', numberId: 'num-claims', callerNumber: caller };
/** The claims line: the look-up's time runs out (it succeeds), the reviewer chooses "open", Ana answers from the queue. */
const claimsSteps: Step[] = ['timer', 'timer', { type: 'choose', option: 'open' }, { type: 'answer', agentId: 'ag-ana' }, { type: 'hangUp', party: 'contact' }];

/**
 * R30/R31: "what would this call record on Amazon Connect?": the saved claims call run there records from the
 * agent, not from the Recording node; the differences are in words and its timeline is one click away.
 */
export const CompareOnAmazonConnect: Story = {
  args: { storage: () => memoryScenarioStorage([saved('sc-claims', 'Claims, Ana answers', claimsStart, claimsSteps)]) },
  play: async ({ canvasElement }) => {
    const p = await panel(canvasElement);
    const item = within(p.getByText('Claims, Ana answers').closest('li') as HTMLElement);
    // Only the platforms the workspace does not model are offered.
    await expect(item.queryByRole('button', { name: /record on Talkdesk\?$/ })).toBeNull();
    const ask = item.getByRole('button', { name: 'What would Claims, Ana answers record on Amazon Connect?' });
    await userEvent.click(ask);
    await expect(ask).toHaveAttribute('aria-pressed', 'true');
    const box = within(item.getByRole('region', { name: 'Claims, Ana answers on Amazon Connect' }));
    await expect(box.getByRole('heading', { name: 'What would this call record on Amazon Connect?' })).toBeVisible();
    await expect(box.getByTestId('compare-totals')).toHaveTextContent('Talkdesk: 10 s recorded · Amazon Connect: 5 s recorded');
    await expect(box.getByRole('list', { name: 'Differences on Amazon Connect' })).toHaveTextContent(
      'Both sides: 10 s on tape on Talkdesk, 5 s on Amazon Connect; 7–12 s only on Talkdesk.',
    );
    await userEvent.click(box.getByText('The timeline on Amazon Connect'));
    await waitFor(() => expect(box.getAllByRole('img', { name: /^Recorded 12–17 s/ })).toHaveLength(2));
    await userEvent.click(box.getByRole('button', { name: 'Close the comparison with Amazon Connect' }));
    await expect(item.queryByRole('region', { name: 'Claims, Ana answers on Amazon Connect' })).toBeNull();
  },
};

/** Twilio Studio records this call as Talkdesk does, apart from its mono default: the differences say just that. */
export const CompareOnTwilioStudio: Story = {
  args: { storage: () => memoryScenarioStorage([saved('sc-claims', 'Claims, Ana answers', claimsStart, claimsSteps)]) },
  play: async ({ canvasElement }) => {
    const p = await panel(canvasElement);
    await userEvent.click(p.getByRole('button', { name: 'What would Claims, Ana answers record on Twilio Studio?' }));
    const diff = p.getByRole('list', { name: 'Differences on Twilio Studio' });
    await expect(within(diff).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Channel layout: dual on Talkdesk, mono on Twilio Studio.',
      'Transcribable: yes on Talkdesk, no on Twilio Studio.',
    ]);
  },
};

/** A scenario file as `recflow test` reads it: the Support call with its expectation, naming its flow file. */
const scenarioFile = (name: string, extra: Record<string, unknown> = {}) =>
  new File(
    [JSON.stringify({ ...saved('sc-file', 'Support from a file', supportStart, supportSteps).scenario, flow: '../flows/support-line.json', ...extra })],
    name,
    { type: 'application/json' },
  );

/**
 * Import scenario file: a valid file joins the saved scenarios of the flow it names and passes; the same file again
 * adds nothing twice; a broken one lists its errors by JSON path and adds nothing.
 */
export const ImportScenarioFile: Story = {
  play: async ({ canvasElement }) => {
    const p = await panel(canvasElement);
    const input = canvasElement.querySelector<HTMLInputElement>('[data-testid="scenario-import-input"]')!;
    await expect(p.getByRole('button', { name: 'Import scenario file…' })).toBeEnabled();
    await userEvent.upload(input, scenarioFile('support.json'));
    const status = await p.findByRole('status', { name: 'Scenario import' });
    await waitFor(() => expect(status).toHaveTextContent('support.json: 1 saved scenario added to “Support line”.'));
    const item = within(p.getByRole('list', { name: 'Scenarios of Support line' })).getByRole('listitem');
    await expect(item).toHaveTextContent('Support from a file');
    await userEvent.click(p.getByRole('button', { name: 'Run all' }));
    await expect(item).toHaveAttribute('data-status', 'pass');

    await userEvent.upload(input, scenarioFile('again.json'));
    await waitFor(() => expect(p.getByRole('status', { name: 'Scenario import' })).toHaveTextContent('again.json: No scenario added (1 already saved).'));

    await userEvent.upload(input, scenarioFile('broken.json', { runUntil: 1 }));
    await waitFor(() => expect(p.getByRole('status', { name: 'Scenario import' })).toHaveTextContent('broken.json: nothing was imported.'));
    const problems = p.getByRole('list', { name: 'Problems of the scenario file' });
    await expect(problems).toHaveTextContent(/\$\.runUntil must not be before the last action/);
    await expect(p.getByRole('list', { name: 'Scenarios of Support line' }).querySelectorAll('li')).toHaveLength(1);
    await userEvent.click(p.getByRole('button', { name: 'Dismiss' }));
    await expect(p.queryByRole('status', { name: 'Scenario import' })).toBeNull();
  },
};
