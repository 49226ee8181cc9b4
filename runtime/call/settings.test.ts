import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultAccountSettings } from '../document/workspace.ts';
import { type RecordingNodeRun, resolveSettings } from './settings.ts';
import { assignFlow, buildFlow, inbound, outbound, run, spans, testWorkspace } from './testkit.ts';

describe('effective settings', () => {
  it('R1: account defaults are inbound on, outbound on, continue on external on, pause off, dual on, delete after 6 months', () => {
    expect(defaultAccountSettings()).toEqual({
      recordInbound: true,
      recordOutbound: true,
      continueOnExternalTransfer: true,
      agentPause: false,
      dualChannel: true,
      autoDelete: { enabled: true, months: 6 },
      recordedParties: 'both',
      pauseLeaves: 'gap',
      recordIvr: true,
      outsidePartiesChannel: 'agent-side',
    });
    const s = resolveSettings(testWorkspace(), inbound());
    expect(s.record).toEqual({ value: true, source: { kind: 'account' } });
    expect(s.agentPause).toEqual({ value: false, source: { kind: 'account' } });
    expect(s.channels).toEqual({ value: 'dual', source: { kind: 'account' } });
    expect(s.continueOnExternalTransfer.value).toBe(true);
    expect(s.retention.value).toEqual({ autoDelete: true, months: 6 });
  });

  it('R2: an override switched off is ignored even when its values are set', () => {
    const ws = testWorkspace({ mainOverride: { enabled: false, inbound: 'disabled', agentPause: 'enabled' } });
    const s = resolveSettings(ws, inbound());
    expect(s.record.source).toEqual({ kind: 'account' });
    expect(s.agentPause).toEqual({ value: false, source: { kind: 'account' } });
  });

  it('R2: with the override on, inherit takes the account value and enabled/disabled win', () => {
    const ws = testWorkspace({ account: { agentPause: true }, mainOverride: { enabled: true, inbound: 'disabled', agentPause: 'inherit' } });
    const s = resolveSettings(ws, inbound());
    expect(s.record).toEqual({ value: false, source: { kind: 'number', numberId: 'main' } });
    expect(s.agentPause).toEqual({ value: true, source: { kind: 'account' } });
  });

  it('R2: continue-on-external, dual channel and retention are account-wide only', () => {
    const ws = testWorkspace({ account: { continueOnExternalTransfer: false, dualChannel: false }, mainOverride: { enabled: true, inbound: 'enabled' } });
    const s = resolveSettings(ws, inbound());
    expect(s.continueOnExternalTransfer).toEqual({ value: false, source: { kind: 'account' } });
    expect(s.channels).toEqual({ value: 'mono', source: { kind: 'account' } });
    expect(s.retention.source).toEqual({ kind: 'account' });
  });

  it('R3: node beats number beats account; "default" falls through', () => {
    const ws = testWorkspace({ account: { agentPause: false }, mainOverride: { enabled: true, agentPause: 'enabled', inbound: 'disabled' } });
    const runs: RecordingNodeRun[] = [{ nodeId: 'r1', data: { record: 'on', channels: 'default', agentPause: 'default' } }];
    const s = resolveSettings(ws, inbound(), runs);
    expect(s.record).toEqual({ value: true, source: { kind: 'node', nodeId: 'r1' } });
    expect(s.agentPause).toEqual({ value: true, source: { kind: 'number', numberId: 'main' } });
    expect(s.channels).toEqual({ value: 'dual', source: { kind: 'account' } });
    const s2 = resolveSettings(ws, inbound(), [...runs, { nodeId: 'r2', data: { record: 'on', channels: 'mono', agentPause: 'disabled' } }]);
    expect(s2.agentPause).toEqual({ value: false, source: { kind: 'node', nodeId: 'r2' } });
    expect(s2.channels).toEqual({ value: 'mono', source: { kind: 'node', nodeId: 'r2' } });
  });

  it('R3: the most recent Recording node that sets a value wins, earlier ones still count for what later ones leave at default', () => {
    const runs: RecordingNodeRun[] = [
      { nodeId: 'a', data: { record: 'on', channels: 'mono', agentPause: 'enabled' } },
      { nodeId: 'b', data: { record: 'off', channels: 'default', agentPause: 'default' } },
    ];
    const s = resolveSettings(testWorkspace(), inbound(), runs);
    expect(s.record).toEqual({ value: false, source: { kind: 'node', nodeId: 'b' } });
    expect(s.channels).toEqual({ value: 'mono', source: { kind: 'node', nodeId: 'a' } });
    expect(s.agentPause).toEqual({ value: true, source: { kind: 'node', nodeId: 'a' } });
  });

  it('R3: a number override enabling pause lets the controlling agent pause though the account disables it (in a call)', () => {
    const ws = testWorkspace({ account: { agentPause: false }, mainOverride: { enabled: true, agentPause: 'enabled' } });
    const { result } = run(ws, assignFlow(), inbound(), [
      [5, { type: 'answer', agentId: 'ana' }],
      [10, { type: 'pause', agentId: 'ana' }],
      [20, { type: 'hangUp', party: 'contact' }],
    ]);
    expect(result.rejections).toEqual([]);
    expect(spans(result)).toEqual([[5, 10, 'paused']]);
  });

  it('R3: a Recording node disabling pause beats a number override enabling it (in a call)', () => {
    const ws = testWorkspace({ mainOverride: { enabled: true, agentPause: 'enabled' } });
    const flow = buildFlow(
      [
        ['s', 'start'],
        ['r', 'recording', { agentPause: 'disabled' }],
        ['a', 'assign', { target: { type: 'agent', agentId: 'ana' } }],
      ],
      [
        ['s', 'next', 'r'],
        ['r', 'next', 'a'],
      ],
    );
    const { result } = run(ws, flow, inbound(), [
      [5, { type: 'answer', agentId: 'ana' }],
      [10, { type: 'pause', agentId: 'ana' }],
      [20, { type: 'hangUp', party: 'contact' }],
    ]);
    expect(result.rejections.map((r) => r.code)).toEqual(['not-allowed-by-settings']);
    expect(spans(result)).toEqual([[0, 20, 'hang-up']]);
  });

  it('R4: inbound calls use the number dialled, outbound calls the number dialled from', () => {
    const ws = testWorkspace({ mainOverride: { enabled: true, inbound: 'disabled', outbound: 'disabled' } });
    expect(resolveSettings(ws, inbound('main')).record.source).toEqual({ kind: 'number', numberId: 'main' });
    expect(resolveSettings(ws, inbound('sales')).record.source).toEqual({ kind: 'account' });
    expect(resolveSettings(ws, outbound('ana', 'main')).record).toEqual({ value: false, source: { kind: 'number', numberId: 'main' } });
    expect(resolveSettings(ws, outbound('ana', 'sales')).record).toEqual({ value: true, source: { kind: 'account' } });
  });

  it('R3 (property): every setting takes the latest node that sets it, else the number override, else the account', () => {
    const tri = fc.constantFrom('inherit', 'enabled', 'disabled' as const);
    const nodeRun = fc.record({
      nodeId: fc.constantFrom('n1', 'n2', 'n3'),
      data: fc.record({
        record: fc.constantFrom('on', 'off' as const),
        channels: fc.constantFrom('default', 'dual', 'mono' as const),
        agentPause: fc.constantFrom('default', 'enabled', 'disabled' as const),
      }),
    });
    fc.assert(
      fc.property(
        fc.record({ recordInbound: fc.boolean(), recordOutbound: fc.boolean(), agentPause: fc.boolean(), dualChannel: fc.boolean() }),
        fc.record({ enabled: fc.boolean(), inbound: tri, outbound: tri, agentPause: tri }),
        fc.array(nodeRun, { maxLength: 4 }),
        fc.boolean(),
        (account, override, runs, isInbound) => {
          const ws = testWorkspace({ account, mainOverride: override });
          const start = isInbound ? inbound('main') : outbound('ana', 'main');
          const s = resolveSettings(ws, start, runs);
          const last = <T>(pick: (r: RecordingNodeRun) => T | null) => {
            for (let i = runs.length - 1; i >= 0; i--) {
              const v = pick(runs[i]!);
              if (v !== null) return { value: v, nodeId: runs[i]!.nodeId };
            }
            return null;
          };
          const num = (v: string) => (override.enabled && v !== 'inherit' ? v === 'enabled' : null);
          // record
          const rNode = last((r) => r.data.record === 'on');
          const rNum = num(isInbound ? override.inbound : override.outbound);
          if (rNode) expect(s.record).toEqual({ value: rNode.value, source: { kind: 'node', nodeId: rNode.nodeId } });
          else if (rNum !== null) expect(s.record).toEqual({ value: rNum, source: { kind: 'number', numberId: 'main' } });
          else expect(s.record).toEqual({ value: isInbound ? account.recordInbound : account.recordOutbound, source: { kind: 'account' } });
          // agent pause
          const pNode = last((r) => (r.data.agentPause === 'default' ? null : r.data.agentPause === 'enabled'));
          const pNum = num(override.agentPause);
          if (pNode) expect(s.agentPause).toEqual({ value: pNode.value, source: { kind: 'node', nodeId: pNode.nodeId } });
          else if (pNum !== null) expect(s.agentPause).toEqual({ value: pNum, source: { kind: 'number', numberId: 'main' } });
          else expect(s.agentPause).toEqual({ value: account.agentPause, source: { kind: 'account' } });
          // channels: never from the number (R2)
          const cNode = last((r) => (r.data.channels === 'default' ? null : r.data.channels));
          if (cNode) expect(s.channels).toEqual({ value: cNode.value, source: { kind: 'node', nodeId: cNode.nodeId } });
          else expect(s.channels).toEqual({ value: account.dualChannel ? 'dual' : 'mono', source: { kind: 'account' } });
          expect(s.continueOnExternalTransfer.source).toEqual({ kind: 'account' });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('R3: resolving after each of n Recording node runs reads each run once (linear, not quadratic, in a looping call)', () => {
    let reads = 0;
    const runs: RecordingNodeRun[] = [];
    const data = { record: 'on', channels: 'default', agentPause: 'default' } as const;
    let s = resolveSettings(testWorkspace(), inbound(), runs);
    for (let i = 0; i < 2000; i++) {
      const run = { nodeId: `r${i % 3}` } as RecordingNodeRun;
      Object.defineProperty(run, 'data', {
        get: () => {
          reads++;
          return data;
        },
      });
      runs.push(run);
      s = resolveSettings(testWorkspace(), inbound(), runs);
    }
    expect(reads).toBe(2000);
    expect(s.record).toEqual({ value: true, source: { kind: 'node', nodeId: 'r1' } });
    expect(s.channels.source).toEqual({ kind: 'account' });
    // A list that is not the one grown before is read afresh, and gives the same answer.
    expect(resolveSettings(testWorkspace(), inbound(), runs.slice())).toEqual(s);
    expect(resolveSettings(testWorkspace(), inbound(), runs.slice(0, 1)).record.source).toEqual({ kind: 'node', nodeId: 'r0' });
  });
});
