import { describe, expect, it } from 'vitest';
import { type RecordingData, recordingModel } from './model.ts';

const data = (patch: Partial<RecordingData>): RecordingData => ({ ...recordingModel.defaults(), ...patch });

describe('recording model', () => {
  it('R5: its defaults pass its own schema and turn recording on, leaving the rest to settings (R3)', () => {
    const d = recordingModel.defaults();
    expect(recordingModel.schema.safeParse(d).success).toBe(true);
    expect(d).toMatchObject({ record: 'on', channels: 'default', agentPause: 'default' });
  });

  it('has an input and one "next" port', () => {
    expect(recordingModel.hasInput).toBe(true);
    expect(recordingModel.ports(recordingModel.defaults()).map((p) => p.id)).toEqual(['next']);
  });

  it('R3: record is on/off; channels and agent pause may fall through with "default"', () => {
    for (const record of ['on', 'off']) expect(recordingModel.schema.safeParse(data({ record: record as 'on' })).success).toBe(true);
    expect(recordingModel.schema.safeParse({ ...data({}), record: 'paused' }).success).toBe(false);
    expect(recordingModel.schema.safeParse({ ...data({}), channels: 'stereo' }).success).toBe(false);
    expect(recordingModel.schema.safeParse({ ...data({}), agentPause: true }).success).toBe(false);
  });

  it('C3/R18: recording in mono is warned on the channels field', () => {
    expect(recordingModel.check?.(data({ channels: 'mono' }), {})).toEqual([
      { severity: 'warning', code: 'C3-mono', message: expect.stringContaining('transcription'), field: 'channels' },
    ]);
    expect(recordingModel.check?.(data({ channels: 'dual' }), {})).toEqual([]);
  });

  it('C3/R18/R30: mono is warned only where the platform\'s recording block sets the channels', () => {
    const on = (platform: 'talkdesk' | 'amazon-connect' | 'twilio-studio') =>
      ({ workspace: { platform, account: {}, numbers: [], agents: [], ringGroups: [], flows: [] } }) as unknown as Parameters<
        NonNullable<typeof recordingModel.check>
      >[1];
    const c3 = (platform: 'talkdesk' | 'amazon-connect' | 'twilio-studio') =>
      (recordingModel.check?.(data({ channels: 'mono' }), on(platform)) ?? []).map((p) => p.code);
    expect(c3('talkdesk')).toEqual(['C3-mono']);
    expect(c3('twilio-studio')).toEqual(['C3-mono']);
    // Amazon Connect's block cannot set the channels: the recording stays dual, so only the "ignored" warning.
    expect(c3('amazon-connect')).toEqual(['R30-not-on-platform']);
    // Recording off records nothing, in mono or not.
    expect(recordingModel.check?.(data({ record: 'off', channels: 'mono' }), on('talkdesk'))).toEqual([]);
  });

  it('is found by its settings', () => {
    expect(recordingModel.searchText(data({ record: 'off', label: 'Card capture' }))).toContain('record off');
  });

  it('R30: a value the platform\'s recording block cannot hold is warned on its field, and says it is ignored', () => {
    const view = (platform: 'talkdesk' | 'amazon-connect' | 'twilio-studio') =>
      ({ workspace: { platform, account: {}, numbers: [], agents: [], ringGroups: [], flows: [] } }) as unknown as Parameters<
        NonNullable<typeof recordingModel.check>
      >[1];
    const codes = (d: RecordingData, platform: 'talkdesk' | 'amazon-connect' | 'twilio-studio') =>
      (recordingModel.check?.(d, view(platform)) ?? []).filter((p) => p.code === 'R30-not-on-platform').map((p) => p.field);
    const everything = data({ channels: 'dual', agentPause: 'enabled', parties: 'contact', ivr: 'record' });
    expect(codes(everything, 'talkdesk')).toEqual(['parties', 'ivr']);
    expect(codes(everything, 'amazon-connect')).toEqual(['channels', 'agentPause']);
    expect(codes(everything, 'twilio-studio')).toEqual(['agentPause', 'parties', 'ivr']);
    expect(codes(data({}), 'amazon-connect')).toEqual([]);
    expect(recordingModel.check?.(data({ parties: 'agent' }), view('talkdesk'))?.[0]?.message).toBe(
      'The Talkdesk Studio Recording block cannot set which sides are recorded: "agent" is ignored. Set it back to default.',
    );
    // Without a workspace the platform is Talkdesk's (R30's default).
    expect(recordingModel.check?.(data({ ivr: 'skip' }), {})?.map((p) => p.code)).toEqual(['R30-not-on-platform']);
  });
});
