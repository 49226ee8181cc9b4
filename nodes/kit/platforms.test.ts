import { describe, expect, it } from 'vitest';
import { PLATFORMS, PRESETS } from '../../runtime/platforms/presets.ts';
import { platformFacts, recordingOptionsOf } from './platforms.ts';

describe('what kinds know of a platform', () => {
  it.each(PLATFORMS)('R30: %s has the name and the recording block options of its preset', (platform) => {
    expect(platformFacts(platform).name).toBe(PRESETS[platform].name);
    expect(recordingOptionsOf(platform)).toEqual(PRESETS[platform].node);
  });

  it('a workspace that names no platform models Talkdesk', () => {
    expect(recordingOptionsOf(undefined)).toEqual(PRESETS.talkdesk.node);
  });
});
