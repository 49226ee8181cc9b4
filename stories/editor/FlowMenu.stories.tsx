import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { FlowMenu } from '../../editor/FlowMenu.tsx';
import { StoreProvider, useCurrentFlow, useEditor } from '../../editor/store/react.tsx';
import { createEditorStore } from '../../editor/store/store.ts';
import { Toasts } from '../../editor/ui/toast.tsx';
import type { WorkspaceDoc } from '../../runtime/document/workspace.ts';
import { sampleWorkspace } from '../fixtures.ts';

/** What the rest of the editor would show: the flow on screen and how many flows exist. */
function Readout() {
  const flow = useCurrentFlow();
  const count = useEditor((s) => s.workspace.flows.length);
  return (
    <p data-testid="readout">
      On screen: <strong data-testid="current-flow">{flow?.name}</strong> ({count} flows)
    </p>
  );
}

/** The menu over a real editor store, beside the top bar's flow name field (which the Rename item focuses) and the toasts. */
function FlowMenuHarness({ workspace, onBlankWorkspace, onCompare }: { workspace: () => WorkspaceDoc; onBlankWorkspace(): void; onCompare(): void }) {
  const [store] = useState(() => createEditorStore(workspace()));
  return (
    <StoreProvider store={store}>
      <div className="topbar" style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
        <FlowMenu onBlankWorkspace={onBlankWorkspace} onCompare={onCompare} />
        <input className="flow-name" aria-label="Flow name" defaultValue={store.getState().workspace.flows[0]?.name} />
      </div>
      <Readout />
      <Toasts />
    </StoreProvider>
  );
}

const meta = {
  title: 'Editor/Flow menu',
  component: FlowMenuHarness,
  args: { workspace: sampleWorkspace, onBlankWorkspace: fn(), onCompare: fn() },
} satisfies Meta<typeof FlowMenuHarness>;

export default meta;
type Story = StoryObj<typeof meta>;

const openMenu = async (canvasElement: HTMLElement) => {
  const canvas = within(canvasElement);
  await userEvent.click(canvas.getByRole('button', { name: /Flows/ }));
  return within(canvas.getByRole('menu', { name: 'Flows' }));
};

/** Every flow of the workspace is listed with its node count; picking one puts it on screen and closes the menu. */
export const SwitchFlow: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const ws = args.workspace();
    const [first, second] = ws.flows;
    await expect(canvas.getByRole('button', { name: /Flows/ })).toHaveTextContent(String(ws.flows.length));
    const menu = await openMenu(canvasElement);
    const items = menu.getAllByRole('menuitemradio');
    await expect(items).toHaveLength(ws.flows.length);
    await expect(menu.getByRole('menuitemradio', { name: new RegExp(first!.name) })).toHaveAttribute('aria-checked', 'true');
    await expect(menu.getByRole('menuitemradio', { name: new RegExp(second!.name) })).toHaveTextContent(`${second!.nodes.length} nodes`);
    await userEvent.click(menu.getByRole('menuitemradio', { name: new RegExp(second!.name) }));
    await expect(canvas.queryByRole('menu')).toBeNull();
    await expect(canvas.getByTestId('current-flow')).toHaveTextContent(second!.name);
  },
};

/** Arrow keys move through the items, Escape closes the menu and gives focus back to its button. */
export const KeyboardNavigation: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const menu = await openMenu(canvasElement);
    const items = [...menu.getAllByRole('menuitemradio'), ...menu.getAllByRole('menuitem')];
    await expect(items[0]).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    await expect(items[1]).toHaveFocus();
    await userEvent.keyboard('{ArrowUp}{ArrowUp}');
    await expect(items.at(-1)).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await expect(canvas.queryByRole('menu')).toBeNull();
    await expect(canvas.getByRole('button', { name: /Flows/ })).toHaveFocus();
  },
};

/** A new flow is created and shown; the toast's Undo removes it again. */
export const CreateAndUndo: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const count = args.workspace().flows.length;
    const menu = await openMenu(canvasElement);
    await userEvent.click(menu.getByRole('menuitem', { name: 'New flow' }));
    await expect(canvas.getByTestId('current-flow')).toHaveTextContent('New flow');
    await expect(canvas.getByTestId('readout')).toHaveTextContent(`(${count + 1} flows)`);
    const toast = within(canvas.getByRole('status'));
    await expect(toast.getByText('Created a new flow.')).toBeVisible();
    await userEvent.click(toast.getByRole('button', { name: 'Undo' }));
    await expect(canvas.getByTestId('readout')).toHaveTextContent(`(${count} flows)`);
    await expect(toast.queryByText('Created a new flow.')).toBeNull();
  },
};

/** Duplicate copies the flow on screen under a new name; Delete removes the flow on screen. */
export const DuplicateThenDelete: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const ws = args.workspace();
    const name = ws.flows[0]!.name;
    let menu = await openMenu(canvasElement);
    await userEvent.click(menu.getByRole('menuitem', { name: `Duplicate “${name}”` }));
    await expect(canvas.getByTestId('readout')).toHaveTextContent(`(${ws.flows.length + 1} flows)`);
    await expect(canvas.getByText(`Duplicated “${name}”.`)).toBeVisible();
    const copyName = canvas.getByTestId('current-flow').textContent ?? '';
    await expect(copyName).not.toBe('');
    menu = await openMenu(canvasElement);
    await expect(menu.getAllByRole('menuitemradio').filter((i) => i.textContent?.includes(copyName))).toHaveLength(1);
    await userEvent.click(menu.getByRole('menuitem', { name: `Delete “${copyName}”` }));
    await expect(canvas.getByTestId('readout')).toHaveTextContent(`(${ws.flows.length} flows)`);
    await expect(canvas.getByText(`Deleted “${copyName}”.`)).toBeVisible();
    menu = await openMenu(canvasElement);
    await expect(menu.queryByRole('menuitemradio', { name: new RegExp(copyName) })).toBeNull();
  },
};

/** Deleting a flow that Flow nodes of other flows continue calls in says how many now name a missing flow. */
export const DeleteFlowOthersSendCallsTo: Story = {
  args: {
    workspace: () => {
      const ws = sampleWorkspace();
      const [target, other] = ws.flows;
      other!.nodes.push({ id: 'to-target', kind: 'flow', position: { x: 0, y: 900 }, data: { label: 'Hand over', flowId: target!.id, returns: false } });
      return ws;
    },
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const name = args.workspace().flows[0]!.name;
    const menu = await openMenu(canvasElement);
    await userEvent.click(menu.getByRole('menuitem', { name: `Delete “${name}”` }));
    await expect(canvas.getByText(`Deleted “${name}”. 1 node still sends calls to it.`)).toBeVisible();
  },
};

/** A workspace keeps at least one flow: with a single flow, Delete is disabled and says why. */
export const LastFlowCannotBeDeleted: Story = {
  args: {
    workspace: () => {
      const ws = sampleWorkspace();
      ws.flows = ws.flows.slice(0, 1);
      for (const n of ws.numbers) if (n.flowId !== ws.flows[0]!.id) n.flowId = null;
      return ws;
    },
  },
  play: async ({ canvasElement, args }) => {
    const menu = await openMenu(canvasElement);
    const name = args.workspace().flows[0]!.name;
    const del = menu.getByRole('menuitem', { name: `Delete “${name}”` });
    await expect(del).toBeDisabled();
    await expect(del).toHaveAttribute('title', 'A workspace keeps at least one flow.');
  },
};

/** Rename hands over to the name field beside the menu; blank workspace is the app's call. */
export const RenameAndBlankWorkspace: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const name = args.workspace().flows[0]!.name;
    let menu = await openMenu(canvasElement);
    await userEvent.click(menu.getByRole('menuitem', { name: `Rename “${name}”…` }));
    const field = canvas.getByRole('textbox', { name: 'Flow name' }) as HTMLInputElement;
    await waitFor(() => expect(field).toHaveFocus());
    await expect(field.selectionEnd! - field.selectionStart!).toBe(name.length);
    menu = await openMenu(canvasElement);
    await userEvent.click(menu.getByRole('menuitem', { name: 'Start a blank workspace' }));
    await expect(args.onBlankWorkspace).toHaveBeenCalledTimes(1);
    await expect(canvas.queryByRole('menu')).toBeNull();
  },
};

/** "Compare … with…" names the flow on screen, closes the menu and hands over to the compare dialog. */
export const CompareWith: Story = {
  play: async ({ canvasElement, args }) => {
    const first = args.workspace().flows[0]!;
    const menu = await openMenu(canvasElement);
    await userEvent.click(menu.getByRole('menuitem', { name: `Compare “${first.name}” with…` }));
    await expect(args.onCompare).toHaveBeenCalledOnce();
    await expect(within(canvasElement).queryByRole('menu')).toBeNull();
  },
};
