import { describe, expect, it } from 'vitest';
import { type RecordingNodeRun, resolveSettings } from './settings.ts';
import { inbound, testWorkspace } from './testkit.ts';

describe('effective settings (2)', () => {
  it('R30/R31: a Recording node that does not say which parties or whether the IVR is recorded leaves both to the platform', () => {
    // Amazon Connect's block sets parties and IVR (R30), and fixes them to "both" and "no IVR" when it leaves them out.
    const ws = { ...testWorkspace(), platform: 'amazon-connect' as const };
    const runs: RecordingNodeRun[] = [{ nodeId: 'rec', data: { record: 'on', channels: 'default', agentPause: 'default' } }];
    const s = resolveSettings(ws, inbound(), runs);
    expect(s.record).toEqual({ value: true, source: { kind: 'node', nodeId: 'rec' } });
    expect(s.recordedParties).toEqual({ value: 'both', source: { kind: 'platform', platform: 'amazon-connect' } });
    expect(s.recordIvr).toEqual({ value: false, source: { kind: 'platform', platform: 'amazon-connect' } });
  });

  it('R31: on Amazon Connect a Recording node that chooses the parties and the IVR is followed (R3)', () => {
    const ws = { ...testWorkspace(), platform: 'amazon-connect' as const };
    const runs: RecordingNodeRun[] = [
      { nodeId: 'rec', data: { record: 'on', channels: 'default', agentPause: 'default', parties: 'agent', ivr: 'record' } },
    ];
    const s = resolveSettings(ws, inbound(), runs);
    expect(s.recordedParties).toEqual({ value: 'agent', source: { kind: 'node', nodeId: 'rec' } });
    expect(s.recordIvr).toEqual({ value: true, source: { kind: 'node', nodeId: 'rec' } });
  });

  it('R3: a list of runs rewritten in place (not appended to) is read again: the node now in it is the one that counts', () => {
    const ws = testWorkspace();
    const runs: RecordingNodeRun[] = [{ nodeId: 'a', data: { record: 'off', channels: 'mono', agentPause: 'default' } }];
    expect(resolveSettings(ws, inbound(), runs).record).toEqual({ value: false, source: { kind: 'node', nodeId: 'a' } });
    runs[0] = { nodeId: 'b', data: { record: 'on', channels: 'default', agentPause: 'default' } };
    const s = resolveSettings(ws, inbound(), runs);
    expect(s.record).toEqual({ value: true, source: { kind: 'node', nodeId: 'b' } });
    expect(s.channels).toEqual({ value: 'dual', source: { kind: 'account' } });
  });

  it('R3: a list of runs cut back is read again: a node no longer in it no longer counts', () => {
    const ws = testWorkspace();
    const runs: RecordingNodeRun[] = [
      { nodeId: 'a', data: { record: 'on', channels: 'default', agentPause: 'default' } },
      { nodeId: 'b', data: { record: 'off', channels: 'mono', agentPause: 'default' } },
    ];
    expect(resolveSettings(ws, inbound(), runs).record.value).toBe(false);
    runs.length = 1;
    const s = resolveSettings(ws, inbound(), runs);
    expect(s.record).toEqual({ value: true, source: { kind: 'node', nodeId: 'a' } });
    expect(s.channels).toEqual({ value: 'dual', source: { kind: 'account' } });
  });
});
