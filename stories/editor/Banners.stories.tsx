import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { Banners, SaveStatus } from '../../editor/Banners.tsx';
import { renameFlow } from '../../editor/store/flows.ts';
import { attachAutosave, type Persistence, type SavedState } from '../../editor/store/persistence.ts';
import { StoreProvider } from '../../editor/store/react.tsx';
import { createEditorStore, type Notice } from '../../editor/store/store.ts';
import type { WorkspaceDoc } from '../../runtime/document/workspace.ts';
import { sampleWorkspace } from '../fixtures.ts';

/** In-memory storage whose first `failures` saves reject the way a full browser storage does. */
class FakePersistence implements Persistence {
  saved: SavedState | undefined;
  constructor(private failures: number) {}
  async load() {
    return this.saved;
  }
  async save(value: SavedState) {
    if (this.failures > 0) {
      this.failures -= 1;
      throw Object.assign(new Error('quota exceeded'), { name: 'QuotaExceededError' });
    }
    this.saved = structuredClone(value);
  }
  async keepCorrupt() {}
}

/**
 * The save status and the banners over a real editor store with the real autosave attached to in-memory storage;
 * a button makes a change to the workspace, and the readout shows the flow name the storage holds.
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
  const [{ store, persistence }] = useState(() => {
    const store = createEditorStore(workspace());
    if (notice) store.setNotice(notice);
    if (failedSave) store.setSaveStatus({ state: 'failed', message: failedSave });
    return { store, persistence: new FakePersistence(failures) };
  });
  const [autosave, setAutosave] = useState<ReturnType<typeof attachAutosave> | null>(null);
  const [savedName, setSavedName] = useState('nothing');
  useEffect(() => {
    if (!withAutosave) return;
    const a = attachAutosave(store, persistence, 150);
    setAutosave(a);
    const unsubscribe = store.subscribe(() => {
      setSavedName(persistence.saved?.workspace.flows.find((f) => f.id === persistence.saved?.currentFlowId)?.name ?? 'nothing');
    });
    return () => {
      unsubscribe();
      a.dispose();
    };
  }, [store, persistence, withAutosave]);
  return (
    <StoreProvider store={store}>
      <div className="topbar">
        <SaveStatus />
        <button type="button" className="btn" onClick={() => renameFlow(store, store.getState().currentFlowId, 'Renamed line')}>
          Rename the flow
        </button>
      </div>
      <Banners autosave={autosave} />
      <p data-testid="stored">Stored: {savedName}</p>
    </StoreProvider>
  );
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
