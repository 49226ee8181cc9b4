/**
 * R4: an inbound call enters the flow of the number dialled. `simulate --batch --flow` runs through the given flow
 * only the calls to numbers it answers, as `diff --calls` compares only those; a log none of whose calls reach the
 * flow checked nothing, and both commands say so with exit 2.
 */
import { describe, expect, it } from 'vitest';
import { cli, jsonLines, temp } from './testCli.ts';

const WS = 'examples/workspace.json';
const SUPPORT = 'examples/flows/support-line.json';
const PUBLISHED = 'examples/published/support-line.json';

const inbound = (numberId: string) =>
  JSON.stringify({
    call: { direction: 'inbound', numberId, callerNumber: '+15550111' },
    actions: [
      { at: 6, type: 'press', digit: '1' },
      { at: 10, type: 'answer', agentId: 'ag-ben' },
      { at: 60, type: 'hangUp', party: 'contact' },
    ],
  });
const outbound = JSON.stringify({
  call: { direction: 'outbound', agentId: 'ag-eva', fromNumberId: 'num-support', contactNumber: '+15550199' },
  actions: [
    { at: 5, type: 'contactAnswer' },
    { at: 60, type: 'hangUp', party: 'contact' },
  ],
});

describe('simulate --batch --flow over a mixed log (R4)', () => {
  it('runs through the flow only calls to the numbers its Start answers; others are named in place and counted', async () => {
    // num-direct runs no flow (flowId null) and num-payments another: before, both went through the support IVR.
    const log = await temp('mixed.ndjson', [inbound('num-support'), inbound('num-direct'), inbound('num-payments'), outbound].join('\n'));
    const r = await cli(['simulate', '--batch', log, '-w', WS, '-f', SUPPORT, '--fields', 'path', '--summary']);
    expect(r.code).toBe(0);
    const lines = jsonLines(r.out);
    expect(lines[0]).toMatchObject({ line: 1, path: expect.arrayContaining(['menu']) });
    expect(lines[1]).toEqual({ line: 2, notThroughFlow: 'the flow "support-line" does not answer num-direct (it answers num-support): not run' });
    expect(lines[2]).toEqual({ line: 3, notThroughFlow: 'the flow "support-line" does not answer num-payments (it answers num-support): not run' });
    // R8: an outbound call runs no flow; it is simulated as before.
    expect(lines[3]).toEqual({ line: 4, path: [] });
    expect(lines[4]).toMatchObject({ summary: { lines: 4, calls: 2, refusedLines: 0, notThroughFlow: 2 } });
  });

  it('warns and exits 2 when no call of the log dialled a number the flow answers', async () => {
    const log = await temp('direct.ndjson', [inbound('num-direct'), outbound].join('\n'));
    const r = await cli(['simulate', '--batch', log, '-w', WS, '-f', SUPPORT, '--fields', 'none']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/warning: no call of the log dialled a number the flow answers \(num-support\)/);
  });

  it('without --flow every inbound call runs its own number\'s flow, as before (num-direct rings agents: no flow)', async () => {
    const log = await temp('direct.ndjson', inbound('num-direct'));
    const r = await cli(['simulate', '--batch', log, '-w', WS, '--fields', 'path']);
    expect(r.code).toBe(0);
    expect(jsonLines(r.out)).toEqual([{ line: 1, path: [] }]);
  });

  it('a single scenario runs through the flow it names, with a note when the flow does not answer its number', async () => {
    const scenario = await temp('direct.json', inbound('num-direct'));
    const r = await cli(['simulate', '-w', WS, '-f', SUPPORT, scenario]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).path).toContain('menu');
    expect(r.err).toMatch(/note: the flow "support-line" does not answer num-direct/);
  });
});

describe('diff --calls when no call reaches the flow', () => {
  it('warns, listing the flow\'s numbers, and exits 2 (before: "0 through the flow", exit 0)', async () => {
    const log = await temp('others.ndjson', [inbound('num-direct'), inbound('num-payments'), outbound].join('\n'));
    const r = await cli(['diff', '--calls', log, '-w', WS, PUBLISHED, SUPPORT]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/3 calls, 0 through the flow/);
    expect(r.err).toMatch(/warning: no call of the log dialled a number the flow answers \(the flow answers num-support\): nothing was compared/);
  });

  it('compares as before once one call reaches it', async () => {
    const log = await temp('some.ndjson', [inbound('num-direct'), inbound('num-support')].join('\n'));
    const r = await cli(['diff', '--calls', log, '-w', WS, PUBLISHED, SUPPORT]);
    expect(r).toMatchObject({ code: 1, err: '', out: expect.stringMatching(/2 calls, 1 through the flow, 1 record differently/) });
  });
});
