import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ExportReportView, ImportReportPanel } from '../../editor/io/PlatformReport.tsx';
import { planImport } from '../../editor/io/importDoc.ts';
import { planAsPlatform } from '../../editor/io/platformIo.ts';
import supportLine from '../../examples/amazon-connect/support-line.json?raw';
import renewalsLine from '../../runtime/platforms/twilio-studio/fixtures/renewals-line.json?raw';
import { describeExport } from '../../runtime/platforms/format.ts';
import { formatNamed } from '../../runtime/platforms/formats.ts';
import { nodeOfKind, sampleFlow, sampleWorkspace } from '../fixtures.ts';

const ws = sampleWorkspace();
const plan = planImport(supportLine, ws, planAsPlatform);
if (plan.kind !== 'platform') throw new Error(`the example Connect flow should import, got ${plan.kind}`);

const meta = {
  title: 'Editor/Platform import report',
  component: ImportReportPanel,
  args: {
    report: plan.report,
    flow: plan.flow,
    standIns: plan.standIns,
    platformName: plan.platformName,
    onPreset: false,
    onSwitchPreset: fn(),
    onJump: fn(),
    onClose: fn(),
  },
} satisfies Meta<typeof ImportReportPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

/** One row per action, the kind it became and how faithfully it is simulated; a row selects its node. */
export const AfterImport: Story = {
  play: async ({ canvasElement, args }) => {
    const panel = within(within(canvasElement).getByRole('region', { name: 'Import report' }));
    await expect(panel.getByText(new RegExp(`Amazon Connect: ${args.report.rows.length} actions imported`))).toBeVisible();
    const rows = within(panel.getByRole('list', { name: 'Actions' })).getAllByRole('button');
    // Every action, and the entry Recflow added, selects its node.
    await expect(rows).toHaveLength(args.report.rows.length + args.report.added.length);
    const first = args.report.rows[0]!;
    await expect(rows[0]).toHaveTextContent(`${first.actionType} → ${first.kind}`);
    await expect(rows[0]).toHaveTextContent(first.path);
    await userEvent.click(rows[0]!);
    await expect(args.onJump).toHaveBeenCalledWith(first.nodeId);
    // Notes carry the JSON path of what they are about.
    const noted = args.report.rows.find((r) => r.notes.length > 0)!;
    await expect(panel.getAllByText(noted.notes[0]!.message)[0]).toBeVisible();
    await expect(panel.getAllByText(noted.notes[0]!.path).length).toBeGreaterThan(0);
    await userEvent.click(panel.getByRole('button', { name: 'Model Amazon Connect' }));
    await expect(args.onSwitchPreset).toHaveBeenCalled();
    await userEvent.click(panel.getByText(/Added with the flow/));
    await expect(panel.getByText(/phone number .* calling the flow/)).toBeVisible();
    await userEvent.click(panel.getByRole('button', { name: 'Close the import report' }));
    await expect(args.onClose).toHaveBeenCalled();
  },
};

/** On the Connect preset there is nothing to offer; once the import is undone the rows select nothing. */
export const OnPresetAfterUndo: Story = {
  args: { onPreset: true, flow: undefined },
  play: async ({ canvasElement }) => {
    const panel = within(within(canvasElement).getByRole('region', { name: 'Import report' }));
    await expect(panel.queryByRole('button', { name: 'Model Amazon Connect' })).toBeNull();
    await expect(panel.getByRole('status')).toHaveTextContent('no longer in the workspace');
    await expect(within(panel.getByRole('list', { name: 'Actions' })).queryAllByRole('button')).toHaveLength(0);
  },
};

const drawn = sampleFlow();
const exported = formatNamed('amazon-connect')!.exportFlow(drawn);
if (!exported.ok) throw new Error('the sample flow should export');

/** A flow drawn in Recflow, exported: what Connect cannot express is named by node with the reason. */
export const ExportOfADrawnFlow: StoryObj<typeof ExportReportView> = {
  render: () => <ExportReportView report={exported.report} flow={drawn} onJump={() => {}} />,
  play: async ({ canvasElement }) => {
    const view = within(canvasElement);
    await expect(view.getByText(new RegExp(`Amazon Connect: ${exported.report.rows.length} nodes exported`))).toBeVisible();
    const rows = within(view.getByRole('list', { name: 'Nodes' })).getAllByRole('button');
    await expect(rows).toHaveLength(exported.report.rows.length);
    for (const r of exported.report.rows.filter((x) => x.fidelity === 'not-simulated')) {
      for (const n of r.notes) await expect(view.getAllByText(n.message).length).toBeGreaterThan(0);
    }
  },
};

const studio = planImport(renewalsLine, ws, planAsPlatform);
if (studio.kind !== 'platform') throw new Error(`the Studio renewals line should import, got ${studio.kind}`);

/** A Twilio Studio definition: one row per widget with the JSON path of its state; the offer models Twilio Studio. */
export const TwilioStudioAfterImport: Story = {
  args: { report: studio.report, flow: studio.flow, standIns: studio.standIns, platformName: studio.platformName },
  play: async ({ canvasElement, args }) => {
    const panel = within(within(canvasElement).getByRole('region', { name: 'Import report' }));
    // As the CLI's header: rows whose notes include one part the simulation leaves out are counted.
    await expect(panel.getByText('Twilio Studio: 10 widgets imported — 6 simulated, 3 approximated, 1 not simulated (3 with a part not simulated)')).toBeVisible();
    const rows = within(panel.getByRole('list', { name: 'Widgets' })).getAllByRole('button');
    await expect(rows).toHaveLength(10);
    // The row keeps its fidelity; its note about the task's attributes is labelled as one part not simulated.
    await expect(rows[6]).toHaveTextContent(/^simulatedsend-to-flex → queue/);
    await expect(rows[6]).toHaveTextContent('$.states[6]');
    const flex = rows[6]!.closest('li')!;
    const part = within(flex).getByText(/task's attributes are not simulated/).closest('li')!;
    await expect(part).toHaveTextContent(/^not simulated \(one part\) the task's attributes/);
    await expect(within(part).getByText('not simulated (one part)')).toHaveClass('fidelity--part');
    // A note about the whole widget has no such label.
    const whole = within(flex).getByText(/Studio's default, 86400 s/).closest('li')!;
    await expect(whole).toHaveTextContent(/^simulated no task timeout/);
    // The connected call's record option, approximated, at its property's path.
    await expect(panel.getByText('$.states[7].properties.record')).toBeVisible();
    await userEvent.click(rows[2]!);
    await expect(args.onJump).toHaveBeenCalledWith('start_recording');
    await userEvent.click(panel.getByRole('button', { name: 'Model Twilio Studio' }));
    await expect(args.onSwitchPreset).toHaveBeenCalled();
    await userEvent.click(panel.getByText(/Added with the flow/));
    await expect(panel.getByText('agent “Stand-in agent of WW00000000000000000000000000renewals”')).toBeVisible();
  },
};

// The sample flow with its Recording node letting agents pause: Twilio pauses only through its REST API.
const drawnForStudio = sampleFlow();
nodeOfKind('recording', drawnForStudio).data.agentPause = 'enabled';
const toStudio = formatNamed('twilio-studio')!.exportFlow(drawnForStudio);
if (!toStudio.ok) throw new Error('the sample flow should export to Studio');

/** A flow drawn in Recflow, exported to Studio: what Studio cannot express (an agent's pause) is named by node with how it is approximated. */
export const ExportOfADrawnFlowToStudio: StoryObj<typeof ExportReportView> = {
  render: () => <ExportReportView report={toStudio.report} flow={drawnForStudio} onJump={() => {}} />,
  play: async ({ canvasElement }) => {
    const view = within(canvasElement);
    // The header says what the CLI's does, rows with a part not simulated counted.
    await expect(view.getByText(describeExport(toStudio.report).split('\n')[0]!)).toBeVisible();
    await expect(view.getByText(/nodes exported — .* \(\d+ with a part not simulated\)$/)).toBeVisible();
    for (const r of toStudio.report.rows)
      for (const n of r.notes.filter((x) => x.part)) {
        const note = view.getAllByText(n.message)[0]!.closest('li')!;
        await expect(note).toHaveTextContent(/^not simulated \(one part\) /);
      }
    const rows = within(view.getByRole('list', { name: 'Nodes' })).getAllByRole('button');
    await expect(rows).toHaveLength(toStudio.report.rows.length);
    const notes = toStudio.report.rows.flatMap((r) => r.notes);
    await expect(view.getByText(/cannot set whether agents may pause.*REST API/)).toBeVisible();
    for (const n of notes) await expect(view.getAllByText(n.message).length).toBeGreaterThan(0);
  },
};
