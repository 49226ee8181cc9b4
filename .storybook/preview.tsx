import type { Decorator, Preview } from '@storybook/react-vite';
import { useEffect } from 'react';
import '@xyflow/react/dist/style.css';

// The editor's theme variables, so stories look as they do in the app.
import '../editor/theme.css';
import { loadKindUis } from '../editor/kindUi.ts';
import { installKindStyles } from '../editor/kit/kindStyles.ts';
import { kinds } from '../nodes/index.ts';

// As editor/main.tsx does before the app renders: the kinds' colours, and their views and forms (loaded once).
installKindStyles(kinds);

type Theme = 'light' | 'dark';

/** Applies the toolbar theme the way the app does: `data-theme` on <html>. */
const withTheme: Decorator = (Story, context) => {
  const theme: Theme = context.globals.theme === 'dark' ? 'dark' : 'light';
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  document.documentElement.dataset.theme = theme;
  return (
    <div style={{ background: 'var(--bg, #ffffff)', color: 'var(--fg, #1b1f24)', padding: 16, minHeight: '100%' }}>
      <Story />
    </div>
  );
};

const preview: Preview = {
  globalTypes: {
    theme: {
      description: 'Editor colour theme',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light' },
  decorators: [withTheme],
  loaders: [
    async () => {
      await loadKindUis();
      return {};
    },
  ],
  parameters: {
    layout: 'fullscreen',
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/i } },
  },
};

export default preview;
