import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Runs the test files that failed last first, then the quickest: Stryker stops a mutant's run at the first failing
 * test, so a killed mutant then costs one quick file instead of Vitest's default longest-first order.
 */
class QuickFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cache = this.ctx.cache;
    const key = (f: TestSpecification) => `${f.project.name}:${relative(this.ctx.config.root, f.moduleId)}`;
    const rank = (f: TestSpecification) => {
      const last = cache.getFileTestResults(key(f));
      if (last) return [last.failed ? 0 : 1, last.duration] as const;
      return [1, cache.getFileStats(key(f))?.size ?? 0] as const;
    };
    return [...files].sort((a, b) => {
      const [fa, da] = rank(a);
      const [fb, db] = rank(b);
      return fa - fb || da - db;
    });
  }
}

/**
 * The unit tests StrykerJS judges mutants with (`npm run mutate`, see TESTING.md): the rule code's own Node tests,
 * never the browser projects, and no JSON report written over `npm test`'s. Left out here, and still run by
 * `npm test`:
 * - tests that spawn `node bin/recflow.js`: the child process runs the code without the active mutant, so they
 *   can never notice one, and they cost seconds each;
 * - runtime/cli/simulate.test.ts and runtime/cli/batch.test.ts: their batch tests run on worker threads (which never
 *   see the mutant either) and cost seconds each, and every mutant of main.ts ran them; the rest drives the simulate
 *   and batch commands, which are not mutated, while the rule code they reach has direct tests, main.ts has
 *   runtime/cli/main.test.ts and main2.test.ts, and the shared option parser has runtime/cli/args.test.ts;
 * - runtime/cli/fuzz.test.ts: hundreds of random command lines per test (seconds each), run by every mutant the
 *   CLI reaches; it checks that nothing crashes, not what a rule says;
 * - the model-based and random-walk call tests (seconds per test), which check invariants over thousands of paths;
 * - the editor's and the examples' tests, which use the runtime on the way to something else;
 * - the architecture tests (imports between layers, kind names outside nodes/): they read the source text, which
 *   StrykerJS has rewritten with its mutants, and judge the code's shape, not its behaviour.
 * Each test file a mutant is covered by is loaded afresh for every mutant, so these would multiply the run time;
 * the scores are therefore what the rule code's own tests notice, a lower bound.
 */
export default defineConfig({
  test: {
    name: 'unit',
    sequence: { sequencer: QuickFirstSequencer },
    environment: 'node',
    include: ['{nodes,runtime}/**/*.test.ts'],
    exclude: [
      '**/*.browser.test.ts',
      '**/node_modules/**',
      'runtime/cli/validate.test.ts',
      'runtime/cli/diff.test.ts',
      'runtime/cli/simulate.test.ts',
      'runtime/cli/batch.test.ts',
      'runtime/cli/fuzz.test.ts',
      'runtime/call/model.test.ts',
      'runtime/call/randomWalk.test.ts',
      'runtime/architecture.test.ts',
      'runtime/kindNames.test.ts',
    ],
  },
});
