import { describe, expect, it } from 'vitest';
import { PLATFORMS, PRESETS } from '../../runtime/platforms/presets.ts';
import { platformFacts, recordingOptionsOf } from './platforms.ts';

describe('what kinds know of a platform', () => {
  it.each(PLATFORMS)('R30: %s has the name of its preset', (platform) => {
    expect(platformFacts(platform).name).toBe(PRESETS[platform].name);
  });

  it('R29/R31/R3: each platform\'s recording block sets what its documentation says', () => {
    // Connect's block: RecordedParticipants and IVR recording; stereo is not a choice.
    expect(recordingOptionsOf('amazon-connect')).toEqual({ channels: false, agentPause: false, parties: true, ivr: true });
    // Twilio's Call Recording widget: on/off and recording_channels.
    expect(recordingOptionsOf('twilio-studio')).toEqual({ channels: true, agentPause: false, parties: false, ivr: false });
    // Talkdesk's Recording block (R3): channels and agent pause.
    expect(recordingOptionsOf('talkdesk')).toEqual({ channels: true, agentPause: true, parties: false, ivr: false });
  });

  it('a workspace that names no platform models Talkdesk', () => {
    expect(recordingOptionsOf(undefined)).toEqual(recordingOptionsOf('talkdesk'));
    expect(platformFacts(undefined).name).toBe('Talkdesk');
  });
});
