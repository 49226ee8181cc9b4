import { describe, expect, it } from 'vitest';
import { playModel } from './model.ts';

describe('play model', () => {
  it('its defaults pass its own schema and are not a recording notice', () => {
    const d = playModel.defaults();
    expect(playModel.schema.safeParse(d).success).toBe(true);
    expect(d.recordingNotice).toBe(false);
  });

  it('has an input and one "next" port', () => {
    expect(playModel.hasInput).toBe(true);
    expect(playModel.ports(playModel.defaults()).map((p) => p.id)).toEqual(['next']);
  });

  it('C2: the recording-notice flag is a boolean field of the data', () => {
    const notice = { ...playModel.defaults(), text: 'This call is recorded.', recordingNotice: true };
    expect(playModel.schema.safeParse(notice).success).toBe(true);
    expect(playModel.schema.safeParse({ ...notice, recordingNotice: 'yes' }).success).toBe(false);
  });

  it('refuses a duration that is not 1–600 whole seconds', () => {
    for (const durationSeconds of [0, 601, 2.5, -1]) {
      expect(playModel.schema.safeParse({ ...playModel.defaults(), durationSeconds }).success).toBe(false);
    }
  });

  it('warns when the message has no text', () => {
    expect(playModel.check?.({ ...playModel.defaults(), text: '  ' }, {})).toEqual([
      { severity: 'warning', code: 'empty-message', message: 'The message has no text.', field: 'text' },
    ]);
    expect(playModel.check?.({ ...playModel.defaults(), text: 'Hello' }, {})).toEqual([]);
  });

  it('is found by its text', () => {
    expect(playModel.searchText({ ...playModel.defaults(), text: 'opening hours' })).toContain('opening hours');
  });
});
