import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ProblemsPanel } from '../../editor/problems/ProblemsPanel.tsx';
import { ProblemsProvider } from '../../editor/problems/ProblemsContext.tsx';
import { StoreProvider } from '../../editor/store/react.tsx';
import { createEditorStore } from '../../editor/store/store.ts';
import type { FlowDoc } from '../../runtime/document/flow.ts';
import type { WorkspaceDoc } from '../../runtime/document/workspace.ts';
import { nodeOfKind, problemsOf, sampleWorkspace } from '../fixtures.ts';

/** The sample workspace with its first flow damaged: a port left open, an empty message, a menu that waits forever. */
function brokenWorkspace(): WorkspaceDoc {
  const ws = sampleWorkspace();
  const flow = ws.flows[0]!;
  const play = nodeOfKind('play', flow);
  play.data.text = '';
  const menu = nodeOfKind('menu', flow);
  menu.data.timeoutSeconds = null;
  flow.edges = flow.edges.filter((e) => !(e.source === menu.id && e.sourcePort === 'timeout'));
  const transfer = nodeOfKind('transfer', flow);
  flow.edges = flow.edges.filter((e) => e.source !== transfer.id);
  transfer.endsCall = [];
  return ws;
}

function Panel({ workspace, onJump, onClose }: { workspace: WorkspaceDoc; onJump(nodeId: string): void; onClose(): void }) {
  const store = createEditorStore(workspace, workspace.flows[0]!.id);
  return (
    <StoreProvider store={store}>
      <ProblemsProvider>
        <div style={{ width: 640 }}>
          <ProblemsPanel flow={workspace.flows[0] as FlowDoc} onJump={onJump} onClose={onClose} />
        </div>
      </ProblemsProvider>
    </StoreProvider>
  );
}

const meta = {
  title: 'Editor/Problems panel',
  component: Panel,
  args: { workspace: brokenWorkspace(), onJump: fn(), onClose: fn() },
} satisfies Meta<typeof Panel>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Errors apart from warnings; clicking one jumps to its node. */
export const WithProblems: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const expected = problemsOf(args.workspace.flows[0]!, args.workspace);
    const errors = expected.filter((p) => p.severity === 'error');
    const warnings = expected.filter((p) => p.severity === 'warning');
    await expect(errors.length).toBeGreaterThan(0);
    await expect(warnings.length).toBeGreaterThan(0);
    const errorGroup = canvas.getByRole('region', { name: 'Errors' });
    const warningGroup = canvas.getByRole('region', { name: 'Warnings' });
    await expect(within(errorGroup).getAllByRole('listitem')).toHaveLength(errors.length);
    await expect(within(warningGroup).getAllByRole('listitem')).toHaveLength(warnings.length);
    await expect(canvas.getByText('Errors block export to production; warnings do not.')).toBeVisible();
    const first = errors.find((p) => p.nodeId !== undefined)!;
    await userEvent.click(within(errorGroup).getAllByRole('button')[errors.indexOf(first)]!);
    await expect(args.onJump).toHaveBeenCalledWith(first.nodeId);
    await userEvent.click(canvas.getByRole('button', { name: 'Hide problems' }));
    await expect(args.onClose).toHaveBeenCalledOnce();
  },
};

/** A clean flow says so instead of showing an empty list. */
export const NoProblems: Story = {
  args: { workspace: sampleWorkspace() },
  play: async ({ canvasElement, args }) => {
    await expect(problemsOf(args.workspace.flows[0]!, args.workspace)).toHaveLength(0);
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/No problems/)).toBeVisible();
    await expect(canvas.queryByRole('region', { name: 'Errors' })).toBeNull();
  },
};
