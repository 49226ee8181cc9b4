import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { PALETTE_MIME } from '../../editor/canvas/Canvas.tsx';
import { Palette, paletteKinds } from '../../editor/palette/Palette.tsx';
import { getModel } from '../../nodes/index.ts';

const meta = {
  title: 'Editor/Palette',
  component: Palette,
  args: { onAdd: fn() },
  decorators: [
    (Story) => (
      <div style={{ width: 260 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof Palette>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Every kind but Start (a flow has exactly one), each with its description (hidden on narrow screens, kept as a tooltip). */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const nav = within(canvasElement).getByRole('navigation', { name: 'Node palette' });
    const items = within(nav).getAllByRole('button');
    await expect(items).toHaveLength(paletteKinds.length);
    await expect(paletteKinds).not.toContain('start');
    for (const kind of paletteKinds) {
      const { title, description } = getModel(kind)!;
      const item = within(nav).getByRole('button', { name: new RegExp(`^${title}`) });
      await expect(item).toHaveAttribute('title', expect.stringContaining(description));
      await expect(within(item).getByText(title)).toBeVisible();
    }
  },
};

export const AddByClickAndKeyboard: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: /^Menu/ }));
    await expect(args.onAdd).toHaveBeenLastCalledWith('menu');
    // Keyboard only: tab to an item and press Enter.
    canvas.getByRole('button', { name: /^Recording/ }).focus();
    await userEvent.keyboard('{Enter}');
    await expect(args.onAdd).toHaveBeenLastCalledWith('recording');
    await userEvent.tab();
    await userEvent.keyboard(' ');
    await expect(args.onAdd).toHaveBeenCalledTimes(3);
  },
};

/** Dragging an item carries its kind for the canvas drop. */
export const DragCarriesKind: Story = {
  play: async ({ canvasElement }) => {
    const item = within(canvasElement).getByRole('button', { name: /^Voicemail/ });
    await expect(item).toHaveAttribute('draggable', 'true');
    const dataTransfer = new DataTransfer();
    item.dispatchEvent(new DragEvent('dragstart', { bubbles: true, cancelable: true, dataTransfer }));
    await expect(dataTransfer.getData(PALETTE_MIME)).toBe('voicemail');
  },
};
