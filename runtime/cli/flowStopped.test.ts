/**
 * R28: a Flow node entering a flow the workspace lacks ends the call; every command says so (the result's
 * `flowStopped`, a line for people, exit 1), where before the only trace was a timeline marker and exit 0.
 */
import { describe, expect, it } from 'vitest';
import { cli, jsonLines, root, temp } from './testCli.ts';

const WS = 'examples/workspace.json';
const CLAIMS = 'examples/flows/claims-line.json';
// The sample workspace holds no flows: the claims line's hand-over to "payments-line" cannot be followed.
const toPayments = {
  call: { direction: 'inbound', numberId: 'num-claims', callerNumber: '+15550111' },
  actions: [
    { at: 5, type: 'wait' },
    { at: 6, type: 'choose', option: 'next' },
    { at: 9, type: 'choose', option: 'payment' },
    { at: 60, type: 'hangUp', party: 'contact' },
  ],
};
const stopped = { code: 'unknown-flow', at: 9, nodeId: 'to-payments', flowId: 'payments-line', message: 'the flow "payments-line" is not in the workspace' };

describe('a call reaching a flow the workspace lacks (R28)', () => {
  it('simulate: the result carries flowStopped, standard error says why, exit 1', async () => {
    const scenario = await temp('pay.json', JSON.stringify(toPayments));
    const r = await cli(['simulate', '-w', WS, '-f', CLAIMS, scenario]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).flowStopped).toEqual(stopped);
    expect(r.err).toMatch(/pay\.json: the call stopped at 9 s at node "to-payments": the flow "payments-line" is not in the workspace \(unknown-flow\)/);
  });

  it('simulate --batch: flowStopped on the line whatever --fields says, counted in the summary, exit 1', async () => {
    const log = await temp('pay.ndjson', JSON.stringify(toPayments));
    const r = await cli(['simulate', '--batch', log, '-w', WS, '-f', CLAIMS, '--fields', 'recorded', '--summary']);
    expect(r.code).toBe(1);
    const [line, summary] = jsonLines(r.out);
    expect(line).toEqual({ line: 1, recorded: false, flowStopped: stopped });
    expect(summary).toMatchObject({ summary: { calls: 1, flowStopped: { calls: 1, lines: [1] } } });
    expect(r.err).toMatch(/1 call stopped because a flow cannot be followed as written .*line 1/);
  });

  it('test: the scenario fails even when its expect matches', async () => {
    const scenario = { ...toPayments, workspace: `${root}${WS}`, flow: `${root}${CLAIMS}`, expect: { ended: true } };
    const file = await temp('pay.json', JSON.stringify(scenario));
    const r = await cli(['test', file]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/FAIL .*pay\.json\n\s+the call stopped at 9 s at node "to-payments"/);
  });

  it('diff --calls: the line could not run, naming the version (exit 1)', async () => {
    const log = await temp('pay.ndjson', JSON.stringify(toPayments));
    const r = await cli(['diff', '--calls', log, '-w', WS, CLAIMS, CLAIMS, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ refusedLines: 1, refused: [{ line: 1, error: expect.stringMatching(/^before: the call stopped at 9 s/) }] });
  });
});
