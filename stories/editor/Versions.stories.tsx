import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import type { PublishedVersion } from '../../runtime/document/workspace.ts';
import { HistoryPanel } from '../../editor/versions/HistoryPanel.tsx';
import { PublishDialog } from '../../editor/versions/PublishDialog.tsx';
import { nodeOfKind, problemsOf, sampleWorkspace } from '../fixtures.ts';

const ws = sampleWorkspace();
const flow = ws.flows[0]!;
const version = (number: number, note: string, publisher: string, day: number): PublishedVersion => ({
  flowId: flow.id,
  number,
  note,
  publisher,
  publishedAt: `2026-11-${String(day).padStart(2, '0')}T09:30:00.000Z`,
  flow: structuredClone(flow),
});
const versions = [version(3, 'Card payments are no longer recorded', 'Ana Admin', 28), version(2, '', 'Ben Ops', 20), version(1, 'Go live', 'Ana Admin', 2)];

const broken = sampleWorkspace();
const brokenFlow = broken.flows[0]!;
const play = nodeOfKind('play', brokenFlow);
brokenFlow.edges = brokenFlow.edges.filter((e) => e.source !== play.id);
const brokenErrors = problemsOf(brokenFlow, broken).filter((p) => p.severity === 'error');

const publishMeta = {
  title: 'Editor/Versions',
  component: PublishDialog,
  args: {
    flow,
    nextNumber: 4,
    errors: [],
    warnings: [],
    latest: versions[0],
    unchanged: false,
    publisher: 'Ana Admin',
    onPublisherChange: fn(),
    onPublish: fn((note: string) => ({ ok: true as const, version: { ...version(4, note, 'Ana Admin', 30) } })),
    onDownload: fn(),
    onJump: fn(),
    onClose: fn(),
  },
} satisfies Meta<typeof PublishDialog>;

export default publishMeta;
type Story = StoryObj<typeof publishMeta>;

const body = (root: HTMLElement) => within(root.ownerDocument.body);

/** Publishing with a note records the version, then offers the production export of it. */
export const Publish: Story = {
  play: async ({ canvasElement, args }) => {
    const dialog = within(body(canvasElement).getByRole('dialog', { name: `Publish “${flow.name}”` }));
    await expect(dialog.getByText(/The latest is version 3/)).toBeVisible();
    await expect(dialog.getByLabelText('Published by')).toHaveValue('Ana Admin');
    await userEvent.type(dialog.getByLabelText('Note'), 'Menu option 3 added');
    await userEvent.click(dialog.getByRole('button', { name: 'Publish version 4' }));
    await expect(args.onPublish).toHaveBeenCalledWith('Menu option 3 added');
    const done = within(await body(canvasElement).findByRole('dialog', { name: 'Published version 4' }));
    await expect(done.getByRole('status')).toHaveTextContent('version 4 is recorded by Ana Admin');
    await userEvent.click(done.getByRole('button', { name: 'Download production JSON' }));
    await expect(args.onDownload).toHaveBeenCalledWith(expect.objectContaining({ number: 4 }));
  },
};

/** Errors block publishing, as they block export; an error is a button that selects its node. */
export const BlockedByErrors: Story = {
  args: { flow: brokenFlow, errors: brokenErrors },
  play: async ({ canvasElement, args }) => {
    const dialog = within(body(canvasElement).getByRole('dialog', { name: `Publish “${brokenFlow.name}”` }));
    await expect(args.errors.length).toBeGreaterThan(0);
    await expect(dialog.getByRole('button', { name: 'Publish version 4' })).toBeDisabled();
    const alert = within(dialog.getByRole('alert'));
    await expect(dialog.getByRole('alert')).toHaveTextContent(/^Publishing is blocked/);
    await userEvent.click(alert.getAllByRole('button')[0]!);
    await expect(args.onJump).toHaveBeenCalledWith(args.errors[0]!.nodeId);
  },
};

/** The history: the draft and every version with its note, publisher and time; compare two, compare with the draft, restore. */
export const History: StoryObj<typeof HistoryPanel> = {
  render: (args) => (
    <div style={{ height: 320, display: 'grid' }}>
      <HistoryPanel {...args} />
    </div>
  ),
  args: {
    flow,
    versions,
    sameAs: null,
    onCompare: fn(),
    onRestore: fn(),
    onDownload: fn(),
    onPublish: fn(),
    onClose: fn(),
  },
  play: async ({ canvasElement, args }) => {
    const panel = within(within(canvasElement).getByRole('region', { name: 'History' }));
    const rows = within(panel.getByRole('list', { name: 'Versions' })).getAllByRole('listitem');
    await expect(rows.map((r) => r.dataset.version)).toEqual(['draft', '3', '2', '1']);
    await expect(rows[0]).toHaveTextContent('changed since version 3');
    await expect(rows[1]).toHaveTextContent('Card payments are no longer recorded');
    await expect(rows[1]).toHaveTextContent('Ana Admin');
    await expect(rows[2]).toHaveTextContent('no note');
    const group = within(panel.getByRole('group', { name: 'Compare two versions' }));
    await userEvent.selectOptions(group.getAllByRole('combobox')[0]!, '1');
    await userEvent.selectOptions(group.getAllByRole('combobox')[1]!, '3');
    await userEvent.click(group.getByRole('button', { name: 'Compare' }));
    await expect(args.onCompare).toHaveBeenCalledWith(1, 3);
    await userEvent.click(panel.getByRole('button', { name: 'Compare version 2 with the draft' }));
    await expect(args.onCompare).toHaveBeenCalledWith(2, 'draft');
    await userEvent.click(panel.getByRole('button', { name: 'Restore version 2' }));
    await expect(args.onRestore).toHaveBeenCalledWith(2);
  },
};
