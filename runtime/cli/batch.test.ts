/**
 * `recflow simulate --batch` and `recflow diff --calls` as a user runs them (through `main`, and as a spawned
 * process where threads and standard input matter), plus the pieces they are made of.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALL_LIMITS } from '../call/limits.ts';
import { parseShard, runLog } from './batch.ts';
import { SMALL_LOG_BYTES, workerCount } from './batchProcess.ts';
import { cannotRead, linePieces } from './batchInput.ts';
import { type BatchCounts, emptyCounts, mergeCounts } from './batchLines.ts';
import type { BatchWorkerData } from './batchWork.ts';
import { type CliIO, main } from './main.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const WS = 'examples/workspace.json';
const SUPPORT = 'examples/flows/support-line.json';

async function cli(args: string[], extra: Partial<CliIO> = {}) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), cwd: root, ...extra });
  return { code, out, err };
}

const support = { direction: 'inbound', numberId: 'num-support', callerNumber: '+15550111' };
/** A support-line call Ben answers; recorded from 6 s to `hangUpAt`. */
const call = (hangUpAt: number, extra: object = {}) =>
  JSON.stringify({
    call: support,
    actions: [
      { at: 6, type: 'press', digit: '1' },
      { at: 10, type: 'answer', agentId: 'ag-ben' },
      { at: hangUpAt, type: 'hangUp', party: 'contact' },
    ],
    ...extra,
  });

async function tempFile(name: string, content: string | Uint8Array): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'recflow-batch-'));
  const file = join(dir, name);
  await writeFile(file, content);
  return file;
}

const parseLines = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown> & { line: number });

describe('recflow simulate --batch', () => {
  it('every output line starts with its input line number, so blank and broken lines never shift later results', async () => {
    const file = await tempFile('calls.ndjson', [call(40), '', '{"call": 1}', 'not json', '   ', `${call(50)}\r`, call(60)].join('\n'));
    const r = await cli(['simulate', '--batch', file, '--workspace', WS, '--flow', SUPPORT]);
    expect(r.code).toBe(1); // two lines could not run
    const out = parseLines(r.out);
    expect(out.map((l) => l.line)).toEqual([1, 3, 4, 6, 7]);
    expect(out.map((l) => l.totalRecordedSeconds ?? l.error)).toEqual([
      34,
      expect.stringMatching(/^\$\.call: /),
      expect.stringMatching(/not valid JSON/),
      44,
      54,
    ]);
    expect(r.out.startsWith('{"line":1,')).toBe(true);
  });

  it('--fields picks the result fields (default: all but the display timeline); unknown fields are refused', async () => {
    const file = await tempFile('calls.ndjson', `${call(40)}\n`);
    const base = ['simulate', '--batch', file, '--workspace', WS, '--flow', SUPPORT];
    const [byDefault] = parseLines((await cli(base)).out);
    expect(byDefault).toHaveProperty('segments');
    expect(byDefault).toHaveProperty('limitReached', null);
    expect(byDefault).not.toHaveProperty('timeline');
    const [all] = parseLines((await cli([...base, '--fields', 'all'])).out);
    expect(all).toHaveProperty('timeline.markers');
    const [some] = parseLines((await cli([...base, '--fields', 'recorded,totalRecordedSeconds'])).out);
    expect(some).toEqual({ line: 1, recorded: true, totalRecordedSeconds: 34 });
    const [none] = parseLines((await cli([...base, '--fields', 'none'])).out);
    expect(none).toEqual({ line: 1 });
    const bad = await cli([...base, '--fields', 'segments,colour']);
    expect(bad).toMatchObject({ code: 2, err: expect.stringMatching(/no result field "colour"/) });
  });

  it('--summary ends with calls, recorded share, seconds by channel and end reason, refusals by code, failed expectations', async () => {
    const lines = [
      call(40, { expect: { totalRecordedSeconds: 34 } }),
      call(50, { expect: { totalRecordedSeconds: 1 } }),
      JSON.stringify({ call: support, actions: [{ at: 6, type: 'press', digit: '1' }, { at: 8, type: 'pause', agentId: 'ag-ben' }, { at: 9, type: 'hangUp', party: 'contact' }] }),
      'oops',
    ];
    const file = await tempFile('calls.ndjson', lines.join('\n'));
    const r = await cli(['simulate', '--batch', file, '--workspace', WS, '--flow', SUPPORT, '--summary', '--fields', 'none']);
    expect(r.code).toBe(1);
    const out = parseLines(r.out);
    expect(out[0]).toEqual({ line: 1, expectation: { passed: true, differences: [] } });
    expect(out[1]).toEqual({ line: 2, expectation: { passed: false, differences: ['$.totalRecordedSeconds: expected 1, got 44'] } });
    expect(out.at(-1)).toEqual({
      summary: {
        lines: 4,
        calls: 3,
        refusedLines: 1,
        recorded: 3,
        recordedShare: 1,
        recordedSeconds: { total: 81, byChannels: { dual: 81, mono: 0 }, byEndReason: { 'hang-up': 81 } },
        refusals: { 'not-allowed-by-settings': 1 },
        limitReached: { steps: 0, seconds: 0 },
        notThroughFlow: 0,
        flowStopped: { calls: 0, lines: [] },
        expect: { checked: 2, failed: 1, failedLines: [2] },
      },
    });
  });

  it('reads standard input (-) and gzip, from a file or from standard input', async () => {
    const text = `${call(40)}\n${call(41)}\n`;
    const plain = (await cli(['simulate', '--batch', '-', '-w', WS, '-f', SUPPORT], { stdin: () => Readable.from([Buffer.from(text)]) })).out;
    expect(parseLines(plain).map((l) => l.totalRecordedSeconds)).toEqual([34, 35]);
    const gz = await tempFile('calls.ndjson.gz', gzipSync(text));
    expect((await cli(['simulate', '--batch', gz, '-w', WS, '-f', SUPPORT])).out).toBe(plain);
    // Gzip is known by its first bytes, whatever the name, and may arrive in pieces of any size.
    const zipped = gzipSync(text);
    const dribble = () => Readable.from(Array.from(zipped, (b) => Buffer.from([b])));
    expect((await cli(['simulate', '--batch', '-', '-w', WS, '-f', SUPPORT], { stdin: dribble })).out).toBe(plain);
    const broken = await tempFile('broken.gz', zipped.subarray(0, 20));
    expect(await cli(['simulate', '--batch', broken, '-w', WS, '-f', SUPPORT])).toMatchObject({ code: 2, err: expect.stringMatching(/not a readable gzip file/) });
    // Four runs of the CLI: 1.4 s alone, over 5 s while the whole suite loads this 2-core machine.
  }, 30_000);

  it('a directory or an unreadable file gets the clear "cannot read" of the other commands', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'recflow-batch-'));
    const r = await cli(['simulate', '--batch', dir, '-w', WS]);
    expect(r).toMatchObject({ code: 2, err: `recflow simulate: ${dir}: cannot read the file: is a directory\n` });
    expect(await cli(['simulate', '--batch', 'no/such.ndjson', '-w', WS])).toMatchObject({ code: 2, err: expect.stringMatching(/cannot read the file: no such file/) });
    // Permissions cannot be taken from root (CI runs as root), so the wording is checked on the error itself.
    expect(cannotRead('calls.ndjson', Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })).message).toBe(
      'calls.ndjson: cannot read the file: permission denied',
    );
  });

  it('/dev/zero: a line past the limit is refused with its line number, and endless input is given up on, exit 2', async () => {
    const r = await cli(['simulate', '--batch', '/dev/zero', '-w', WS, '-f', SUPPORT]);
    expect(r.code).toBe(2);
    expect(parseLines(r.out)).toEqual([{ line: 1, error: expect.stringMatching(/longer than 1 MB/) }]);
    expect(r.err).toMatch(/line 1 runs on for more than 64 MB without ending: this is not a call log/);
    expect(r.err).not.toMatch(/RangeError|\n\s+at /);
  }, 30_000);

  it('a line too long is refused and the lines around it still run', async () => {
    const long = `{"call": ${JSON.stringify(support)}, "name": "${'x'.repeat(1024 * 1024)}", "actions": []}`;
    const file = await tempFile('calls.ndjson', [call(40), long, call(50)].join('\n'));
    const out = parseLines((await cli(['simulate', '--batch', file, '-w', WS, '-f', SUPPORT, '--fields', 'totalRecordedSeconds'])).out);
    expect(out).toEqual([{ line: 1, totalRecordedSeconds: 34 }, { line: 2, error: expect.stringMatching(/longer than 1 MB/) }, { line: 3, totalRecordedSeconds: 44 }]);
  });

  it('a call looping for a week stops at the step limit and the next lines are not held up', async () => {
    const loop = JSON.stringify({
      format: 'recflow.flow',
      version: 2,
      id: 'loop',
      name: 'Loop',
      nodes: [
        { id: 's', kind: 'start', position: { x: 0, y: 0 }, data: { label: 'Start', numberIds: ['num-support'] } },
        { id: 'p', kind: 'play', position: { x: 0, y: 100 }, data: { label: 'P', text: '', durationSeconds: 1, recordingNotice: true } },
        { id: 'r', kind: 'recording', position: { x: 0, y: 200 }, data: { label: 'R', record: 'on', channels: 'default', agentPause: 'default' } },
      ],
      edges: [
        { id: 'e1', source: 's', sourcePort: 'next', target: 'p' },
        { id: 'e2', source: 'p', sourcePort: 'next', target: 'r' },
        { id: 'e3', source: 'r', sourcePort: 'next', target: 'p' },
      ],
    });
    const flow = await tempFile('loop.json', loop);
    const week = JSON.stringify({ call: support, actions: [], runUntil: 7 * 24 * 3600 });
    const file = await tempFile('calls.ndjson', [week, week, JSON.stringify({ call: support, actions: [{ at: 3, type: 'hangUp', party: 'contact' }] })].join('\n'));
    const started = performance.now();
    const r = await cli(['simulate', '--batch', file, '-w', WS, '-f', flow, '--fields', 'limitReached,duration', '--summary']);
    expect(performance.now() - started).toBeLessThan(10_000);
    const out = parseLines(r.out);
    expect(out[0]).toMatchObject({ line: 1, limitReached: { limit: 'steps', at: 500 }, duration: 500 });
    expect(out[2]).toEqual({ line: 3, limitReached: null, duration: 3 });
    expect(out[3]).toMatchObject({ summary: { limitReached: { steps: 2, seconds: 0 } } });
    expect(CALL_LIMITS.steps).toBe(1000);
  });

  it('a result over 1 MB is printed as an error naming its size; fewer fields carry it, and the next line runs', async () => {
    // Ten thousand refused actions (the most a scenario may hold): each leaves a rejection and a timeline marker.
    const actions = Array.from({ length: 10_000 }, (_, i) => ({ at: i, type: 'hold', agentId: 'ag-nobody' }));
    const file = await tempFile('calls.ndjson', [JSON.stringify({ call: support, actions }), call(40)].join('\n'));
    const all = await cli(['simulate', '--batch', file, '-w', WS, '-f', SUPPORT, '--fields', 'all']);
    expect(all.code).toBe(1);
    const out = parseLines(all.out);
    expect(out[0]).toEqual({ line: 1, error: expect.stringMatching(/^the result is \d+\.\d MB, over the 1 MB limit for one line; choose fewer --fields/) });
    expect(out[1]).toMatchObject({ line: 2, totalRecordedSeconds: 34 });
    const few = parseLines((await cli(['simulate', '--batch', file, '-w', WS, '-f', SUPPORT, '--fields', 'totalRecordedSeconds,duration'])).out);
    expect(few[0]).toEqual({ line: 1, totalRecordedSeconds: expect.any(Number), duration: expect.any(Number) });
  }, 30_000);

  it('--workers beyond the cores is capped there (with a note); nonsense is refused', async () => {
    const cores = availableParallelism();
    let err = '';
    expect(workerCount('256', { err: (t) => (err += t) }, 'simulate')).toBe(cores);
    expect(err).toBe(`recflow simulate: using ${cores} worker${cores === 1 ? '' : 's'}, one per core (asked for 256)\n`);
    expect(workerCount(undefined, { err: () => {} }, 'simulate')).toBe(cores);
    expect(workerCount('1', { err: () => {} }, 'simulate')).toBe(1);
    const file = await tempFile('calls.ndjson', `${call(40)}\n`);
    for (const bad of ['0', '1.5', 'two']) {
      expect(await cli(['simulate', '--batch', file, '-w', WS, '--workers', bad])).toMatchObject({ code: 2, err: expect.stringMatching(/--workers must be a whole number/) });
    }
  });

  it('runs on worker threads, in input order, as a spawned process reading a pipe', async () => {
    const lines = Array.from({ length: 700 }, (_, i) => call(20 + i));
    lines.splice(300, 0, '{"call": 1}');
    const text = `${lines.join('\n')}\n`;
    expect(text.length).toBeGreaterThan(SMALL_LOG_BYTES);
    const file = await tempFile('calls.ndjson', text);
    const run = (args: string[], input?: string) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        const child = execFile(process.execPath, ['bin/recflow.js', ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
          resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
        );
        if (input !== undefined) child.stdin!.end(input);
      });
    const fromFile = await run(['simulate', '--batch', file, '-w', WS, '-f', SUPPORT, '--workers', '2', '--fields', 'totalRecordedSeconds']);
    expect(fromFile.code).toBe(1);
    const out = parseLines(fromFile.stdout);
    expect(out).toHaveLength(701);
    expect(out[300]).toMatchObject({ line: 301, error: expect.stringMatching(/\$\.call/) });
    expect(out.filter((l) => l.error === undefined).map((l) => l.totalRecordedSeconds)).toEqual(Array.from({ length: 700 }, (_, i) => 14 + i));
    expect(out.map((l) => l.line)).toEqual(Array.from({ length: 701 }, (_, i) => i + 1));
    const fromPipe = await run(['simulate', '--batch', '-', '-w', WS, '-f', SUPPORT, '--fields', 'totalRecordedSeconds'], text);
    expect(fromPipe.stdout).toBe(fromFile.stdout);
  }, 60_000);

  it('shows progress on a terminal (calls done, calls per second, time left for a file) and clears it at the end', async () => {
    // Over SMALL_LOG_BYTES, so a worker thread runs the calls while the main thread reports.
    const lines = Math.ceil(SMALL_LOG_BYTES / call(40).length) + 20;
    const file = await tempFile('calls.ndjson', `${call(40)}\n`.repeat(lines));
    const statuses: Array<string | null> = [];
    const r = await cli(['simulate', '--batch', file, '-w', WS, '-f', SUPPORT, '--workers', '1', '--fields', 'none'], { status: (s) => statuses.push(s) });
    expect(r.code).toBe(0);
    expect(parseLines(r.out)).toHaveLength(lines);
    expect(statuses.some((s) => s !== null && /^[\d,]+ calls, [\d,]+ calls\/s, about \d+ (s|min) left$/.test(s))).toBe(true);
    expect(statuses.at(-1)).toBeNull();
    const ws = await readFile(join(root, WS), 'utf8');
    const data: BatchWorkerData = { mode: 'simulate', workspaceText: ws, flowText: await readFile(join(root, SUPPORT), 'utf8'), fields: 'none', shard: null };
    const slow = Readable.from(
      (async function* () {
        for (let i = 0; i < 6; i++) {
          yield Buffer.from(`${call(40)}\n`);
          await new Promise((res) => setTimeout(res, 150));
        }
      })(),
    );
    const seen: Array<string | null> = [];
    await runLog({
      log: '-',
      io: { out: () => {}, err: () => {}, cwd: root, stdin: () => slow, status: (s) => seen.push(s) },
      data,
      workers: 0,
      total: emptyCounts(),
      merge: mergeCounts,
      tooLong: () => null,
    });
    expect(seen.some((s) => s !== null && /^\d+ calls, \d+ calls\/s/.test(s))).toBe(true);
    expect(seen.at(-1)).toBeNull();
    // Starts a worker thread (which loads the TypeScript runtime): 4.8-5.1 s while the whole suite loads this 2-core machine.
  }, 30_000);
});

describe('--shard', () => {
  it('reads k/n, and auto from a Kubernetes indexed job or an AWS Batch array job (indexes from 0)', () => {
    expect(parseShard(undefined, {})).toBeNull();
    expect(parseShard('2/8', {})).toEqual({ k: 2, n: 8 });
    expect(parseShard('auto/4', { JOB_COMPLETION_INDEX: '0' })).toEqual({ k: 1, n: 4 });
    expect(parseShard('auto', { AWS_BATCH_JOB_ARRAY_INDEX: '3', RECFLOW_SHARD_COUNT: '4' })).toEqual({ k: 4, n: 4 });
    expect(parseShard('auto', { AWS_BATCH_JOB_ARRAY_INDEX: '3' })).toMatch(/needs the number of shards/);
    expect(parseShard('auto/4', {})).toMatch(/neither JOB_COMPLETION_INDEX nor AWS_BATCH_JOB_ARRAY_INDEX is set/);
    expect(parseShard('auto/4', { JOB_COMPLETION_INDEX: '4' })).toMatch(/only 4 shards/);
    for (const bad of ['0/4', '5/4', '1/0', 'x/2', '1/2/3', '1.5/2']) expect(typeof parseShard(bad, {})).toBe('string');
  });

  it('(property) the union of the n shards is the whole output, line for line, and so are their summaries', async () => {
    const ws = await readFile(join(root, WS), 'utf8');
    const flowText = await readFile(join(root, SUPPORT), 'utf8');
    const lineArb = fc.oneof(
      fc.integer({ min: 11, max: 400 }).map((t) => call(t)),
      fc.constantFrom('', '   ', 'not json', '{"call": {}}'),
    );
    const runShard = async (log: string, shard: { k: number; n: number } | null) => {
      let out = '';
      const counts = await runLog<BatchCounts>({
        log: '-',
        io: { out: (t) => (out += t), err: () => {}, cwd: root, stdin: () => Readable.from([Buffer.from(log)]) },
        data: { mode: 'simulate', workspaceText: ws, flowText, fields: 'totalRecordedSeconds', shard },
        workers: 0,
        total: emptyCounts(),
        merge: mergeCounts,
        tooLong: () => null,
      });
      return { lines: parseLines(out), counts };
    };
    await fc.assert(
      fc.asyncProperty(fc.array(lineArb, { maxLength: 40 }), fc.integer({ min: 1, max: 5 }), async (lines, n) => {
        const log = lines.join('\n');
        const whole = await runShard(log, null);
        const parts = await Promise.all(Array.from({ length: n }, (_, i) => runShard(log, { k: i + 1, n })));
        const union = parts.flatMap((p) => p.lines).sort((a, b) => a.line - b.line);
        expect(union).toEqual(whole.lines);
        for (const [i, p] of parts.entries()) expect(p.lines.every((l) => (l.line - 1) % n === i)).toBe(true);
        const merged = emptyCounts();
        for (const p of parts) mergeCounts(merged, p.counts);
        expect(merged).toEqual(whole.counts);
      }),
      { numRuns: 25 },
    );
  });

  it('the README recipe: each job of an indexed job takes its own lines', async () => {
    const file = await tempFile('calls.ndjson', Array.from({ length: 5 }, (_, i) => call(20 + i)).join('\n'));
    const lines = async (env: Record<string, string>) =>
      parseLines((await cli(['simulate', '--batch', file, '-w', WS, '-f', SUPPORT, '--shard', 'auto/2', '--fields', 'none'], { env })).out).map((l) => l.line);
    expect(await lines({ JOB_COMPLETION_INDEX: '0' })).toEqual([1, 3, 5]);
    expect(await lines({ JOB_COMPLETION_INDEX: '1' })).toEqual([2, 4]);
  });
});

describe('reading lines', () => {
  it('pieces hold whole lines, numbered from 1, whatever the chunks; a too-long line is refused and skipped', async () => {
    const text = 'a\nbb\n\nccc\r\nlooooong\ndd';
    const chunks = (size: number) => Readable.from(Array.from({ length: Math.ceil(text.length / size) }, (_, i) => Buffer.from(text.slice(i * size, (i + 1) * size))));
    for (const size of [1, 2, 3, 7, 100]) {
      const got: Array<string | number> = [];
      for await (const p of linePieces(chunks(size), 'log', { maxLine: 6 })) {
        if (p.kind === 'tooLong') got.push(p.line);
        else {
          const lines = Buffer.from(p.bytes).toString().split('\n');
          if (lines.at(-1) === '') lines.pop();
          expect(lines).toHaveLength(p.count);
          for (const [i, l] of lines.entries()) got.push(`${p.firstLine + i}:${l}`);
        }
      }
      expect(got).toEqual(['1:a', '2:bb', '3:', '4:ccc\r', 5, '6:dd']);
    }
  });
});

describe('recflow diff --calls', () => {
  const dirP = mkdtemp(join(tmpdir(), 'recflow-diffcalls-'));
  async function version(name: string, edit: (flow: { nodes: Array<{ id: string; data: Record<string, unknown> }> }) => void) {
    const flow = JSON.parse(await readFile(join(root, SUPPORT), 'utf8'));
    edit(flow);
    const dir = await dirP;
    await mkdir(dir, { recursive: true });
    const file = join(dir, name);
    await writeFile(file, JSON.stringify(flow));
    return file;
  }

  it('reports the calls whose recording changed: how, why (the node), seconds per channel layout and example lines; exit 1', async () => {
    const off = await version('off.json', (f) => {
      f.nodes.find((n) => n.id === 'record')!.data.record = 'off';
    });
    const outbound = JSON.stringify({ call: { direction: 'outbound', agentId: 'ag-ben', fromNumberId: 'num-support', contactNumber: '+15550199' }, actions: [{ at: 5, type: 'contactAnswer' }, { at: 30, type: 'hangUp', party: 'contact' }] });
    const log = await tempFile('calls.ndjson', [call(40), outbound, 'oops', call(50)].join('\n'));
    const r = await cli(['diff', '--calls', log, '-w', WS, SUPPORT, off]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${SUPPORT} → ${off} over ${log}: 3 calls, 2 through the flow, 2 record differently (100.0 %)`);
    expect(r.out).toContain('  1 line could not run, e.g.\n      line 3: not valid JSON');
    expect(r.out).toContain('  recorded seconds: dual −78 s\n');
    expect(r.out).not.toContain('mono ±0');
    expect(r.out).toContain('  2 calls: no longer recorded\n      because Recording "Record support call" (record): record: "on" → "off"\n      dual −78 s · 2 segments vanished\n      e.g. lines 1, 4');
    const json = JSON.parse((await cli(['diff', '--calls', log, '-w', WS, '--json', SUPPORT, off])).out);
    expect(json).toMatchObject({ calls: 3, through: 2, changed: 2, groups: [{ effect: 'no longer recorded', calls: 2, examples: [1, 4], seconds: { dual: -78, mono: 0 } }] });
  });

  it('(property) over any log, two identical versions report nothing and exit 0', async () => {
    const moved = await version('moved.json', (f) => {
      for (const n of f.nodes as Array<{ position?: { x: number } }>) if (n.position) n.position.x += 40;
    });
    const lineArb = fc.oneof(
      fc.record({ hangUp: fc.integer({ min: 0, max: 300 }), press: fc.constantFrom('1', '2', '3', '9'), agent: fc.constantFrom('ag-ana', 'ag-ben', 'ag-dev') }).map(({ hangUp, press, agent }) =>
        JSON.stringify({ call: support, actions: [{ at: 5, type: 'press', digit: press }, { at: 9, type: 'answer', agentId: agent }, { at: 9 + hangUp, type: 'hangUp', party: 'contact' }] }),
      ),
      fc.constant(''),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(lineArb, { minLength: 1, maxLength: 12 }), async (lines) => {
        const log = await tempFile('calls.ndjson', lines.join('\n'));
        for (const after of [SUPPORT, moved]) {
          const r = await cli(['diff', '--calls', log, '-w', WS, '--json', SUPPORT, after]);
          expect(r.code).toBe(0);
          expect(JSON.parse(r.out)).toMatchObject({ changed: 0, groups: [], seconds: { dual: 0, mono: 0 } });
        }
      }),
      { numRuns: 8 },
    );
  });

  it('refuses options that do not go together', async () => {
    expect(await cli(['diff', '--calls', 'x.ndjson', SUPPORT, SUPPORT])).toMatchObject({ code: 2, err: expect.stringMatching(/--calls needs --workspace/) });
    expect(await cli(['diff', '-w', WS, SUPPORT, SUPPORT])).toMatchObject({ code: 2, err: expect.stringMatching(/--workspace goes with --calls/) });
    expect(await cli(['diff', '--calls', '/nope', '-w', WS, SUPPORT, SUPPORT])).toMatchObject({ code: 2, err: expect.stringMatching(/cannot read the file: no such file/) });
  });
});
