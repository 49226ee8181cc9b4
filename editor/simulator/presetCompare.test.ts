import { describe, expect, it } from 'vitest';
import { loadExampleWorkspace } from '../../examples/index.ts';
import type { CallResult } from '../../runtime/call/types.ts';
import { comparePresets, describePlatformDifferences, runOnPlatform } from './presetCompare.ts';
import type { SavedScenario } from './scenarios.ts';
import { scenarioOf } from './scenarios.ts';
import { createSimStore } from './simStore.ts';

/**
 * The claims line (R25–R27): the look-up succeeds, the reviewer chooses "open", the Recording node runs at 10 s,
 * Ana answers at 30 s, pauses 50–60 s and the caller hangs up at 90 s; saved on Talkdesk with agent pause allowed.
 */
function claimsScenario(): { ws: ReturnType<typeof loadExampleWorkspace>; saved: SavedScenario } {
  const ws = loadExampleWorkspace();
  ws.account.agentPause = true;
  const sim = createSimStore(ws, 0);
  sim.start({ direction: 'inbound', numberId: 'num-claims', callerNumber: '+15550111' });
  const at = (t: number, action: Parameters<typeof sim.apply>[0]) => {
    // A choice takes no time (the store applies it now): the clock moves to its moment first.
    if (action.type === 'choose' && t > sim.getState().call!.time) at(t, { type: 'wait' });
    sim.setAdvance(t - sim.getState().call!.time);
    const out = sim.apply(action);
    if (!out?.ok || !out.accepted) throw new Error(`test data: ${JSON.stringify(action)} at ${t} s was not taken`);
  };
  at(5, { type: 'wait' });
  at(6, { type: 'choose', option: 'next' });
  at(10, { type: 'choose', option: 'open' });
  at(30, { type: 'answer', agentId: 'ag-ana' });
  at(50, { type: 'pause', agentId: 'ag-ana' });
  at(60, { type: 'resume', agentId: 'ag-ana' });
  at(90, { type: 'hangUp', party: 'contact' });
  const call = sim.getState().call!;
  const saved: SavedScenario = {
    id: 'claims',
    flowId: 'claims-line',
    flowChoice: { kind: 'number' },
    savedAt: '2026-01-01T00:00:00Z',
    scenario: scenarioOf('Claims, paused', call.start, call.history, call.result),
  };
  return { ws, saved };
}

describe('a saved scenario on another platform (R30)', () => {
  it('on Amazon Connect: recording waits for the agent (R31) and the pause leaves silence (R30), in words', () => {
    const { ws, saved } = claimsScenario();
    const c = comparePresets(ws, saved, 'amazon-connect');
    expect(c.base.result?.segments.map((s) => [s.start, s.end])).toEqual([
      [10, 50],
      [60, 90],
    ]);
    expect(c.other.result?.segments.map((s) => [s.start, s.end])).toEqual([
      [30, 50],
      [60, 90],
    ]);
    expect(c.differences).toEqual([
      'Both sides: 70 s on tape on Talkdesk, 50 s on Amazon Connect; 10–30 s only on Talkdesk.',
      'Segments: 2 segments on Talkdesk, 2 segments on Amazon Connect; only on Talkdesk: 10–50 s; only on Amazon Connect: 30–50 s.',
      'Recording length: 70 s on Talkdesk; 60 s, 10 s of it silence on Amazon Connect.',
    ]);
  });

  it('on Twilio Studio: mono by default and silence in the pause; nothing differs where the platforms agree', () => {
    const { ws, saved } = claimsScenario();
    const c = comparePresets(ws, saved, 'twilio-studio');
    expect(c.differences).toEqual([
      'Channel layout: dual on Talkdesk, mono on Twilio Studio.',
      'Recording length: 70 s on Talkdesk; 80 s, 10 s of it silence on Twilio Studio.',
      'Transcribable: yes on Talkdesk, no on Twilio Studio.',
    ]);
    // The same platform gives the same result: no difference at all.
    expect(comparePresets(ws, saved, 'talkdesk').differences).toEqual([]);
  });

  it('an action one platform refuses and the other takes is named with the reason (R10)', () => {
    const { ws, saved } = claimsScenario();
    ws.account.agentPause = false;
    // Talkdesk refuses the pause (the account forbids it); Twilio Studio always allows it.
    const c = comparePresets(ws, saved, 'twilio-studio');
    expect(c.differences).toContain('The pause at 50 s is refused on Talkdesk (not allowed by settings) and taken on Twilio Studio.');
    expect(c.differences).toContain('The resume at 60 s is refused on Talkdesk (not allowed by settings) and taken on Twilio Studio.');
  });

  it('runs on the workspace as it is on the other platform, leaving the workspace itself alone', () => {
    const { ws, saved } = claimsScenario();
    const before = structuredClone(ws);
    expect(runOnPlatform(ws, saved, 'amazon-connect').result?.recorded).toBe(true);
    expect(ws).toEqual(before);
  });
});

describe('describePlatformDifferences', () => {
  const result = (patch: Partial<CallResult>): CallResult =>
    ({
      recorded: true,
      channels: 'dual',
      segments: [],
      totalRecordedSeconds: 0,
      recordingSeconds: 0,
      silences: [],
      transcribable: true,
      voicemails: [],
      rejections: [],
      path: [],
      ...patch,
    }) as CallResult;
  const seg = (start: number, end: number, sides: 'both' | 'contact' | 'agent' = 'both') => ({
    start,
    end,
    channelA: ['contact'],
    channelB: ['agent:ana'],
    endReason: 'hang-up' as const,
    sides,
  });

  it('R29: a segment both have with other sides is named, with the seconds each side is on tape', () => {
    const a = result({ segments: [seg(10, 70)], totalRecordedSeconds: 60, recordingSeconds: 60 });
    const b = result({ segments: [seg(10, 70, 'contact')], totalRecordedSeconds: 60, recordingSeconds: 60, transcribable: false });
    expect(describePlatformDifferences(a, b, 'A', 'B')).toEqual([
      'The agent side (channel B): 60 s on tape on A, 0 s on B; 10–70 s only on A.',
      'Segment 10–70 s: both sides on A, the contact only on B (R29).',
      'Transcribable: yes on A, no on B.',
    ]);
  });

  it('says when one platform records nothing, and is empty for equal results', () => {
    const a = result({ segments: [seg(0, 5)], totalRecordedSeconds: 5, recordingSeconds: 5 });
    const none = result({ recorded: false, channels: null, transcribable: false });
    expect(describePlatformDifferences(a, none, 'A', 'B')[0]).toBe('A records this call; B records nothing of it.');
    expect(describePlatformDifferences(none, a, 'A', 'B')[0]).toBe('A records nothing of this call; B records it.');
    expect(describePlatformDifferences(a, a, 'A', 'B')).toEqual([]);
  });
});
