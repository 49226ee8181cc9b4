import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import SettingsArea from '../../editor/settings/SettingsArea.tsx';
import { sampleWorkspace } from '../fixtures.ts';
import { SettingsHarness } from '../harness.tsx';

const meta = {
  title: 'Settings/Settings area',
  component: SettingsArea,
  args: { workspace: sampleWorkspace(), onChange: fn() },
  render: (args) => <SettingsHarness workspace={args.workspace} onChange={args.onChange} />,
} satisfies Meta<typeof SettingsArea>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const tabs = canvas.getAllByRole('tab');
    await expect(tabs.map((t) => t.textContent)).toEqual(['Account recording', 'Phone numbers', 'Agents and ring groups', 'Roles', 'Publishing']);
    await expect(tabs[0]).toHaveAttribute('aria-selected', 'true');
    await expect(canvas.getByRole('heading', { name: 'Account recording settings' })).toBeVisible();
    // Keyboard: arrows move between tabs and show their panel.
    tabs[0]!.focus();
    await userEvent.keyboard('{ArrowRight}');
    await expect(canvas.getByRole('tab', { name: 'Phone numbers' })).toHaveFocus();
    await expect(canvas.getByRole('heading', { name: 'Phone numbers' })).toBeVisible();
    await userEvent.keyboard('{ArrowLeft}{ArrowLeft}{ArrowLeft}');
    await expect(canvas.getByRole('tab', { name: 'Roles' })).toHaveAttribute('aria-selected', 'true');
    await expect(canvas.getByRole('tabpanel')).toHaveTextContent('Listening to or downloading a recording also needs');
    await userEvent.keyboard('{Home}');
    await expect(canvas.getByRole('tab', { name: 'Account recording' })).toHaveFocus();
    await userEvent.keyboard('{End}');
    await expect(canvas.getByRole('tab', { name: 'Publishing' })).toHaveAttribute('aria-selected', 'true');
    await expect(canvas.getByRole('tabpanel')).toHaveTextContent('Your name');
  },
};

/** The toolbar's dark theme: `data-theme="dark"` on <html>, and the panels take the dark colours. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await expect(document.documentElement.dataset.theme).toBe('dark');
    const settings = within(canvasElement).getByRole('region', { name: 'Settings' });
    const fg = getComputedStyle(settings).color;
    const bg = getComputedStyle(settings).backgroundColor;
    // Light text on a dark panel, whatever the exact theme values are.
    const luminance = (c: string) => {
      const [r = 0, g = 0, b = 0] = (c.match(/\d+(\.\d+)?/g) ?? []).map(Number);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    await expect(luminance(fg)).toBeGreaterThan(luminance(bg) + 100);
  },
};
