import type { Meta, StoryObj } from '@storybook/react-vite';
import { useRef } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { type HeightLimits, HeightSplitter, useStoredHeight } from '../../editor/ui/HeightSplitter.tsx';

const KEY = 'recflow.story.splitterHeight';
const LIMITS: HeightLimits = { min: 80, max: () => 260 };

/** A panel under the splitter, 160 px tall until the user resizes it. */
function ResizablePanel() {
  const body = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useStoredHeight(KEY, LIMITS);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', justifyContent: 'flex-end', height: 360, border: '1px dashed var(--border)' }}>
      <HeightSplitter label="Resize the panel" controls="story-panel" current={() => body.current?.offsetHeight ?? 0} value={height} limits={LIMITS} onResize={setHeight} />
      <div id="story-panel" ref={body} style={{ height: height ?? 160, borderTop: '1px solid var(--border)', padding: 8 }}>
        The panel below the bar
      </div>
    </div>
  );
}

const meta = {
  title: 'Editor/HeightSplitter',
  component: ResizablePanel,
  beforeEach: () => localStorage.removeItem(KEY),
} satisfies Meta<typeof ResizablePanel>;

export default meta;
type Story = StoryObj<typeof meta>;

const panelHeight = (el: HTMLElement) => (el.querySelector('#story-panel') as HTMLElement).offsetHeight;

/** From the keyboard: arrows by 24 px, Home and End to the limits; the height is kept in the browser. */
export const ResizedWithKeys: Story = {
  play: async ({ canvasElement }) => {
    const bar = within(canvasElement).getByRole('separator', { name: 'Resize the panel' });
    await expect(panelHeight(canvasElement)).toBe(160);
    bar.focus();
    await userEvent.keyboard('{ArrowUp}{ArrowUp}');
    await waitFor(() => expect(panelHeight(canvasElement)).toBe(208));
    await expect(localStorage.getItem(KEY)).toBe('208');
    await expect(bar).toHaveAttribute('aria-valuenow', '208');
    await userEvent.keyboard('{ArrowDown}');
    await waitFor(() => expect(panelHeight(canvasElement)).toBe(184));
    await userEvent.keyboard('{End}');
    await waitFor(() => expect(panelHeight(canvasElement)).toBe(260));
    await userEvent.keyboard('{ArrowUp}');
    // Never past the largest height.
    await waitFor(() => expect(panelHeight(canvasElement)).toBe(260));
    await userEvent.keyboard('{Home}');
    await waitFor(() => expect(panelHeight(canvasElement)).toBe(80));
  },
};

/** With the pointer: dragging the bar up makes the panel taller by as much. */
export const ResizedByDragging: Story = {
  play: async ({ canvasElement }) => {
    const bar = within(canvasElement).getByRole('separator', { name: 'Resize the panel' });
    const box = bar.getBoundingClientRect();
    const y = box.top + box.height / 2;
    await userEvent.pointer([
      { keys: '[MouseLeft>]', target: bar, coords: { clientX: box.left + 20, clientY: y } },
      { target: bar, coords: { clientX: box.left + 20, clientY: y - 50 } },
      { keys: '[/MouseLeft]', target: bar, coords: { clientX: box.left + 20, clientY: y - 50 } },
    ]);
    await waitFor(() => expect(panelHeight(canvasElement)).toBe(210));
  },
};
