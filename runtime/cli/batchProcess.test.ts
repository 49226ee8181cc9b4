/**
 * When the launcher restarts a batch with V8's garbage collection on one thread: a worker on every core, a log
 * too large for the main thread alone, and not already so. (That the launcher does restart, passes signals on and
 * ends as the batch ends: bin/recflow.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { restartWithSingleThreadedGc, SINGLE_THREADED_GC, SMALL_LOG_BYTES } from './batchProcess.ts';

const LARGE = SMALL_LOG_BYTES + 1;
const facts = (over: Partial<Parameters<typeof restartWithSingleThreadedGc>[1]> = {}) => ({
  cores: 2,
  execArgv: [],
  cwd: '/logs',
  sizeOf: () => LARGE,
  ...over,
});
const simulate = (...more: string[]) => ['simulate', '--batch', 'calls.ndjson', '--workspace', 'ws.json', ...more];

describe('restarting a batch with single-threaded garbage collection', () => {
  it('restarts simulate --batch and diff --calls when a worker runs on every core (the default count)', () => {
    expect(restartWithSingleThreadedGc(simulate(), facts())).toBe(true);
    expect(restartWithSingleThreadedGc(['diff', '--calls', 'calls.ndjson', 'before.json', 'after.json'], facts())).toBe(true);
    expect(restartWithSingleThreadedGc(['simulate', '--workspace=ws.json', '--batch=calls.ndjson', '--summary'], facts())).toBe(true);
  });

  it('restarts when --workers asks for every core, or for more (the CLI caps them at the cores)', () => {
    expect(restartWithSingleThreadedGc(simulate('--workers', '2'), facts())).toBe(true);
    expect(restartWithSingleThreadedGc(simulate('--workers', '8'), facts())).toBe(true);
    expect(restartWithSingleThreadedGc(simulate('--workers', '4'), facts({ cores: 4 }))).toBe(true);
  });

  it('keeps the process when a core is left for the collector, or there is one worker only', () => {
    expect(restartWithSingleThreadedGc(simulate('--workers', '1'), facts())).toBe(false);
    expect(restartWithSingleThreadedGc(simulate('--workers', '3'), facts({ cores: 4 }))).toBe(false);
    // One core: one worker, and nothing to share.
    expect(restartWithSingleThreadedGc(simulate(), facts({ cores: 1 }))).toBe(false);
  });

  it('keeps the process when it already collects on one thread (the restarted process itself)', () => {
    expect(restartWithSingleThreadedGc(simulate(), facts({ execArgv: ['--import', 'tsx', SINGLE_THREADED_GC] }))).toBe(false);
  });

  it('keeps the process under a debugger, and passes other Node options on (a profile of the batch, say)', () => {
    expect(restartWithSingleThreadedGc(simulate(), facts({ execArgv: ['--inspect'] }))).toBe(false);
    expect(restartWithSingleThreadedGc(simulate(), facts({ execArgv: ['--inspect-brk=0.0.0.0:9230'] }))).toBe(false);
    expect(restartWithSingleThreadedGc(simulate(), facts({ execArgv: ['--cpu-prof', '--max-old-space-size=4096'] }))).toBe(true);
  });

  it('keeps the process for a log small enough for the main thread, and restarts for standard input (size unknown)', () => {
    const sizes: string[] = [];
    const small = facts({
      sizeOf: (path) => {
        sizes.push(path);
        return SMALL_LOG_BYTES;
      },
    });
    expect(restartWithSingleThreadedGc(simulate(), small)).toBe(false);
    // The log's path is read against the working directory, as the CLI reads it.
    expect(sizes).toEqual(['/logs/calls.ndjson']);
    expect(restartWithSingleThreadedGc(['simulate', '--batch', '-', '--workspace', 'ws.json'], small)).toBe(true);
    // Not a regular file (a named pipe), or not there: the restarted process reads it, or refuses it, as this one would.
    expect(restartWithSingleThreadedGc(simulate(), facts({ sizeOf: () => null }))).toBe(true);
  });

  it('keeps the process for every other command and for anything it cannot read for sure', () => {
    expect(restartWithSingleThreadedGc(['simulate', 'scenario.json', '--workspace', 'ws.json'], facts())).toBe(false);
    expect(restartWithSingleThreadedGc(['diff', 'before.json', 'after.json'], facts())).toBe(false);
    expect(restartWithSingleThreadedGc(['validate', '--batch', 'calls.ndjson'], facts())).toBe(false);
    expect(restartWithSingleThreadedGc([], facts())).toBe(false);
    // A worker count the CLI refuses (it says why, exit 2): no restart for it.
    expect(restartWithSingleThreadedGc(simulate('--workers', 'many'), facts())).toBe(false);
    expect(restartWithSingleThreadedGc(simulate('--workers', '0'), facts())).toBe(false);
    // --batch given without its file: the CLI's usage error.
    expect(restartWithSingleThreadedGc(['simulate', '--workspace', 'ws.json', '--batch'], facts())).toBe(false);
  });

  it('reads the size of a real file by itself when no size function is given', () => {
    const here = new URL('.', import.meta.url).pathname;
    // This test file is far smaller than SMALL_LOG_BYTES; a missing file has no size.
    expect(restartWithSingleThreadedGc(['simulate', '--batch', 'batchProcess.test.ts'], { cores: 2, execArgv: [], cwd: here })).toBe(false);
    expect(restartWithSingleThreadedGc(['simulate', '--batch', 'no-such.ndjson'], { cores: 2, execArgv: [], cwd: here })).toBe(true);
  });
});
