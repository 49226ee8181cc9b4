/**
 * The `recflow` launcher's choice of the compiled CLI: RECFLOW_COMPILED=1 asks for lib/ even in a checkout, and
 * without a compiled CLI there it refuses with the step to take instead of a module-not-found trace.
 * (That the launcher runs lib/ once built is shown by package.test.ts, on the installed package.)
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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
