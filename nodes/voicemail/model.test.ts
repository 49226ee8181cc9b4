import { describe, expect, it } from 'vitest';
import { voicemailModel } from './model.ts';

describe('voicemail model', () => {
  it('its defaults pass its own schema', () => {
    expect(voicemailModel.schema.safeParse(voicemailModel.defaults()).success).toBe(true);
  });

  it('has an input and a "next" port for after the message', () => {
    expect(voicemailModel.hasInput).toBe(true);
    expect(voicemailModel.ports(voicemailModel.defaults()).map((p) => p.id)).toEqual(['next']);
  });

  it('R19: the message length is 1–600 whole seconds', () => {
    for (const maxLengthSeconds of [0, 601, 30.5]) {
      expect(voicemailModel.schema.safeParse({ ...voicemailModel.defaults(), maxLengthSeconds }).success).toBe(false);
    }
    expect(voicemailModel.schema.safeParse({ ...voicemailModel.defaults(), maxLengthSeconds: 600 }).success).toBe(true);
  });

  it('refuses unknown fields', () => {
    expect(voicemailModel.schema.safeParse({ ...voicemailModel.defaults(), channels: 'dual' }).success).toBe(false);
  });

  it('is found by its prompt', () => {
    expect(voicemailModel.searchText(voicemailModel.defaults())).toContain('leave a message');
  });
});
