import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  // A kind's stories live in its folder (nodes/<kind>/), the editor's under stories/.
  stories: ['../stories/**/*.stories.tsx', '../nodes/*/*.stories.tsx'],
  // The Vitest addon turns every story into a browser test (see vitest.config.ts, project `storybook`).
  addons: ['@storybook/addon-vitest'],
  core: {
    // Offline machines and CI: no telemetry, no update checks.
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
  },
};

export default config;
