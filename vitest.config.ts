import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

/**
 * One Vitest run holds every suite as a project:
 * - unit: headless code (nodes, runtime, CLI, examples) in Node.
 * - storybook: every story in stories/ rendered in headless system Chromium, its play function run as a test.
 * Browser projects (stories, end-to-end) are added beside it.
 */
export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['{nodes,runtime,examples,bin,editor}/**/*.test.ts'],
          exclude: ['**/*.browser.test.ts', '**/node_modules/**'],
        },
      },
      {
        // e2e: the built editor served by `vite preview`, driven in system Chromium with playwright-core, one file at a time.
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['e2e/**/*.e2e.test.ts'],
          globalSetup: ['e2e/globalSetup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A busy 2-core machine can take seconds to settle a render; polls wait for the visible result.
          expect: { poll: { timeout: 10_000, interval: 100 } },
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        // Pre-bundled up front: a dependency discovered mid-run makes Vite reload the page and fail the story.
        optimizeDeps: {
          include: ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime', '@xyflow/react', 'zod', 'immer', 'xstate', 'xstate/graph'],
        },
        test: {
          name: 'storybook',
          browser: {
            enabled: true,
            headless: true,
            // Browser downloads are impossible here: launch the system Chromium.
            provider: playwright({
              launchOptions: {
                executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
                args: [
                  '--no-sandbox',
                  '--disable-gpu',
                  '--disable-background-networking',
                  '--disable-component-update',
                  '--disable-sync',
                  '--disable-quic',
                  '--no-first-run',
                ],
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
