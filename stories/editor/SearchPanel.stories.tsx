import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { SearchPanel } from '../../editor/canvas/SearchPanel.tsx';
import { nodeOfKind, sampleFlow } from '../fixtures.ts';

const flow = sampleFlow();

const meta = {
  title: 'Editor/Search panel',
  component: SearchPanel,
  args: { flow, onJump: fn(), onClose: fn() },
  decorators: [
    (Story) => (
      <div style={{ width: 380, position: 'relative' }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof SearchPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

const box = (root: HTMLElement) => within(root).getByRole('combobox', { name: 'Find nodes by label or field value' });

/** Typing part of a node's label lists it; Enter jumps to it. */
export const FindByLabel: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const voicemail = nodeOfKind('voicemail', args.flow);
    await expect(box(canvasElement)).toHaveFocus();
    await expect(canvas.queryByRole('listbox')).toBeNull();
    await userEvent.type(box(canvasElement), voicemail.data.label.toLowerCase());
    const list = within(canvas.getByRole('listbox', { name: 'Matching nodes' }));
    const options = list.getAllByRole('option');
    await expect(options).toHaveLength(1);
    await expect(options[0]).toHaveTextContent(voicemail.data.label);
    await expect(options[0]).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{Enter}');
    await expect(args.onJump).toHaveBeenCalledWith(voicemail.id);
  },
};

/** Words from a field (the notice's message) find the node even though its label does not contain them; the excerpt shows them. */
export const FindByFieldValue: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const notice = nodeOfKind('play', args.flow);
    const words = notice.data.text.split(/\s+/).slice(-3).join(' ');
    await expect(notice.data.label.toLowerCase()).not.toContain(words.toLowerCase());
    await userEvent.type(box(canvasElement), words);
    const option = canvas.getByRole('option', { name: new RegExp(notice.data.label) });
    await expect(option).toHaveTextContent(words);
    await userEvent.click(option);
    await expect(args.onJump).toHaveBeenCalledWith(notice.id);
  },
};

/** Several matches: the arrow keys move the active one (wrapping round), and Enter jumps to it. */
export const ArrowKeysChooseAmongHits: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    // The sample is the support line: its start, menu, recording, assign and voicemail nodes all mention support.
    await userEvent.type(box(canvasElement), 'support');
    const options = canvas.getAllByRole('option');
    await expect(options.length).toBeGreaterThan(1);
    await expect(options[0]).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{ArrowDown}');
    await expect(canvas.getAllByRole('option')[1]).toHaveAttribute('aria-selected', 'true');
    await expect(box(canvasElement)).toHaveAttribute('aria-activedescendant', canvas.getAllByRole('option')[1]!.id);
    await userEvent.keyboard('{ArrowUp}{ArrowUp}');
    await expect(canvas.getAllByRole('option').at(-1)).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{Enter}');
    const last = args.flow.nodes.filter((n) => canvas.getAllByRole('option').at(-1)!.id.endsWith(`-${n.id}`));
    await expect(last).toHaveLength(1);
    await expect(args.onJump).toHaveBeenCalledWith(last[0]!.id);
  },
};

/** No match says so; Escape and the close button both close the panel. */
export const NoMatchThenClose: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(box(canvasElement), 'fax machine');
    await expect(canvas.getByText('No node matches “fax machine”.')).toBeVisible();
    await expect(canvas.queryAllByRole('option')).toHaveLength(0);
    await userEvent.keyboard('{Enter}');
    await expect(args.onJump).not.toHaveBeenCalled();
    await userEvent.keyboard('{Escape}');
    await expect(args.onClose).toHaveBeenCalledTimes(1);
    await userEvent.click(canvas.getByRole('button', { name: 'Close search' }));
    await expect(args.onClose).toHaveBeenCalledTimes(2);
  },
};
