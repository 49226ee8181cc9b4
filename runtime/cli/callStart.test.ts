/**
 * Every command that runs a scenario refuses a call whose number or agent the workspace lacks (R4: the number's
 * settings apply; an unknown one silently fell through to the account's), with one message per field.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, root, temp } from './testCli.ts';

const WS = 'examples/workspace.json';
const SUPPORT = 'examples/flows/support-line.json';

// num-payments' override disables outbound recording (R2); "num-paymnets" is its typo.
const typoOutbound = { direction: 'outbound', agentId: 'ag-eva', fromNumberId: 'num-paymnets', contactNumber: '+15550199' };
const unknownAgent = { direction: 'outbound', agentId: 'zz', fromNumberId: 'num-support', contactNumber: '+15550199' };
const typoInbound = { direction: 'inbound', numberId: 'num-suport', callerNumber: '+15550111' };
const outboundActions = [
  { at: 5, type: 'contactAnswer' },
  { at: 60, type: 'hangUp', party: 'contact' },
];
const inboundActions = [
  { at: 6, type: 'press', digit: '1' },
  { at: 10, type: 'answer', agentId: 'ag-ben' },
  { at: 60, type: 'hangUp', party: 'contact' },
];
const line = (call: object, actions: object[]) => JSON.stringify({ call, actions });
const LOG = [line(typoOutbound, outboundActions), line(unknownAgent, outboundActions), line(typoInbound, inboundActions)].join('\n');
const MESSAGES = [
  '$.call.fromNumberId: no phone number "num-paymnets" in the workspace',
  '$.call.agentId: no agent "zz" in the workspace',
  '$.call.numberId: no phone number "num-suport" in the workspace',
];

describe('a call whose number or agent the workspace lacks (R4)', () => {
  it('simulate: refused with the field and exit 2, with or without --flow (before: recorded with the account settings, exit 0)', async () => {
    const outbound = await temp('out.json', line(typoOutbound, outboundActions));
    expect(await cli(['simulate', '-w', WS, outbound])).toMatchObject({ code: 2, out: '', err: expect.stringContaining(MESSAGES[0]!) });
    const agent = await temp('agent.json', line(unknownAgent, outboundActions));
    expect(await cli(['simulate', '-w', WS, agent])).toMatchObject({ code: 2, err: expect.stringContaining(MESSAGES[1]!) });
    const inbound = await temp('in.json', line(typoInbound, inboundActions));
    for (const flow of [[], ['--flow', SUPPORT]]) {
      expect(await cli(['simulate', '-w', WS, ...flow, inbound])).toMatchObject({ code: 2, out: '', err: expect.stringMatching(/in\.json: \$\.call\.numberId: no phone number "num-suport"/) });
    }
  });

  it('simulate --batch: each such line is refused in its place, the same with and without --flow', async () => {
    const log = await temp('calls.ndjson', LOG);
    for (const flow of [[], ['--flow', SUPPORT]]) {
      const r = await cli(['simulate', '--batch', log, '-w', WS, ...flow, '--fields', 'recorded']);
      expect(r.code).toBe(1);
      expect(r.out.trimEnd().split('\n').map((l) => JSON.parse(l))).toEqual(MESSAGES.map((error, i) => ({ line: i + 1, error })));
    }
  });

  it('test: the scenario cannot run (ERROR naming the file and field, exit 2), whatever its expect says', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'recflow-start-'));
    const scenario = { workspace: join(root, WS), call: typoOutbound, actions: outboundActions, expect: { recorded: true } };
    await writeFile(join(dir, 'typo.json'), JSON.stringify(scenario));
    const r = await cli(['test', dir]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/ERROR .*typo\.json\n\s+.*typo\.json \$\.call\.fromNumberId: no phone number "num-paymnets" in the workspace/);
  });

  it('diff --calls: such lines could not run (exit 1), though the flow never sees outbound calls', async () => {
    const log = await temp('calls.ndjson', `${LOG}\n${line({ direction: 'inbound', numberId: 'num-support', callerNumber: '+15550111' }, inboundActions)}`);
    const r = await cli(['diff', '--calls', log, '-w', WS, SUPPORT, SUPPORT, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ refusedLines: 3, refused: MESSAGES.map((error, i) => ({ line: i + 1, error })) });
  });
});
