/**
 * `npm run bench:ab -- <git rev> [sizes]`: the editor at an earlier revision against the working tree, with the
 * same browser gestures as `npm run bench` (drawn, pan and zoom at the opening view and zoomed out to fit), run
 * alternately in one Chromium so the load of a busy machine falls on both alike. For checking one change; the
 * figures of record stay in BENCHMARKS.md from `npm run bench`.
 *
 * The earlier revision is checked out in a temporary git worktree (sharing this node_modules) and built with its
 * own vite config. Options (environment): BENCH_REPS (default 3), CHROMIUM_PATH.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBrowser } from './browser.ts';
import { viteBuild } from './serve.ts';
import { median, p95 } from './stats.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [rev, sizesArg] = process.argv.slice(2);
if (!rev || rev.startsWith('-')) {
  console.error('Usage: npm run bench:ab -- <git rev> [sizes, e.g. 1000,5000]');
  process.exit(2);
}
const sizes = (sizesArg ?? '1000').split(',').map(Number);
const reps = Math.max(1, Number(process.env.BENCH_REPS) || 3);

const tmp = await mkdtemp(join(tmpdir(), 'recflow-ab-'));
const tree = join(tmp, 'tree');
try {
  execFileSync('git', ['worktree', 'add', '--detach', tree, rev], { cwd: root, stdio: 'ignore' });
  await symlink(join(root, 'node_modules'), join(tree, 'node_modules'), 'dir');
  console.error(`building ${rev} and the working tree…`);
  await viteBuild({ root: tree, outDir: join(tmp, 'before'), configFile: join(tree, 'vite.config.ts') });
  await viteBuild({ root, outDir: join(tmp, 'after'), configFile: join(root, 'vite.config.ts') });
  // runBrowser opens its "bare" page with the editor's canvas box and viewport; the earlier editor ignores them.
  const r = await runBrowser({
    editorDir: join(tmp, 'after'),
    bareDir: join(tmp, 'before'),
    sizes,
    reps,
    bigReps: reps,
    dragSize: -1,
    log: (line) => console.error(line),
  });
  const label = (page: string) => (page === 'editor' ? 'working tree' : rev);
  console.log(`| nodes | view | gesture | ${rev} median / p95 | working tree median / p95 |`);
  console.log('|---:|---|---|---:|---:|');
  for (const size of sizes) {
    for (const view of ['open', 'overview'] as const) {
      for (const gesture of ['pan', 'zoom'] as const) {
        const cell = (page: 'editor' | 'bare') => {
          const runs = r.loads.filter((l) => l.page === page && l.size === size).map((l) => l.views[view][gesture]);
          return `${median(runs.map(median)).toFixed(1)} / ${median(runs.map(p95)).toFixed(1)} ms`;
        };
        console.log(`| ${size} | ${view} | ${gesture} | ${cell('bare')} | ${cell('editor')} |`);
      }
    }
    const drawn = (page: 'editor' | 'bare') => median(r.loads.filter((l) => l.page === page && l.size === size).map((l) => l.drawnMs)).toFixed(0);
    console.log(`| ${size} | drawn | | ${drawn('bare')} ms | ${drawn('editor')} ms |`);
  }
  if (r.errors.length > 0) console.log(`\npage errors (${label('editor')} / ${label('bare')}):\n${r.errors.slice(0, 10).join('\n')}`);
} finally {
  execFileSync('git', ['worktree', 'remove', '--force', tree], { cwd: root, stdio: 'ignore' });
  await rm(tmp, { recursive: true, force: true });
}
