import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ProblemsProvider } from '../../editor/problems/ProblemsContext.tsx';
import { StoreProvider, useEditor } from '../../editor/store/react.tsx';
import { createEditorStore } from '../../editor/store/store.ts';
import { TopBar, useTheme } from '../../editor/TopBar.tsx';
import { Toasts } from '../../editor/ui/toast.tsx';
import { checkFlow } from '../../runtime/checks/checkFlow.ts';
import type { WorkspaceDoc } from '../../runtime/document/workspace.ts';
import { onPlatform } from '../../editor/settings/platform.ts';
import { sampleWorkspace } from '../fixtures.ts';

/** The first sample flow the checks report something for, so the problems count is not just zero. */
function flowWithProblems(ws: WorkspaceDoc) {
  const flow = ws.flows.find((f) => checkFlow(f, { workspace: ws }).length > 0);
  if (!flow) throw new Error('the sample workspace has no flow with problems');
  const problems = checkFlow(flow, { workspace: ws });
  return {
    flow,
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
  };
}

/** Which view the store is on, as the layout would show it. */
function ViewReadout() {
  const view = useEditor((s) => s.view);
  return <p data-testid="view">View: {view}</p>;
}

/**
 * The top bar over a real editor store and the real problems context, with the theme hook the layout uses;
 * the panel and dialog handlers it would open are spies (the layout owns those).
 */
function TopBarHarness({
  workspace,
  flowId,
  onImport,
  onExport,
  onHelp,
}: {
  workspace: () => WorkspaceDoc;
  flowId?: (ws: WorkspaceDoc) => string;
  onImport(): void;
  onExport(): void;
  onHelp(): void;
}) {
  const [store] = useState(() => {
    const ws = workspace();
    return createEditorStore(ws, flowId?.(ws));
  });
  const [theme, setTheme] = useTheme();
  const [problemsOpen, setProblemsOpen] = useState(true);
  return (
    <StoreProvider store={store}>
      <ProblemsProvider>
        <TopBar
          theme={theme}
          onToggleTheme={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
          problemsOpen={problemsOpen}
          onToggleProblems={() => setProblemsOpen((o) => !o)}
          onImport={onImport}
          onExport={onExport}
          onHelp={onHelp}
        />
        <ViewReadout />
        <Toasts />
      </ProblemsProvider>
    </StoreProvider>
  );
}

const meta = {
  title: 'Editor/Top bar',
  component: TopBarHarness,
  args: { workspace: sampleWorkspace, onImport: fn(), onExport: fn(), onHelp: fn() },
} satisfies Meta<typeof TopBarHarness>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The flow on screen is named in the field; the pill counts its problems as the flow checks report them and toggles the panel. */
export const FlowNameAndProblems: Story = {
  args: { flowId: (ws) => flowWithProblems(ws).flow.id },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const { flow, errors, warnings } = flowWithProblems(args.workspace());
    await expect(canvas.getByRole('textbox', { name: 'Flow name' })).toHaveValue(flow.name);
    await expect(canvas.getByTestId('error-count')).toHaveTextContent(`${errors} ${errors === 1 ? 'error' : 'errors'}`);
    await expect(canvas.getByTestId('warning-count')).toHaveTextContent(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
    const pill = canvas.getByRole('button', { name: /^Problems: / });
    await expect(pill).toHaveAccessibleName(
      `Problems: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`,
    );
    await expect(pill).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(pill);
    await expect(pill).toHaveAttribute('aria-pressed', 'false');
  },
};

/** A flow without problems shows a check and zero counts. */
export const NoProblems: Story = {
  args: { flowId: (ws) => ws.flows.find((f) => checkFlow(f, { workspace: ws }).length === 0)?.id ?? '' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Problems: 0 errors, 0 warnings' })).toBeVisible();
    await expect(canvas.getByTestId('error-count')).toHaveTextContent('0 errors');
    await expect(canvas.getByTestId('warning-count')).toHaveTextContent('0 warnings');
  },
};

/** Nothing to undo at first; renaming the flow enables Undo with the change's label; undoing restores the name and enables Redo. */
export const UndoAndRedo: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const original = args.workspace().flows[0]!.name;
    await expect(canvas.getByRole('button', { name: 'Undo' })).toBeDisabled();
    await expect(canvas.getByRole('button', { name: 'Redo' })).toBeDisabled();
    const name = canvas.getByRole('textbox', { name: 'Flow name' });
    await userEvent.clear(name);
    await userEvent.type(name, 'Renamed line{Enter}');
    await expect(name).toHaveValue('Renamed line');
    const undo = canvas.getByRole('button', { name: 'Undo Rename flow to "Renamed line"' });
    await expect(undo).toBeEnabled();
    await userEvent.click(undo);
    await expect(name).toHaveValue(original);
    await expect(canvas.getByRole('button', { name: 'Undo' })).toBeDisabled();
    const redo = canvas.getByRole('button', { name: 'Redo Rename flow to "Renamed line"' });
    await expect(redo).toBeEnabled();
    await userEvent.click(redo);
    await expect(name).toHaveValue('Renamed line');
  },
};

/** An empty name is refused with an error toast and the field shows the flow's name again. */
export const EmptyNameRefused: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const original = args.workspace().flows[0]!.name;
    const name = canvas.getByRole('textbox', { name: 'Flow name' });
    await userEvent.clear(name);
    await userEvent.keyboard('{Enter}');
    await expect(name).toHaveValue(original);
    await expect(canvas.getByText('A flow name must be 1 to 200 characters.')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Undo' })).toBeDisabled();
  },
};

/** The theme button flips `data-theme` on <html> and says which theme it switches to next. */
export const ThemeToggle: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const html = document.documentElement;
    await expect(html.dataset.theme).toBe('light');
    await userEvent.click(canvas.getByRole('button', { name: 'Switch to dark theme' }));
    await waitFor(() => expect(html.dataset.theme).toBe('dark'));
    await userEvent.click(canvas.getByRole('button', { name: 'Switch to light theme' }));
    await waitFor(() => expect(html.dataset.theme).toBe('light'));
    await expect(canvas.getByRole('button', { name: 'Switch to dark theme' })).toBeVisible();
  },
};

/** Import, Export and the shortcuts button hand off to the layout; Settings switches the store's view and hides the problems pill. */
export const ButtonsAndSettings: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Import' }));
    await expect(args.onImport).toHaveBeenCalledOnce();
    await userEvent.click(canvas.getByRole('button', { name: 'Export' }));
    await expect(args.onExport).toHaveBeenCalledOnce();
    await userEvent.click(canvas.getByRole('button', { name: 'Keyboard shortcuts' }));
    await expect(args.onHelp).toHaveBeenCalledOnce();
    const settings = canvas.getByRole('button', { name: 'Settings' });
    await expect(settings).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(settings);
    await expect(settings).toHaveAttribute('aria-pressed', 'true');
    await expect(canvas.getByTestId('view')).toHaveTextContent('View: settings');
    await expect(canvas.queryByRole('button', { name: /^Problems: / })).toBeNull();
    await userEvent.click(settings);
    await expect(canvas.getByTestId('view')).toHaveTextContent('View: canvas');
    await expect(canvas.getByRole('button', { name: /^Problems: / })).toBeVisible();
  },
};

/** R30: the platform the workspace models is always in sight; it opens the settings where it is chosen. */
export const PlatformShown: Story = {
  args: { workspace: () => onPlatform(sampleWorkspace(), 'amazon-connect') },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const pill = canvas.getByRole('button', { name: 'Platform: Amazon Connect' });
    await expect(pill).toHaveTextContent('Amazon Connect');
    pill.focus();
    await userEvent.keyboard('{Enter}');
    await expect(canvas.getByTestId('view')).toHaveTextContent('View: settings');
  },
};
