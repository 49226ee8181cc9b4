import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { showToast, Toasts } from '../../editor/ui/toast.tsx';

const meta = {
  title: 'Editor/Toasts',
  component: Toasts,
  args: {},
  decorators: [
    (Story) => (
      <div style={{ position: 'relative', minHeight: 200 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof Toasts>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A toast with an action ("Deleted … — Undo"): the action runs once and the toast goes away. */
export const WithUndoAction: Story = {
  play: async ({ canvasElement }) => {
    const region = within(within(canvasElement).getByRole('status'));
    const undo = fn();
    showToast('Deleted “Payments line”.', { action: { label: 'Undo', run: undo }, ms: 60_000 });
    const toast = (await region.findByText('Deleted “Payments line”.')).closest('.toast') as HTMLElement;
    await expect(toast).toHaveClass('toast--info');
    await userEvent.click(within(toast).getByRole('button', { name: 'Undo' }));
    await expect(undo).toHaveBeenCalledTimes(1);
    await expect(region.queryByText('Deleted “Payments line”.')).toBeNull();
  },
};

/** Error toasts get their own tone; a toast without an action has no button and leaves by itself after its time. */
export const ErrorThatTimesOut: Story = {
  play: async ({ canvasElement }) => {
    const region = within(within(canvasElement).getByRole('status'));
    showToast('Could not read the file.', { tone: 'error', ms: 300 });
    const toast = (await region.findByText('Could not read the file.')).closest('.toast') as HTMLElement;
    await expect(toast).toHaveClass('toast--error');
    await expect(within(toast).queryByRole('button')).toBeNull();
    await waitFor(() => expect(region.queryByText('Could not read the file.')).toBeNull(), { timeout: 3000 });
  },
};

/** At most three toasts at once: a fourth pushes the oldest out. */
export const KeepsTheLatestThree: Story = {
  play: async ({ canvasElement }) => {
    const region = within(within(canvasElement).getByRole('status'));
    for (const n of [1, 2, 3, 4]) showToast(`Imported flow ${n}.`, { ms: 60_000 });
    await region.findByText('Imported flow 4.');
    await expect(region.queryByText('Imported flow 1.')).toBeNull();
    for (const n of [2, 3, 4]) await expect(region.getByText(`Imported flow ${n}.`)).toBeVisible();
  },
};
