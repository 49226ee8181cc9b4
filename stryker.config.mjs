// @ts-check
/**
 * Mutation testing over the rule code (`npm run mutate`, see TESTING.md). Incremental: the results of the last full
 * run are committed in `mutation/stryker-incremental.json`, so a rerun retests only the mutants whose code or
 * covering tests changed. Reports (JSON, HTML) go under the ignored `reports/`.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
const config = {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts' },
  coverageAnalysis: 'perTest',
  mutate: [
    'runtime/call/**/*.ts',
    'runtime/checks/**/*.ts',
    'runtime/document/**/*.ts',
    'nodes/*/behavior.ts',
    'runtime/cli/args.ts',
    'runtime/cli/main.ts',
    // Tests and test kits are not rule code; writeSchemas.ts is the script behind `npm run schema`.
    '!**/*.test.ts',
    '!runtime/call/testkit.ts',
    '!runtime/checks/testkit.ts',
    '!runtime/checks/generateFlow.ts',
    '!runtime/document/flowArbitrary.ts',
    '!runtime/document/writeSchemas.ts',
  ],
  ignorePatterns: ['dist', 'storybook-static', 'reports', 'test-results', 'e2e', 'stories', 'bench', '.storybook'],
  // Static mutants (code that runs once, as a module loads) are covered by no single test, so each would rerun the
  // whole unit suite: with them a run from nothing takes over two hours here. They are reported as "ignored" and
  // counted per file in TESTING.md, never as killed.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  // Two cores shared with other work: never more than two test processes.
  concurrency: 2,
  timeoutMS: 10000,
  // The first run loads every unit test under instrumentation; on a busy shared machine that can take minutes.
  dryRunTimeoutMinutes: 30,
  thresholds: { high: 90, low: 85, break: null },
  cleanTempDir: 'always',
};

export default config;
