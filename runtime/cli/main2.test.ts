/**
 * `recflow` run with the real process's streams (no `io` given, as bin/recflow.js runs it): the version, batch
 * output on stdout with back-pressure, and the progress line on a terminal's stderr. Each test spies on
 * process.stdout.write / process.stderr.write and asserts what the user sees there.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from './main.ts';

const WS = 'examples/workspace.json';
const SUPPORT = 'examples/flows/support-line.json';

/** One support-line call Ben answers, hung up at 40 s (recorded 6–40 s: 34 s). */
function callLine(): string {
  return JSON.stringify({
    call: { direction: 'inbound', numberId: 'num-support', callerNumber: '+15550111' },
    actions: [
      { at: 6, type: 'press', digit: '1' },
      { at: 10, type: 'answer', agentId: 'ag-ben' },
      { at: 40, type: 'hangUp', party: 'contact' },
    ],
  });
}

async function logFile(lines: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'recflow-main2-'));
  const file = join(dir, 'calls.ndjson');
  await writeFile(file, `${Array.from({ length: lines }, callLine).join('\n')}\n`);
  return file;
}

const text = (calls: unknown[][]) => calls.map(([chunk]) => (typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk as Uint8Array))).join('');

/** Resolves to 'settled' once `p` settles, or 'pending' after `ms`. */
function within(p: Promise<unknown>, ms: number): Promise<'settled' | 'pending'> {
  return Promise.race([p.then(() => 'settled' as const), new Promise<'pending'>((r) => setTimeout(() => r('pending'), ms))]);
}

const wasTTY = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');

afterEach(() => {
  vi.restoreAllMocks();
  if (wasTTY) Object.defineProperty(process.stderr, 'isTTY', wasTTY);
  else delete (process.stderr as { isTTY?: boolean }).isTTY;
});

function setStderrTTY(value: boolean) {
  Object.defineProperty(process.stderr, 'isTTY', { value, configurable: true, writable: true });
}

describe('recflow with the process’s own streams', () => {
  it('--version, -v and version print "recflow <version of package.json>" on stdout and exit 0', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    for (const flag of ['--version', '-v', 'version']) {
      out.mockClear();
      expect(await main([flag]), flag).toBe(0);
      expect(out.mock.calls, flag).toEqual([[`recflow ${pkg.version}\n`]]);
    }
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(err).not.toHaveBeenCalled();
  });

  it('writes a batch’s NDJSON lines to stdout; no progress line when stderr is not a terminal', async () => {
    setStderrTTY(false);
    const file = await logFile(2);
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const run = main(['simulate', '--batch', file, '--workspace', WS, '--flow', SUPPORT]);
    // Everything written was taken at once: nothing waits for a 'drain' that never comes.
    expect(await within(run, 5000)).toBe('settled');
    expect(await run).toBe(0);
    const lines = text(out.mock.calls).trimEnd().split('\n').map((l) => JSON.parse(l) as { line: number; totalRecordedSeconds: number });
    expect(lines.map((l) => [l.line, l.totalRecordedSeconds])).toEqual([
      [1, 34],
      [2, 34],
    ]);
    expect(err).not.toHaveBeenCalled();
  });

  it('holds the batch back while stdout’s buffer is full, until stdout drains (a slow reader fills no memory)', async () => {
    setStderrTTY(false);
    const file = await logFile(1);
    let full = true;
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => !full);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const run = main(['simulate', '--batch', file, '--workspace', WS, '--flow', SUPPORT]);
    expect(await within(run, 300)).toBe('pending');
    expect(JSON.parse(text(out.mock.calls))).toMatchObject({ line: 1, totalRecordedSeconds: 34 });
    full = false;
    process.stdout.emit('drain');
    expect(await within(run, 5000)).toBe('settled');
    expect(await run).toBe(0);
  });

  it('on a terminal, clears its progress line from stderr when the batch ends (and leaves nothing behind)', async () => {
    setStderrTTY(true);
    const file = await logFile(1);
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main(['simulate', '--batch', file, '--workspace', WS, '--flow', SUPPORT])).toBe(0);
    const writes = err.mock.calls.map(([chunk]) => String(chunk));
    expect(writes.length).toBeGreaterThan(0);
    // Every write goes back to the line's start and erases it; the last one leaves the line empty.
    for (const w of writes) expect(w.startsWith('\r\u001b[K')).toBe(true);
    expect(writes.at(-1)).toBe('\r\u001b[K');
  });

  it('`--batch -` reads the process’s standard input: an empty log there runs no call, prints nothing and exits 0', async () => {
    setStderrTTY(false);
    // An empty stream: no line reaches a worker thread (workers start only for lines), so none is started here.
    const stdin = vi.spyOn(process, 'stdin', 'get').mockReturnValue(Readable.from([]) as typeof process.stdin);
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main(['simulate', '--batch', '-', '--workspace', WS, '--flow', SUPPORT])).toBe(0);
    expect(stdin).toHaveBeenCalled();
    expect(out).not.toHaveBeenCalled();
    expect(err).not.toHaveBeenCalled();
  });
});
