import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { Banners, SaveStatus } from '../../editor/Banners.tsx';
import { renameFlow } from '../../editor/store/flows.ts';
import { MemoryStorage } from '../../editor/store/memoryStorage.ts';
import { attachAutosave, SAVED_FORMAT, type SavedState } from '../../editor/store/persistence.ts';
import { StoreProvider, useCurrentFlow } from '../../editor/store/react.tsx';
import { createEditorStore, type Notice } from '../../editor/store/store.ts';
import type { WorkspaceDoc } from '../../runtime/document/workspace.ts';
import { sampleWorkspace } from '../fixtures.ts';

/**
 * The save status and the banners over a real editor store with the real autosave attached to in-memory storage
 * (shared with a pretend second tab); buttons make a change here or save one from the other tab, and the readouts
 * show the flow name on screen and the one the storage holds.
 */
function BannersHarness({
  workspace,
  failures,
  notice,
  failedSave,
  withAutosave = true,
}: {
  workspace: () => WorkspaceDoc;
  failures: number;
  notice?: Notice;
  /** A failure message set on the store before the first render. */
  failedSave?: string;
  withAutosave?: boolean;
}) {
  const [{ store, storage, persistence }] = useState(() => {
    const store = createEditorStore(workspace());
    if (notice) store.setNotice(notice);
    if (failedSave) store.setSaveStatus({ state: 'failed', message: failedSave });
    const storage = new MemoryStorage();
    // The first save fails the way a full browser storage does.
    storage.failNext = failures > 0;
    return { store, storage, persistence: storage.tab() };
  });
  const [autosave, setAutosave] = useState<ReturnType<typeof attachAutosave> | null>(null);
  const [savedName, setSavedName] = useState('nothing');
  useEffect(() => {
    if (!withAutosave) return;
    const a = attachAutosave(store, persistence, 150);
    setAutosave(a);
    const unsubscribe = store.subscribe(() => {
      const saved = storage.value as SavedState | undefined;
      setSavedName(saved?.workspace.flows.find((f) => f.id === saved.currentFlowId)?.name ?? 'nothing');
    });
    return () => {
      unsubscribe();
      a.dispose();
    };
  }, [store, storage, persistence, withAutosave]);
  const otherTabSaves = () => {
    const other = createEditorStore(workspace());
    renameFlow(other, other.getState().currentFlowId, 'Changed in the other tab');
    const { workspace: ws, currentFlowId } = other.getState();
    void storage.tab().save({ format: SAVED_FORMAT, version: 1, workspace: ws, currentFlowId, revision: storage.revision + 1 });
  };
  return (
    <StoreProvider store={store}>
      <div className="topbar">
        <SaveStatus />
        <button type="button" className="btn" onClick={() => renameFlow(store, store.getState().currentFlowId, 'Renamed line')}>
          Rename the flow
        </button>
        <button type="button" className="btn" onClick={otherTabSaves}>
          Another tab saves
        </button>
        <OnScreen />
      </div>
      <Banners autosave={autosave} />
      <p data-testid="stored">Stored: {savedName}</p>
    </StoreProvider>
  );
}

function OnScreen() {
  return <span data-testid="on-screen">On screen: {useCurrentFlow()?.name}</span>;
}

const meta = {
  title: 'Editor/Banners',
  component: BannersHarness,
  args: { workspace: sampleWorkspace, failures: 0 },
} satisfies Meta<typeof BannersHarness>;

export default meta;
type Story = StoryObj<typeof meta>;

const saveStatus = (canvasElement: HTMLElement) => canvasElement.querySelector<HTMLElement>('[data-save-state]');

/** Nothing changed yet; a change reads "Unsaved changes…" until the autosave lands, then "All changes saved". */
export const SaveStatusPendingThenSaved: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(saveStatus(canvasElement)).toHaveTextContent('Saved in this browser');
    await expect(saveStatus(canvasElement)).toHaveAttribute('data-save-state', 'idle');
    await userEvent.click(canvas.getByRole('button', { name: 'Rename the flow' }));
    await expect(saveStatus(canvasElement)).toHaveTextContent('Unsaved changes…');
    await expect(saveStatus(canvasElement)).toHaveAttribute('data-save-state', 'pending');
    await waitFor(() => expect(saveStatus(canvasElement)).toHaveAttribute('data-save-state', 'saved'));
    await expect(saveStatus(canvasElement)).toHaveTextContent('All changes saved');
    await expect(canvas.getByTestId('stored')).toHaveTextContent('Stored: Renamed line');
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

/** A save the storage refuses shows the error banner and "Not saved"; "Try again" saves and the banner goes away. */
export const FailedSaveTryAgain: Story = {
  args: { failures: 1 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Rename the flow' }));
    const banner = await canvas.findByRole('alert', {}, { timeout: 3000 });
    await expect(banner).toHaveClass('banner', 'banner--error');
    await expect(banner).toHaveTextContent('Could not save your changes: the browser storage is full. Your last saved copy is untouched.');
    await expect(saveStatus(canvasElement)).toHaveTextContent('Not saved');
    await expect(saveStatus(canvasElement)).toHaveClass('count-error');
    await expect(canvas.getByTestId('stored')).toHaveTextContent('Stored: nothing');
    await userEvent.click(within(banner).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(canvas.queryByRole('alert')).toBeNull());
    await expect(saveStatus(canvasElement)).toHaveTextContent('All changes saved');
    await expect(canvas.getByTestId('stored')).toHaveTextContent('Stored: Renamed line');
  },
};

/** Without autosave (nothing to retry with) a failed save still shows its banner, but no "Try again". */
export const FailedSaveWithoutAutosave: Story = {
  args: { withAutosave: false, failedSave: 'Could not save your changes: the browser storage is full. Your last saved copy is untouched.' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const banner = canvas.getByRole('alert');
    await expect(banner).toHaveTextContent('Could not save your changes: the browser storage is full.');
    await expect(saveStatus(canvasElement)).toHaveTextContent('Not saved');
    await expect(within(banner).queryByRole('button', { name: 'Try again' })).toBeNull();
  },
};

/** A notice from restoring the workspace shows as a banner of its tone until dismissed. */
export const RestoreNotice: Story = {
  args: {
    notice: {
      tone: 'warning',
      text: 'The saved workspace could not be read, so the sample workspace was opened instead. The unreadable copy was kept aside in browser storage.',
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const banner = canvas.getByRole('alert');
    await expect(banner).toHaveClass('banner', 'banner--warning');
    await expect(banner).toHaveTextContent('The saved workspace could not be read');
    await userEvent.click(within(banner).getByRole('button', { name: 'Dismiss' }));
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

/**
 * Another tab saves while this one has an unsaved change: nothing is saved over it, the banner offers both versions.
 * Loading the other tab's version puts it on screen; after a second clash, keeping this tab's version saves it.
 */
export const ConflictWithAnotherTab: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Rename the flow' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Another tab saves' }));
    const banner = await canvas.findByRole('alert');
    await expect(banner).toHaveClass('banner', 'banner--warning');
    await expect(banner).toHaveTextContent('This workspace was also changed in another tab');
    await expect(saveStatus(canvasElement)).toHaveTextContent('Not saved: changed in another tab');
    await expect(saveStatus(canvasElement)).toHaveAttribute('data-save-state', 'conflict');
    await expect(canvas.getByTestId('stored')).toHaveTextContent('Stored: Changed in the other tab');
    await userEvent.click(within(banner).getByRole('button', { name: 'Load the other tab’s version' }));
    await waitFor(() => expect(canvas.queryByRole('alert')).toBeNull());
    await expect(canvas.getByTestId('on-screen')).toHaveTextContent('On screen: Changed in the other tab');
    await expect(saveStatus(canvasElement)).toHaveTextContent('All changes saved');

    await userEvent.click(canvas.getByRole('button', { name: 'Rename the flow' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Another tab saves' }));
    const again = await canvas.findByRole('alert');
    await userEvent.click(within(again).getByRole('button', { name: 'Keep this tab’s version' }));
    await waitFor(() => expect(canvas.getByTestId('stored')).toHaveTextContent('Stored: Renamed line'));
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(canvas.getByTestId('on-screen')).toHaveTextContent('On screen: Renamed line');
  },
};
