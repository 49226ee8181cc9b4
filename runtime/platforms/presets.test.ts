/**
 * R30: one saved scenario run on the three platforms. The results differ
 * exactly where the platforms' public documentation says they record
 * differently (README, "Platform presets"), and are equal everywhere else.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../call/scenario.ts';
import { buildFlow, testWorkspace } from '../call/testkit.ts';
import type { CallResult } from '../call/types.ts';
import { choosePlatform } from '../document/workspace.ts';
import { offers, PLATFORMS, type PlatformId, PRESETS, presetOf } from './presets.ts';

/** Start → Recording on → a 10 s greeting → Assign(support). */
const flow = buildFlow(
  [
    ['s', 'start', { numberIds: ['main'] }],
    ['r', 'recording'],
    ['p', 'play', { durationSeconds: 10 }],
    ['a', 'assign', { target: { type: 'ringGroup', ringGroupId: 'support' } }],
  ],
  [
    ['s', 'next', 'r'],
    ['r', 'next', 'p'],
    ['p', 'next', 'a'],
  ],
);

/** Ana answers at 15, pauses 20–30, brings in an outside number at 40, leaves at 50; the contact hangs up at 60. */
const scenario = {
  call: { direction: 'inbound' as const, numberId: 'main', callerNumber: '+15559999' },
  actions: [
    { at: 15, type: 'answer' as const, agentId: 'ana' },
    { at: 20, type: 'pause' as const, agentId: 'ana' },
    { at: 30, type: 'resume' as const, agentId: 'ana' },
    { at: 40, type: 'conference' as const, agentId: 'ana', target: { type: 'external' as const, number: '+15550100' } },
    { at: 50, type: 'hangUp' as const, party: 'agent:ana' },
    { at: 60, type: 'hangUp' as const, party: 'contact' },
  ],
};

function runOn(platform: PlatformId): CallResult {
  // The same workspace, moved to the platform as an admin would in Settings; agents may pause where it is a choice.
  const ws = testWorkspace({ account: { agentPause: true } });
  choosePlatform(ws, platform);
  return simulate(ws, flow, scenario);
}

describe('R30: one scenario on three platforms', () => {
  const talkdesk = runOn('talkdesk');
  const connect = runOn('amazon-connect');
  const twilio = runOn('twilio-studio');
  const OUT = 'external:+15550100';

  it('Talkdesk (R1–R24): recorded from the Recording node (R5), the pause cut out (R11), the outside party on B (R17), recording going on after the agent leaves (R14 switch on)', () => {
    expect(talkdesk.segments).toEqual([
      { start: 0, end: 20, channelA: ['contact'], channelB: ['agent:ana'], endReason: 'paused', sides: 'both' },
      { start: 30, end: 60, channelA: ['contact'], channelB: ['agent:ana', OUT], endReason: 'hang-up', sides: 'both' },
    ]);
    expect([talkdesk.totalRecordedSeconds, talkdesk.recordingSeconds, talkdesk.silences]).toEqual([50, 50, []]);
    expect(talkdesk.channels).toBe('dual');
  });

  it('Amazon Connect: recording starts as the agent joins (about-recording-behavior), the pause is silence (SuspendContactRecording), the outside party sits with the customer (stereo layout), nothing after the agent leaves an outside party', () => {
    expect(connect.segments).toEqual([
      { start: 15, end: 20, channelA: ['contact'], channelB: ['agent:ana'], endReason: 'paused', sides: 'both' },
      { start: 30, end: 50, channelA: ['contact', OUT], channelB: ['agent:ana'], endReason: 'external-transfer', sides: 'both' },
    ]);
    expect([connect.totalRecordedSeconds, connect.recordingSeconds, connect.silences]).toEqual([25, 35, [{ start: 20, end: 30 }]]);
    expect(connect.channels).toBe('dual');
  });

  it('Twilio Studio: the Call Recording widget records at once, the pause is silence (PauseBehavior default), mono by default (recording_channels)', () => {
    expect(twilio.segments).toEqual([
      { start: 0, end: 20, channelA: ['contact'], channelB: ['agent:ana'], endReason: 'paused', sides: 'both' },
      { start: 30, end: 60, channelA: ['contact'], channelB: ['agent:ana', OUT], endReason: 'hang-up', sides: 'both' },
    ]);
    expect([twilio.totalRecordedSeconds, twilio.recordingSeconds, twilio.silences]).toEqual([50, 60, [{ start: 20, end: 30 }]]);
    expect(twilio.channels).toBe('mono');
    // R18: mono cannot be transcribed.
    expect(twilio.transcribable).toBe(false);
  });

  it('is the same call everywhere else: path, handling, duration, external portion, rejections, retention', () => {
    const same = (r: CallResult) => ({
      path: r.path,
      handledBy: r.handledBy,
      duration: r.duration,
      ended: r.ended,
      externalPortionAt: r.externalPortionAt,
      rejections: r.rejections,
      voicemails: r.voicemails,
      deletionDate: r.deletionDate,
      recorded: r.recorded,
    });
    expect(same(connect)).toEqual(same(talkdesk));
    expect(same(twilio)).toEqual(same(talkdesk));
    expect(talkdesk.rejections).toEqual([]);
  });
});

describe('R30: the presets as data', () => {
  it.each(PLATFORMS)('%s: every fixed value has its reason, and fixed settings are not offered', (id) => {
    const preset = PRESETS[id];
    for (const name of Object.keys(preset.fixed) as Array<keyof typeof preset.fixed>) {
      expect(preset.why[name], name).toBeTruthy();
      expect(offers(preset, name)).toBe(false);
    }
    // A starting value is only for a setting the platform offers.
    for (const name of Object.keys(preset.defaults) as Array<keyof typeof preset.defaults>) expect(offers(preset, name)).toBe(true);
    if (!preset.numberOverrides) expect(preset.why.numberOverrides).toBeTruthy();
  });

  it('Talkdesk is the default and fixes only the new dimensions, so R1–R24 hold exactly as written', () => {
    expect(presetOf(undefined).id).toBe('talkdesk');
    expect(Object.keys(PRESETS.talkdesk.fixed).sort()).toEqual(['outsidePartiesChannel', 'pauseLeaves', 'recordIvr', 'recordedParties']);
    expect(PRESETS.talkdesk.fixed).toEqual({ recordedParties: 'both', pauseLeaves: 'gap', recordIvr: true, outsidePartiesChannel: 'agent-side' });
    expect(PRESETS.talkdesk.numberOverrides).toBe(true);
  });
});
