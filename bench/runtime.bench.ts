/**
 * Runtime bench (not a test): `npx tsx bench/runtime.bench.ts`
 *
 * 1. Simulated calls per CPU-second for one 20-action call (startCall + 20 × apply + result) through this
 *    revision's runtime and through an earlier revision's (checked out in a temporary git worktree that shares
 *    this node_modules), fed the same call in alternating slices so that load from other processes hits both
 *    alike. The ratio is the goal figure: the runtime keeps at least 0.9× the earlier revision's speed.
 *
 * Batch throughput (`recflow simulate --batch` over a call log, as whole processes) has its own bench,
 * bench/batch.bench.ts (`npm run bench:batch`), which `npm run bench` runs after this one.
 *
 * 2. The same in a child process with V8's allocation-site pretenuring off, as the recflow CLI runs.
 *
 * Options (env): BENCH_SECONDS (default 4) per runtime measurement,
 * BENCH_BASELINE (default: the revision before the call machine was rewritten; e.g. HEAD~1 for the last change).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { simulate } from '../runtime/call/scenario.ts';
import { startCall } from '../runtime/call/session.ts';
import { buildFlow, testWorkspace } from '../runtime/call/testkit.ts';
import type { CallAction, CallSession, CallStart } from '../runtime/call/types.ts';

/** The last revision whose call runtime was `CallCore` driving a flat machine (before the machine owned the call). */
const BEFORE_MACHINE_REWRITE = '35c86b7';
const BASELINE = process.env.BENCH_BASELINE || BEFORE_MACHINE_REWRITE;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);

type Kit = { buildFlow: typeof buildFlow; testWorkspace: typeof testWorkspace; startCall: (...a: Parameters<typeof startCall>) => CallSession };

/** The bench's workspace and flow, built with a runtime's own test kit (documents may differ between revisions). */
function documents(kit: Pick<Kit, 'buildFlow' | 'testWorkspace'>) {
  const ws = kit.testWorkspace({ account: { agentPause: true } });
  const flow = kit.buildFlow(
  [
    ['s', 'start', { numberIds: ['main'] }],
    ['m', 'menu', { timeoutSeconds: 10 }],
    ['r', 'recording', { record: 'on' }],
    ['a', 'assign', { target: { type: 'ringGroup', ringGroupId: 'support' }, ringTimeoutSeconds: 30 }],
  ],
  [
    ['s', 'next', 'm'],
    ['m', '1', 'r'],
    ['r', 'next', 'a'],
  ],
  );
  return { ws, flow };
}
const { ws, flow } = documents({ buildFlow, testWorkspace });
const start: CallStart = { direction: 'inbound', numberId: 'main', callerNumber: '+15550111' };
const OUT = { type: 'external', number: '+15550100' } as const;

/** The 20 actions: IVR, answer, hold, pauses, a conference with a refused pause, a cancelled warm transfer, hang-up. */
const steps: Array<[number, CallAction]> = [
  [3, { type: 'press', digit: '1' }],
  [8, { type: 'answer', agentId: 'ana' }],
  [20, { type: 'hold', agentId: 'ana' }],
  [30, { type: 'unhold', agentId: 'ana' }],
  [40, { type: 'pause', agentId: 'ana' }],
  [50, { type: 'resume', agentId: 'ana' }],
  [60, { type: 'pause', agentId: 'ana' }],
  [70, { type: 'resume', agentId: 'ana' }],
  [80, { type: 'conference', agentId: 'ana', target: { type: 'agent', agentId: 'cy' } }],
  [82, { type: 'answer', agentId: 'cy' }],
  [90, { type: 'pause', agentId: 'cy' }],
  [100, { type: 'hangUp', party: 'agent:cy' }],
  [110, { type: 'transfer', agentId: 'ana', mode: 'warm', target: OUT }],
  [120, { type: 'cancelTransfer', agentId: 'ana' }],
  [130, { type: 'pause', agentId: 'ana' }],
  [140, { type: 'resume', agentId: 'ana' }],
  [150, { type: 'hold', agentId: 'ana' }],
  [160, { type: 'unhold', agentId: 'ana' }],
  [170, { type: 'wait' }],
  [180, { type: 'hangUp', party: 'contact' }],
];

/** One simulated call through a runtime: start, the 20 actions, the result. */
function caller(kit: Kit): () => number {
  const docs = documents(kit);
  return () => {
    const s = kit.startCall(docs.ws, docs.flow, start);
    for (const [at, action] of steps) s.apply(action, at);
    return s.result().totalRecordedSeconds;
  };
}

/** The runtime at an earlier revision, from a temporary git worktree sharing this node_modules. */
async function baselineKit(rev: string): Promise<{ kit: Kit; sha: string; cleanup(): void }> {
  const tmp = mkdtempSync(join(tmpdir(), 'recflow-runtime-base-'));
  const tree = join(tmp, 'tree');
  execFileSync('git', ['worktree', 'add', '--detach', tree, rev], { cwd: root, stdio: 'ignore' });
  symlinkSync(join(root, 'node_modules'), join(tree, 'node_modules'), 'dir');
  const cleanup = () => {
    execFileSync('git', ['worktree', 'remove', '--force', tree], { cwd: root, stdio: 'ignore' });
    rmSync(tmp, { recursive: true, force: true });
  };
  const sha = execFileSync('git', ['rev-parse', '--short', rev], { cwd: root, encoding: 'utf8' }).trim();
  const session = await import(pathToFileURL(join(tree, 'runtime/call/session.ts')).href);
  const testkit = await import(pathToFileURL(join(tree, 'runtime/call/testkit.ts')).href);
  return { kit: { startCall: session.startCall, buildFlow: testkit.buildFlow, testWorkspace: testkit.testWorkspace }, sha, cleanup };
}

/** Calls per CPU-second of `now` and `before`, measured in alternating slices. */
function compare(now: () => number, before: () => number, seconds: number): { now: number; before: number } {
  for (let i = 0; i < 3000; i++) {
    now();
    before();
  }
  // CPU time of this process (µs), not wall time: other processes on a busy machine then skew neither side.
  const cpu = () => {
    const u = process.cpuUsage();
    return u.user + u.system;
  };
  let tn = 0;
  let tb = 0;
  let nn = 0;
  let nb = 0;
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    let t = cpu();
    for (let i = 0; i < 200; i++) now();
    tn += cpu() - t;
    nn += 200;
    t = cpu();
    for (let i = 0; i < 200; i++) before();
    tb += cpu() - t;
    nb += 200;
  }
  return { now: nn / (tn / 1e6), before: nb / (tb / 1e6) };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

console.log(`Recflow runtime bench (Node ${process.version}, ${availableParallelism()} cores)`);
const sanity = simulate(ws, flow, { call: start, actions: steps.map(([at, a]) => ({ at, ...a }) as never) });
console.log(`20-action call: ${sanity.segments.length} segments, ${sanity.totalRecordedSeconds} s recorded, ${sanity.rejections.length} refused action(s)`);

const base = await baselineKit(BASELINE);
try {
  const nowCall = caller({ startCall, buildFlow, testWorkspace });
  const beforeCall = caller(base.kit);
  if (nowCall() !== beforeCall()) console.log(`note: the two revisions record different totals for the bench call (${nowCall()} s vs ${beforeCall()} s)`);
  const r = compare(nowCall, beforeCall, SECONDS);
  console.log(
    `runtime: this revision ${fmt(r.now)} calls/s, ${base.sha} (${BASELINE === BEFORE_MACHINE_REWRITE ? 'before the call machine rewrite' : BASELINE}) ${fmt(r.before)} calls/s, ratio ${(r.now / r.before).toFixed(2)} (goal ≥ 0.90)`,
  );
} finally {
  base.cleanup();
}

// The same comparison in a process with V8's allocation-site pretenuring off, as the recflow CLI runs
// (bin/recflow.js): with V8's defaults, which allocation sites V8 sends to the old generation changes from run to
// run and moves both runtimes' rates; with it off both run faster and the ratio is steady (BENCHMARKS.md).
if (process.env.BENCH_RUNTIME_CHILD !== '1') {
  const child = spawnSync(process.execPath, ['--no-allocation-site-pretenuring', '--import', 'tsx', fileURLToPath(import.meta.url)], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, BENCH_RUNTIME_CHILD: '1' },
  });
  const line = child.stdout.split('\n').find((l) => l.startsWith('runtime:'));
  console.log(line ? line.replace(/^runtime:/, 'runtime, pretenuring off (as the CLI runs):') : `runtime, pretenuring off: the run failed (${child.stderr.trim().split('\n')[0]})`);
}

