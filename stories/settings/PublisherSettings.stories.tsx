import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { readPublisherName, writePublisherName } from '../../editor/settings/publisher.ts';
import PublisherSettings from '../../editor/settings/PublisherSettings.tsx';

const meta = {
  title: 'Settings/Publishing',
  component: PublisherSettings,
  beforeEach: () => {
    writePublisherName('');
  },
} satisfies Meta<typeof PublisherSettings>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The name typed here is what Publish records on each version; it is kept in this browser. */
export const YourName: Story = {
  play: async ({ canvasElement }) => {
    const panel = within(within(canvasElement).getByRole('region', { name: 'Publishing' }));
    const field = panel.getByLabelText('Your name');
    await expect(field).toHaveValue('');
    await userEvent.type(field, 'Ana Admin');
    await expect(readPublisherName()).toBe('Ana Admin');
    await expect(field).toHaveValue('Ana Admin');
  },
};
