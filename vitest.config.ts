import { defineConfig } from 'vitest/config';

/**
 * One Vitest run holds every suite as a project:
 * - unit: headless code (nodes, runtime, CLI, examples) in Node.
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
    ],
  },
});
