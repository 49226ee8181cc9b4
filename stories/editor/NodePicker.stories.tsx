import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { NodePicker } from '../../editor/palette/NodePicker.tsx';
import { paletteKinds } from '../../editor/palette/Palette.tsx';
import { getModel } from '../../nodes/index.ts';

const meta = {
  title: 'Editor/Node picker',
  component: NodePicker,
  args: { onPick: fn(), onClose: fn(), below: 'Main menu' },
} satisfies Meta<typeof NodePicker>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Keyboard only: type to filter, arrows to choose, Enter to add. */
export const FilterAndPick: Story = {
  play: async ({ canvasElement, args }) => {
    // The picker is a modal <dialog>; it renders in the story root but sits in the top layer.
    const dialog = within(canvasElement.ownerDocument.body).getByRole('dialog', { name: 'Add a node' });
    const picker = within(dialog);
    const filter = picker.getByRole('combobox', { name: 'Filter node kinds' });
    await expect(filter).toHaveFocus();
    await expect(picker.getAllByRole('option')).toHaveLength(paletteKinds.length);
    await expect(picker.getByText(/Placed below “Main menu”/)).toBeVisible();
    await userEvent.keyboard('rec');
    // Matches by title, kind or description, in palette order.
    const expected = paletteKinds.filter((k) => {
      const m = getModel(k)!;
      return `${m.title} ${m.kind} ${m.description}`.toLowerCase().includes('rec');
    });
    await expect(picker.getAllByRole('option')).toHaveLength(expected.length);
    await expect(picker.getAllByRole('option')[0]).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{Enter}');
    await expect(args.onPick).toHaveBeenCalledWith(expected[0]);
    await userEvent.clear(filter);
    await userEvent.keyboard('{ArrowDown}');
    await expect(picker.getAllByRole('option')[1]).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{Enter}');
    await expect(args.onPick).toHaveBeenLastCalledWith(paletteKinds[1]);
  },
};

export const NoMatch: Story = {
  play: async ({ canvasElement, args }) => {
    const dialog = within(canvasElement.ownerDocument.body).getByRole('dialog', { name: 'Add a node' });
    await userEvent.keyboard('zzz');
    await expect(within(dialog).getByText('No node kind matches “zzz”.')).toBeVisible();
    await userEvent.keyboard('{Enter}');
    await expect(args.onPick).not.toHaveBeenCalled();
    await userEvent.keyboard('{Escape}');
    await expect(args.onClose).toHaveBeenCalled();
  },
};
