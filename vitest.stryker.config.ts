import { defineConfig } from 'vitest/config';

/**
 * The `unit` project for StrykerJS (`npm run mutate`, see TESTING.md): mutants are judged by the fast Node tests,
 * never by the browser projects, and no JSON report is written over `npm test`'s. Left out, and still run by
 * `npm test`:
 * - tests that spawn `node bin/recflow.js`: the child process runs the code without the active mutant, so they
 *   can never notice one, and they cost seconds each;
 * - the model-based and random-walk call tests (seconds per test): they check invariants over thousands of paths,
 *   and would multiply the cost of every surviving mutant in the call code. The score is the rule tests' alone.
 */
export default defineConfig({
  test: {
    name: 'unit',
    environment: 'node',
    include: ['{nodes,runtime,examples,bin,editor}/**/*.test.ts'],
    exclude: [
      '**/*.browser.test.ts',
      '**/node_modules/**',
      'runtime/cli/validate.test.ts',
      'runtime/cli/diff.test.ts',
      'examples/scenarios/scenarios.test.ts',
      'runtime/call/model.test.ts',
      'runtime/call/randomWalk.test.ts',
    ],
  },
});
