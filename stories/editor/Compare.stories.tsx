import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { type Baseline, comparisonOf } from '../../editor/compare/comparison.ts';
import { CompareDialog } from '../../editor/compare/CompareDialog.tsx';
import { ComparePanel } from '../../editor/compare/ComparePanel.tsx';
import { memoryScenarioStorage } from '../../editor/simulator/scenarioStorage.ts';
import type { SavedScenario } from '../../editor/simulator/scenarios.ts';
import { parseScenario } from '../../runtime/call/scenario.ts';
import { type FlowDoc, serializeFlow } from '../../runtime/document/flow.ts';
import { nodeOfKind, nodesOfKind, sampleFlow, sampleWorkspace } from '../fixtures.ts';

/**
 * The support line as published, and as edited since: recording switched off (R6), a menu option added and
 * routed to a new Hang up, the invalid-choice message removed (its port now ends the call), the notice moved.
 */
function editedSupportLine(): { published: FlowDoc; edited: FlowDoc } {
  const published = sampleFlow();
  const edited = structuredClone(published);
  nodeOfKind('recording', edited).data.record = 'off';
  const menu = nodeOfKind('menu', edited);
  menu.data.options.push({ digit: '3', label: 'Opening hours' });
  edited.nodes.push({ id: 'closed', kind: 'hangup', position: { x: 600, y: 700 }, data: { label: 'Closed for today' } });
  edited.edges.push({ id: 'e-menu-3', source: menu.id, sourcePort: '3', target: 'closed' });
  const invalid = nodesOfKind('play', edited).find((n) => !n.data.recordingNotice)!;
  edited.nodes = edited.nodes.filter((n) => n.id !== invalid.id);
  edited.edges = edited.edges.filter((e) => e.source !== invalid.id && e.target !== invalid.id);
  menu.endsCall = ['invalid'];
  nodeOfKind('play', edited).position.x += 48;
  edited.name = 'Support line (after hours)';
  return { published, edited };
}

const FILE = { source: 'file', fileName: 'support-line.flow.json' } as const;

const exampleScenarios = import.meta.glob<unknown>('../../examples/scenarios/*.json', { eager: true, import: 'default' });

/** A scenario as the simulator saves it, under `flowId`, from an example scenario file or a scenario value. */
function saved(id: string, flowId: string | null, source: string | object): SavedScenario {
  const parsed = parseScenario(typeof source === 'string' ? exampleScenarios[`../../examples/scenarios/${source}.json`] : source);
  if (!parsed.ok) throw new Error(`story data: ${id}: ${parsed.errors.map((e) => e.message).join('; ')}`);
  return { id, flowId, flowChoice: { kind: 'number' }, savedAt: '2026-11-20T09:00:00.000Z', scenario: parsed.value };
}

/** Saved scenarios of the support line (four), of the payments line and of no flow (those two are not the compared flows'). */
const savedScenarios = (): SavedScenario[] => [
  saved('tech', 'support-line', 'support-tech-answered'),
  saved('warm', 'support-line', 'support-warm-external'),
  saved('vm', 'support-line', 'support-voicemail'),
  saved('early', 'support-line', {
    name: 'Support: the caller hangs up during the notice',
    call: { direction: 'inbound', numberId: 'num-support', callerNumber: '+15550111' },
    actions: [{ at: 2, type: 'hangUp', party: 'contact' }],
  }),
  saved('card', 'payments-line', 'payments-card'),
  saved('out', null, 'outbound-support-number'),
];

function Panel({
  before,
  after,
  scenarios = [],
  onJump,
  onClose,
}: {
  before: FlowDoc;
  after: FlowDoc;
  scenarios?: SavedScenario[];
  onJump(nodeId: string): void;
  onClose(): void;
}) {
  const [storage] = useState(() => memoryScenarioStorage(scenarios));
  return (
    <div style={{ width: 900 }}>
      <ComparePanel
        comparison={comparisonOf({ ...FILE, flow: before }, before, after)}
        workspace={sampleWorkspace()}
        scenarioStorage={storage}
        onJump={onJump}
        onClose={onClose}
      />
    </div>
  );
}

const { published, edited } = editedSupportLine();

const meta = {
  title: 'Editor/Compare',
  component: Panel,
  args: { before: published, after: edited, onJump: fn(), onClose: fn() },
} satisfies Meta<typeof Panel>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Every kind of difference at once: changed fields old → new, a new node, a removed one, a moved one, connections, the name. */
export const AgainstPublishedVersion: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/against support-line\.flow\.json/)).toBeVisible();
    await expect(canvas.getByText('1 new · 2 changed · 1 removed · 1 moved · 3 connection changes · 1 flow property')).toBeVisible();
    const nodes = within(canvas.getByRole('region', { name: 'Nodes' }));
    const rec = nodeOfKind('recording', args.after);
    // R6: the Recording node's switch, old value struck through, new one inserted.
    const recItem = nodes.getByRole('button', { name: new RegExp(rec.data.label) }).closest('li')!;
    await expect(recItem).toHaveTextContent('record "on" → "off"');
    await expect(nodes.getByText('options[2]').closest('li')).toHaveTextContent('{"digit":"3","label":"Opening hours"}');
    // A removed node is listed but cannot be jumped to: it is not on the canvas.
    await expect(nodes.getByText('Invalid choice').closest('button')).toBeNull();
    await userEvent.click(nodes.getByRole('button', { name: /Closed for today/ }));
    await expect(args.onJump).toHaveBeenLastCalledWith('closed');
    const side = within(canvas.getByRole('region', { name: 'Connections and flow' }));
    const connections = side.getAllByRole('listitem').map((li) => li.textContent);
    await expect(connections).toContain('added“Main menu” 3 → “Closed for today”');
    await expect(connections).toContain('removed“Main menu” invalid → “Invalid choice”');
    await expect(side.getByText('name').closest('li')).toHaveTextContent('name "Support line" → "Support line (after hours)"');
    await userEvent.click(canvas.getByRole('button', { name: 'Stop comparing' }));
    await expect(args.onClose).toHaveBeenCalledOnce();
  },
};

/**
 * The saved scenarios of the compared flows, each run through both versions: the three that reached the Recording
 * node are no longer recorded (R6), the call that hung up during the notice records the same, and the scenarios of
 * other flows are not run.
 */
export const SavedScenariosRecordDifferently: Story = {
  args: { scenarios: savedScenarios() },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/· 3 of 4 saved scenarios record differently/)).toBeVisible();
    const section = within(canvas.getByRole('region', { name: 'Saved scenarios' }));
    await expect(section.getByText('3 of 4 saved scenarios record differently')).toBeVisible();
    const rows = section.getAllByRole('listitem').filter((li) => li.classList.contains('compare__scenario'));
    await expect(rows.map((r) => r.dataset.scenario)).toEqual([
      'Support: caller picks technical support, Ben answers',
      'Support: Ana warm-transfers to an outside number (continue-on-external off)',
      'Support: nobody answers, the caller leaves a voicemail',
    ]);
    await expect(rows[0]).toHaveTextContent('no longer recorded');
    await expect(rows[0]).toHaveTextContent('dual −132 s · 1 segment vanished');
    await expect(rows[0]).toHaveTextContent('because Recording "Record support call" (record): record: "on" → "off"');
  },
};

/** With no saved scenario for the compared flows, the panel says so. */
export const NoSavedScenarios: Story = {
  args: { scenarios: [saved('card', 'payments-line', 'payments-card')] },
  play: async ({ canvasElement }) => {
    const section = within(within(canvasElement).getByRole('region', { name: 'Saved scenarios' }));
    await expect(await section.findByText('no saved scenarios for these flows')).toBeVisible();
  },
};

/** Two copies of the same flow: one line, no list. */
export const NoDifferences: Story = {
  args: { after: structuredClone(published) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('no differences')).toBeVisible();
    await expect(canvas.queryByRole('region', { name: 'Nodes' })).toBeNull();
  },
};

/** Automatic layout moved every node: listed, and marked as changing nothing a call does. */
export const LayoutOnly: Story = {
  args: {
    after: { ...published, nodes: published.nodes.map((n) => ({ ...n, position: { x: n.position.x + 16, y: n.position.y } })) },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(`${published.nodes.length} moved`)).toBeVisible();
    await expect(canvas.getByText(/only the layout: calls go the same way/)).toBeVisible();
  },
};

function Chooser({ flows, onCompare, onClose }: { flows: FlowDoc[]; onCompare(b: Baseline): void; onClose(): void }) {
  return <CompareDialog current={flows[0]!} flows={flows} onCompare={onCompare} onClose={onClose} />;
}

const body = (root: HTMLElement) => within(root.ownerDocument.body);
const upload = (root: HTMLElement, name: string, text: string) =>
  userEvent.upload(body(root).getByTestId('compare-file-input'), new File([text], name, { type: 'application/json' }));

/** The dialog offers the workspace's other flows; Compare starts with the one chosen. */
export const ChooseAnotherFlow: StoryObj<typeof Chooser> = {
  render: (args) => <Chooser {...args} />,
  args: { flows: sampleWorkspace().flows, onCompare: fn(), onClose: fn() },
  play: async ({ canvasElement, args }) => {
    const dialog = within(await body(canvasElement).findByRole('dialog', { name: `Compare “${args.flows[0]!.name}” with…` }));
    const select = dialog.getByRole('combobox', { name: 'Flow to compare with' });
    // The flow on screen is not offered.
    await expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(args.flows.slice(1).map((f) => f.name));
    await userEvent.selectOptions(select, args.flows[2]!.id);
    await userEvent.click(dialog.getByRole('button', { name: 'Compare' }));
    await expect(args.onCompare).toHaveBeenCalledWith({ source: 'flow', flowId: args.flows[2]!.id });
  },
};

/** A file that is not a valid flow shows its errors with their JSON paths, and Compare stays off; a good file then enables it. */
export const ChooseAFile: StoryObj<typeof Chooser> = {
  render: (args) => <Chooser {...args} />,
  args: { flows: [sampleFlow()], onCompare: fn(), onClose: fn() },
  play: async ({ canvasElement, args }) => {
    const dialog = within(await body(canvasElement).findByRole('dialog'));
    // Only one flow in the workspace: nothing to pick there, and the dialog says what to do instead.
    await expect(dialog.getByRole('radio', { name: 'Another flow in this workspace' })).toBeDisabled();
    await expect(dialog.getByText(/Duplicate this one before editing/)).toBeVisible();
    const broken = JSON.parse(serializeFlow(sampleFlow())) as { nodes: Array<{ data: Record<string, unknown> }> };
    broken.nodes[1]!.data.durationSeconds = 'five';
    await upload(canvasElement, 'broken.flow.json', JSON.stringify(broken));
    const alert = await dialog.findByRole('alert');
    await expect(alert).toHaveTextContent('broken.flow.json is not a flow Recflow can read');
    await expect(alert).toHaveTextContent('$.nodes[1].data.durationSeconds');
    await expect(dialog.getByRole('button', { name: 'Compare' })).toBeDisabled();
    await upload(canvasElement, 'published.flow.json', serializeFlow(published));
    await waitFor(() => expect(dialog.queryByRole('alert')).toBeNull());
    await expect(dialog.getByText('published.flow.json')).toBeVisible();
    await userEvent.click(dialog.getByRole('button', { name: 'Compare' }));
    await expect(args.onCompare).toHaveBeenCalledWith({ source: 'file', fileName: 'published.flow.json', flow: published });
  },
};
