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

  it('R30: a choice the platform’s recording block lacks is warned on its field; "default" never is', () => {
    const on = (platform: 'talkdesk' | 'amazon-connect' | 'twilio-studio') => ({ workspace: { platform } as never });
    // Talkdesk's block sets channels and agent pause, not the sides or the IVR part.
    expect(recordingModel.check?.(data({ channels: 'dual', agentPause: 'enabled' }), on('talkdesk'))).toEqual([]);
    expect(recordingModel.check?.(data({ parties: 'contact', ivr: 'skip' }), on('talkdesk'))).toEqual([
      { severity: 'warning', code: 'platform-option', message: expect.stringContaining('cannot set which sides are recorded'), field: 'parties' },
      { severity: 'warning', code: 'platform-option', message: expect.stringContaining('cannot set whether the IVR part is recorded'), field: 'ivr' },
    ]);
    // Amazon Connect's block is the other way round.
    expect(recordingModel.check?.(data({ parties: 'agent', ivr: 'record' }), on('amazon-connect'))).toEqual([]);
    expect(recordingModel.check?.(data({ channels: 'dual', agentPause: 'disabled' }), on('amazon-connect')).map((p) => p.field)).toEqual([
      'channels',
      'agentPause',
    ]);
    // Twilio's widget has mono/dual but no pause.
    expect(recordingModel.check?.(data({ channels: 'mono', agentPause: 'enabled' }), on('twilio-studio')).map((p) => p.code)).toEqual([
      'C3-mono',
      'platform-option',
    ]);
    expect(recordingModel.check?.(recordingModel.defaults(), on('amazon-connect'))).toEqual([]);
  });

  it('is found by its settings', () => {
    expect(recordingModel.searchText(data({ record: 'off', label: 'Card capture' }))).toContain('record off');
  });
});
