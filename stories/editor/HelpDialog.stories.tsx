import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { HelpDialog, SHORTCUTS } from '../../editor/HelpDialog.tsx';

const meta = {
  title: 'Editor/Help dialog',
  component: HelpDialog,
  args: { onClose: fn() },
} satisfies Meta<typeof HelpDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Every shortcut listed, one row each, with its keys; the close button closes. */
export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const dialog = within(canvasElement.ownerDocument.body).getByRole('dialog', { name: 'Keyboard shortcuts' });
    const rows = within(dialog).getAllByRole('row');
    await expect(rows).toHaveLength(SHORTCUTS.length);
    for (const [i, s] of SHORTCUTS.entries()) {
      await expect(rows[i]).toHaveTextContent(s.what);
      await expect(rows[i]!.querySelectorAll('kbd').length).toBe(s.keys.flat().length);
    }
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await expect(args.onClose).toHaveBeenCalledOnce();
  },
};
