import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { useImport } from '../../editor/io/IoDialogs.tsx';
import { StoreProvider, useCurrentFlow, useEditor } from '../../editor/store/react.tsx';
import { createEditorStore } from '../../editor/store/store.ts';
import { Toasts } from '../../editor/ui/toast.tsx';
import { serializeFlow } from '../../runtime/document/flow.ts';
import { serializeWorkspace } from '../../runtime/document/workspace.ts';
import supportLine from '../../examples/amazon-connect/support-line.json?raw';
import startNamesNothing from '../../runtime/platforms/amazon-connect/fixtures/refused/start-names-nothing.json?raw';
import olderExport from '../../runtime/platforms/amazon-connect/fixtures/refused/older-export.json?raw';
import studioLegacy from '../../runtime/platforms/twilio-studio/fixtures/refused/legacy-export.json?raw';
import notStudio from '../../runtime/platforms/twilio-studio/fixtures/refused/not-studio.json?raw';
import renewalsLine from '../../runtime/platforms/twilio-studio/fixtures/renewals-line.json?raw';
import { nodeOfKind, sampleFlow, sampleWorkspace } from '../fixtures.ts';

/** The app's import as it is wired: the hidden file input, the dialog useImport decides on, the toasts, and what the store holds. */
function ImportArea() {
  const { dialog, fileInput } = useImport();
  const name = useEditor((s) => s.workspace.name);
  const count = useEditor((s) => s.workspace.flows.length);
  const flow = useCurrentFlow();
  return (
    <>
      {fileInput}
      <p data-testid="readout">
        Workspace “{name}”, {count} flows, on screen: {flow?.name}
      </p>
      {dialog}
      <Toasts />
    </>
  );
}

function ImportHarness() {
  const [store] = useState(() => createEditorStore(sampleWorkspace()));
  return (
    <StoreProvider store={store}>
      <ImportArea />
    </StoreProvider>
  );
}

const meta = {
  title: 'Editor/Import dialogs',
  component: ImportHarness,
} satisfies Meta<typeof ImportHarness>;

export default meta;
type Story = StoryObj<typeof meta>;

const ws = sampleWorkspace();
const readout = (root: HTMLElement) => within(root).getByTestId('readout');
const pick = async (root: HTMLElement, name: string, text: string) =>
  userEvent.upload(within(root).getByTestId('import-input'), new File([text], name, { type: 'application/json' }));
const body = (root: HTMLElement) => within(root.ownerDocument.body);

/** A file that is not JSON is refused with its error and its JSON path; nothing changes. */
export const RefusedNotJson: Story = {
  play: async ({ canvasElement }) => {
    await pick(canvasElement, 'notes.json', '{ "format": "recflow.flow", ');
    const dialog = within(await body(canvasElement).findByRole('dialog', { name: 'Could not import notes.json' }));
    await expect(dialog.getByText('Nothing was changed. The file has these problems:')).toBeVisible();
    await expect(dialog.getAllByRole('listitem').length).toBeGreaterThan(0);
    await expect(dialog.getAllByRole('listitem')[0]).toHaveTextContent('$');
    await userEvent.click(dialog.getByRole('button', { name: 'OK' }));
    await expect(body(canvasElement).queryByRole('dialog')).toBeNull();
    await expect(readout(canvasElement)).toHaveTextContent(`${ws.flows.length} flows`);
  },
};

/** A flow with a broken node is refused: each error names the path of the bad field. */
export const RefusedInvalidFlow: Story = {
  play: async ({ canvasElement }) => {
    const sample = sampleFlow();
    const play = sample.nodes.indexOf(nodeOfKind('play', sample));
    const flow = JSON.parse(serializeFlow(sample)) as { nodes: Array<{ data: Record<string, unknown> }> };
    flow.nodes[play]!.data.durationSeconds = 'five';
    await pick(canvasElement, 'broken.flow.json', JSON.stringify(flow));
    const dialog = within(await body(canvasElement).findByRole('dialog', { name: 'Could not import broken.flow.json' }));
    const paths = dialog.getAllByRole('listitem').map((li) => li.querySelector('code')?.textContent ?? '');
    await expect(paths.some((p) => p.includes(`nodes[${play}]`))).toBe(true);
    await userEvent.keyboard('{Escape}');
    await expect(body(canvasElement).queryByRole('dialog')).toBeNull();
    await expect(readout(canvasElement)).toHaveTextContent(`${ws.flows.length} flows`);
  },
};

/** A flow whose id is taken asks first; "As a new flow" adds it under a fresh id and a free name, and the toast says so and offers Undo. */
export const SameIdAsNewFlow: Story = {
  play: async ({ canvasElement }) => {
    const flow = sampleFlow();
    await pick(canvasElement, `${flow.id}.flow.json`, serializeFlow(flow));
    const dialog = within(await body(canvasElement).findByRole('dialog', { name: `Import “${flow.name}”` }));
    await expect(dialog.getByRole('button', { name: `As the next version of “${flow.name}”` })).toBeVisible();
    await expect(dialog.getByText(/the file is added beside it as/)).toHaveTextContent(`as “${flow.name} (2)” (id “${flow.id}-2”)`);
    await userEvent.click(dialog.getByRole('button', { name: 'As a new flow' }));
    const toasts = within(within(canvasElement).getByRole('status'));
    const toast = await toasts.findByText(new RegExp(`id “${flow.id}” was taken`));
    await expect(toast).toHaveTextContent(`another flow is called “${flow.name}”, so it is “${flow.name} (2)”`);
    await expect(body(canvasElement).queryByRole('dialog')).toBeNull();
    await expect(readout(canvasElement)).toHaveTextContent(`${ws.flows.length + 1} flows`);
    await userEvent.click(toasts.getAllByRole('button', { name: 'Undo' }).at(-1)!);
    await expect(readout(canvasElement)).toHaveTextContent(`${ws.flows.length} flows`);
  },
};

/** "As the next version" makes the file the draft of the flow with its id: no flow is added. */
export const SameIdAsNextVersion: Story = {
  play: async ({ canvasElement }) => {
    const flow = { ...sampleFlow(), name: 'Support line from the file' };
    await pick(canvasElement, `${flow.id}.flow.json`, serializeFlow(flow));
    const dialog = within(await body(canvasElement).findByRole('dialog', { name: 'Import “Support line from the file”' }));
    await userEvent.click(dialog.getByRole('button', { name: /^As the next version of/ }));
    await expect(readout(canvasElement)).toHaveTextContent(`${ws.flows.length} flows, on screen: Support line from the file`);
    const toasts = within(within(canvasElement).getByRole('status'));
    await expect(await toasts.findByText(/as the next version: it is the draft now/)).toBeVisible();
  },
};

/** A whole workspace asks first; Cancel keeps the current one. */
export const ConfirmWorkspaceCancel: Story = {
  play: async ({ canvasElement }) => {
    const other = sampleWorkspace();
    other.name = 'Branch office';
    other.flows = other.flows.slice(0, 1);
    for (const n of other.numbers) if (n.flowId !== other.flows[0]!.id) n.flowId = null;
    await pick(canvasElement, 'branch.workspace.json', serializeWorkspace(other));
    const dialog = within(await body(canvasElement).findByRole('dialog', { name: 'Replace the workspace?' }));
    await expect(dialog.getByText(/is a whole workspace, “Branch office”, with 1 flow,/)).toBeVisible();
    await expect(dialog.getByText(new RegExp(`${other.numbers.length} numbers, ${other.agents.length} agents and 0 saved scenarios`))).toBeVisible();
    await userEvent.click(dialog.getByRole('button', { name: 'Cancel' }));
    await expect(body(canvasElement).queryByRole('dialog')).toBeNull();
    await expect(readout(canvasElement)).toHaveTextContent(`Workspace “${ws.name}”, ${ws.flows.length} flows`);
  },
};

/** Replace workspace swaps everything in one undoable step. */
export const ConfirmWorkspaceReplace: Story = {
  play: async ({ canvasElement }) => {
    const other = sampleWorkspace();
    other.name = 'Branch office';
    await pick(canvasElement, 'branch.workspace.json', serializeWorkspace(other));
    const dialog = within(await body(canvasElement).findByRole('dialog', { name: 'Replace the workspace?' }));
    await userEvent.click(dialog.getByRole('button', { name: 'Replace workspace' }));
    await expect(body(canvasElement).queryByRole('dialog')).toBeNull();
    await expect(readout(canvasElement)).toHaveTextContent('Workspace “Branch office”');
    const toasts = within(within(canvasElement).getByRole('status'));
    await expect(toasts.getByText('Opened workspace “Branch office”.')).toBeVisible();
    await userEvent.click(toasts.getAllByRole('button', { name: 'Undo' }).at(-1)!);
    await expect(readout(canvasElement)).toHaveTextContent(`Workspace “${ws.name}”`);
  },
};

/** An Amazon Connect flow is told from its content and added as one step, with Undo; its id is taken here, so it gets another. */
export const AmazonConnectFlow: Story = {
  play: async ({ canvasElement }) => {
    await pick(canvasElement, 'support.json', supportLine);
    const toasts = within(within(canvasElement).getByRole('status'));
    await expect(await toasts.findByText('Imported the Amazon Connect flow “Support line” as “support-line-2” (id “support-line” was taken).')).toBeVisible();
    await expect(readout(canvasElement)).toHaveTextContent(`${ws.flows.length + 1} flows, on screen: Support line`);
    await userEvent.click(toasts.getAllByRole('button', { name: 'Undo' }).at(-1)!);
    await expect(readout(canvasElement)).toHaveTextContent(`${ws.flows.length} flows`);
  },
};

/** A Connect flow whose StartAction names no action is refused with the JSON path. */
export const AmazonConnectRefused: Story = {
  play: async ({ canvasElement }) => {
    await pick(canvasElement, 'start.json', startNamesNothing);
    const dialog = within(await body(canvasElement).findByRole('dialog', { name: 'Could not import start.json' }));
    await expect(dialog.getByText('$.StartAction')).toBeVisible();
    await expect(dialog.getByText(/names no action/)).toBeVisible();
    await expect(readout(canvasElement)).toHaveTextContent(`${ws.flows.length} flows`);
  },
};

/** An older console export is refused by name, saying how to get the flow language. */
export const AmazonConnectOlderExport: Story = {
  play: async ({ canvasElement }) => {
    await pick(canvasElement, 'old.json', olderExport);
    const dialog = within(await body(canvasElement).findByRole('dialog', { name: 'Could not import old.json' }));
    await expect(dialog.getByText('$.modules')).toBeVisible();
    await expect(dialog.getByText(/older Amazon Connect console export .* Save > Export flow/)).toBeVisible();
  },
};

/** A Twilio Studio flow definition is told from its content and added as one step, with Undo. */
export const TwilioStudioFlow: Story = {
  play: async ({ canvasElement }) => {
    await pick(canvasElement, 'renewals.json', renewalsLine);
    const toasts = within(within(canvasElement).getByRole('status'));
    await expect(await toasts.findByText('Imported the Twilio Studio flow “Policy renewals”.')).toBeVisible();
    await expect(readout(canvasElement)).toHaveTextContent(`${ws.flows.length + 1} flows, on screen: Policy renewals`);
    await userEvent.click(toasts.getAllByRole('button', { name: 'Undo' }).at(-1)!);
    await expect(readout(canvasElement)).toHaveTextContent(`${ws.flows.length} flows`);
  },
};

/** Twilio's legacy export is refused by name, with the JSON path and how to get the definition, said once. */
export const TwilioStudioLegacyExport: Story = {
  play: async ({ canvasElement }) => {
    await pick(canvasElement, 'legacy.json', studioLegacy);
    const dialog = within(await body(canvasElement).findByRole('dialog', { name: 'Could not import legacy.json' }));
    await expect(dialog.getByText('$.InitialState')).toBeVisible();
    await expect(dialog.getByText(/^Twilio's legacy export \(InitialState, ConnectCaller\).*Trigger > Show Flow JSON/)).toBeVisible();
    await expect(dialog.queryByText(/^It is /)).toBeNull();
    await expect(readout(canvasElement)).toHaveTextContent(`${ws.flows.length} flows`);
  },
};

/** A file that is no Recflow document and no platform's flow is refused naming every kind of file the editor imports. */
export const NeitherRecflowNorAPlatform: Story = {
  play: async ({ canvasElement }) => {
    await pick(canvasElement, 'steps.json', notStudio);
    const dialog = within(await body(canvasElement).findByRole('dialog', { name: 'Could not import steps.json' }));
    await expect(dialog.getByText('$.format')).toBeVisible();
    await expect(dialog.getByText(/an Amazon Connect flow or a Twilio Studio flow definition$/)).toBeVisible();
    await expect(readout(canvasElement)).toHaveTextContent(`${ws.flows.length} flows`);
  },
};
