/**
 * The `recflow` launcher's choice of the compiled CLI: RECFLOW_COMPILED=1 asks for lib/ even in a checkout, and
 * without a compiled CLI there it refuses with the step to take instead of a module-not-found trace. And its
 * restart of a batch that runs a worker on every core, with garbage collection on one thread.
 * (That the launcher runs lib/ once built is shown by package.test.ts, on the installed package.)
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';

const run = promisify(execFile);
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

it('refuses RECFLOW_COMPILED=1 when lib/ holds no compiled CLI, naming the build step (exit 2)', async () => {
  // A copy of the launcher in a folder with neither the TypeScript source nor lib/ beside it.
  const dir = await mkdtemp(join(tmpdir(), 'recflow-launcher-'));
  dirs.push(dir);
  await mkdir(join(dir, 'bin'));
  await copyFile(fileURLToPath(new URL('./recflow.js', import.meta.url)), join(dir, 'bin', 'recflow.js'));
  const failed = await run(process.execPath, [join(dir, 'bin', 'recflow.js'), '--version'], { env: { ...process.env, RECFLOW_COMPILED: '1' } }).then(
    () => null,
    (e: { code: number; stderr: string }) => e,
  );
  expect(failed?.code).toBe(2);
  expect(failed?.stderr).toBe('RECFLOW_COMPILED=1, but lib/ holds no compiled CLI: run `npm run build:lib` first\n');
});

const launcher = fileURLToPath(new URL('./recflow.js', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));
const oneCall = `${JSON.stringify({
  call: { direction: 'inbound', numberId: 'num-support', callerNumber: '+15550111' },
  actions: [
    { at: 8, type: 'press', digit: '1' },
    { at: 20, type: 'answer', agentId: 'ag-ana' },
    { at: 60, type: 'hangUp', party: 'contact' },
  ],
})}\n`;

/** Each child process of `pid` with its command line (Linux: /proc). */
async function childProcesses(pid: number): Promise<Array<{ pid: string; commandLine: string[] }>> {
  const children = (await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8')).trim().split(/\s+/).filter(Boolean);
  return Promise.all(children.map(async (c) => ({ pid: c, commandLine: (await readFile(`/proc/${c}/cmdline`, 'utf8')).split('\0').filter(Boolean) })));
}

const BATCH = ['simulate', '--batch', '-', '--workspace', 'examples/workspace.json', '--flow', 'examples/flows/support-line.json'];

/**
 * Starts a batch over standard input on every core and waits until the launcher's second process runs its own
 * command line (until then, just forked, a child shows the launcher's; while it execs, none).
 */
async function batchOnEveryCore() {
  const args = [launcher, ...BATCH];
  const launched = spawn(process.execPath, args, { cwd: root });
  let stdout = '';
  launched.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => launched.on('exit', (code, signal) => done({ code, signal })));
  // Mid-exec a child's command line also reads empty for a moment.
  const started = (children: Array<{ commandLine: string[] }>) =>
    children.length > 0 && children.every(({ commandLine }) => commandLine.includes(launcher) && commandLine.slice(1).join(' ') !== args.join(' '));
  let children: Array<{ pid: string; commandLine: string[] }> = [];
  for (let tries = 0; !started(children) && tries < 200; tries++) {
    await new Promise((r) => setTimeout(r, 50));
    children = await childProcesses(launched.pid!).catch(() => []);
  }
  return { launched, children, ended, output: () => stdout };
}

// The restart needs a worker on every core of at least two (runtime/cli/batchProcess.ts), and /proc to see it.
const restarts = process.platform === 'linux' && availableParallelism() >= 2;

it.runIf(restarts)('runs a batch with a worker on every core in a second process that collects garbage on one thread, and ends as it ends', async () => {
  const batch = await batchOnEveryCore();
  expect(batch.children).toHaveLength(1);
  expect(batch.children[0]!.commandLine).toContain('--single-threaded-gc');
  expect(batch.children[0]!.commandLine.slice(-BATCH.length)).toEqual(BATCH);
  // Standard input reaches the batch; its output and exit code are the command's.
  batch.launched.stdin.end(oneCall.repeat(3));
  expect(await batch.ended).toEqual({ code: 0, signal: null });
  const lines = batch.output().trim().split('\n');
  expect(lines.map((l) => JSON.parse(l).line)).toEqual([1, 2, 3]);
  expect(JSON.parse(lines[2]!)).toMatchObject({ recorded: true, segments: [{ start: 8, end: 60 }] });
}, 30_000);

it.runIf(restarts)('passes a termination signal on to the batch and ends by it, leaving no process behind', async () => {
  const batch = await batchOnEveryCore();
  const child = batch.children[0]!.pid;
  batch.launched.kill('SIGTERM');
  expect(await batch.ended).toEqual({ code: null, signal: 'SIGTERM' });
  await new Promise((r) => setTimeout(r, 200));
  expect(existsSync(`/proc/${child}`)).toBe(false);
}, 30_000);

it.runIf(restarts)('ends with the batch exit code: 2 for a log it cannot read', async () => {
  const failed = await run(process.execPath, [launcher, 'simulate', '--batch', 'no-such-log.ndjson', '--workspace', 'examples/workspace.json'], { cwd: root }).then(
    () => null,
    (e: { code: number; stderr: string }) => e,
  );
  expect(failed?.code).toBe(2);
  expect(failed?.stderr).toContain('cannot read the file: no such file');
}, 30_000);
