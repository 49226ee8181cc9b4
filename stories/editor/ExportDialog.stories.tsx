import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ExportDialog } from '../../editor/io/IoDialogs.tsx';
import { memoryScenarioStorage } from '../../editor/simulator/scenarioStorage.ts';
import type { SavedScenario } from '../../editor/simulator/scenarios.ts';
import { nodeOfKind, problemsOf, sampleWorkspace } from '../fixtures.ts';

const clean = sampleWorkspace();
const cleanFlow = clean.flows[0]!;

// A damaged copy: one port left open (an error) and an empty message (a warning).
const broken = sampleWorkspace();
const brokenFlow = broken.flows[0]!;
const play = nodeOfKind('play', brokenFlow);
play.data.text = '';
brokenFlow.edges = brokenFlow.edges.filter((e) => e.source !== play.id);
const brokenProblems = problemsOf(brokenFlow, broken);

const meta = {
  title: 'Editor/Export dialog',
  component: ExportDialog,
  args: {
    flow: cleanFlow,
    workspace: clean,
    errors: problemsOf(cleanFlow, clean).filter((p) => p.severity === 'error'),
    warnings: problemsOf(cleanFlow, clean).filter((p) => p.severity === 'warning'),
    onClose: fn(),
  },
} satisfies Meta<typeof ExportDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Ready: Story = {
  play: async ({ canvasElement, args }) => {
    const dialog = within(within(canvasElement.ownerDocument.body).getByRole('dialog', { name: 'Export' }));
    await expect(args.errors).toHaveLength(0);
    await expect(dialog.getByRole('button', { name: 'Download flow JSON' })).toBeEnabled();
    await expect(dialog.queryByRole('alert')).toBeNull();
    await expect(dialog.getByText(`${args.flow.id}.flow.json`)).toBeVisible();
    await userEvent.click(dialog.getAllByRole('button', { name: 'Close' }).at(-1)!);
    await expect(args.onClose).toHaveBeenCalled();
  },
};

/** Errors block export to production and are listed; warnings are shown but do not block. */
export const BlockedByErrors: Story = {
  args: {
    flow: brokenFlow,
    workspace: broken,
    errors: brokenProblems.filter((p) => p.severity === 'error'),
    warnings: brokenProblems.filter((p) => p.severity === 'warning'),
  },
  play: async ({ canvasElement, args }) => {
    const dialog = within(within(canvasElement.ownerDocument.body).getByRole('dialog', { name: 'Export' }));
    await expect(args.errors.length).toBeGreaterThan(0);
    await expect(args.warnings.length).toBeGreaterThan(0);
    await expect(dialog.getByRole('button', { name: 'Download flow JSON' })).toBeDisabled();
    const alert = dialog.getByRole('alert');
    await expect(alert).toHaveTextContent(`Export is blocked: the flow has ${args.errors.length}`);
    for (const e of args.errors) await expect(alert).toHaveTextContent(e.message);
    await expect(dialog.getByText(/do not block export/)).toBeInTheDocument();
    // The workspace backup is never blocked.
    await expect(dialog.getByRole('button', { name: 'Download workspace JSON' })).toBeEnabled();
  },
};

/** The flow as an Amazon Connect flow: the export report names what Connect cannot express, by node and reason. */
export const AmazonConnect: Story = {
  play: async ({ canvasElement }) => {
    const section = within(await within(canvasElement.ownerDocument.body).findByRole('region', { name: 'Amazon Connect flow' }, { timeout: 5000 }));
    await expect(section.getByRole('button', { name: 'Download Amazon Connect flow' })).toBeEnabled();
    await expect(section.getByText(/nodes exported/)).toBeVisible();
    await expect(section.getByText('Amazon Connect has no Voicemail block')).toBeVisible();
  },
};

// Connect takes at most 250 actions in one flow: a chain of 260 messages is more than it accepts.
const long = sampleWorkspace();
const longFlow = long.flows[0]!;
const message = nodeOfKind('play', longFlow);
for (let i = 0; i < 260; i++) longFlow.nodes.push({ ...message, id: `more-${i}`, position: { x: 0, y: 200 * i } });

/** Past Connect's limits the export is refused: the reason shows and nothing can be downloaded. */
export const AmazonConnectOverItsLimits: Story = {
  args: { flow: longFlow, workspace: long, errors: [], warnings: [] },
  play: async ({ canvasElement }) => {
    const section = within(await within(canvasElement.ownerDocument.body).findByRole('region', { name: 'Amazon Connect flow' }, { timeout: 5000 }));
    await expect(section.getByRole('alert')).toHaveTextContent('Amazon Connect would refuse this flow');
    await expect(section.getByText(/Connect accepts at most 250 in one flow/)).toBeVisible();
    await expect(section.getByRole('button', { name: 'Download Amazon Connect flow' })).toBeDisabled();
  },
};

/** The flow as a Twilio Studio flow definition beside the Connect one: its report names what Studio does differently. */
export const TwilioStudio: Story = {
  play: async ({ canvasElement, args }) => {
    const dialog = within(within(canvasElement.ownerDocument.body).getByRole('dialog', { name: 'Export' }));
    const section = within(await dialog.findByRole('region', { name: 'Twilio Studio flow definition' }, { timeout: 5000 }));
    await expect(dialog.getByRole('region', { name: 'Amazon Connect flow' })).toBeVisible();
    await expect(section.getByText(`${args.flow.id}.twilio-studio.json`)).toBeVisible();
    await expect(section.getByText(/as the Definition of a flow in the Studio Flows API/)).toBeVisible();
    await expect(section.getByRole('button', { name: 'Download Twilio Studio flow definition' })).toBeEnabled();
    await expect(section.getByText(/^Twilio Studio: \d+ nodes exported/)).toBeVisible();
    await expect(section.getByText(/Studio has no Assign widget/)).toBeVisible();
  },
};

const scenarioOn = (id: string, flowId: string, name: string): SavedScenario => ({
  id,
  flowId,
  flowChoice: { kind: 'number' },
  savedAt: '2026-11-30T09:00:00.000Z',
  scenario: { name, call: { direction: 'inbound', numberId: 'num-support', callerNumber: '+15550111' }, actions: [{ at: 5, type: 'hangUp', party: 'contact' }] },
});

/** The workspace file takes the saved scenarios along; those of a flow deleted since cannot go, and are named. */
export const WithSavedScenarios: Story = {
  args: {
    scenarioStorage: memoryScenarioStorage([scenarioOn('sc-1', cleanFlow.id, 'Caller hangs up'), scenarioOn('sc-2', 'deleted-flow', 'Old line check')]),
  },
  play: async ({ canvasElement }) => {
    const dialog = within(within(canvasElement.ownerDocument.body).getByRole('dialog', { name: 'Export' }));
    await expect(await dialog.findByText(/and 1 saved scenario, to back up or move to another browser/)).toBeVisible();
    await expect(dialog.getByTestId('scenarios-left-out')).toHaveTextContent('Left out: 1 saved scenario of flows deleted since (“Old line check”).');
    await expect(dialog.getByRole('button', { name: 'Download workspace JSON' })).toBeEnabled();
  },
};
