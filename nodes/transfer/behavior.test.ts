import { describe, expect, it } from 'vitest';
import { menuBehavior } from '../menu/behavior.ts';
import { menuModel } from '../menu/model.ts';
import { voicemailBehavior } from '../voicemail/behavior.ts';
import { transferBehavior } from './behavior.ts';
import { transferModel } from './model.ts';

describe('node behaviours', () => {
  it('R13/R16: a Transfer node rings agents and ring groups like an Assign, and rings outside targets with its timeout', () => {
    const d = transferModel.defaults();
    expect(transferBehavior.enter({ ...d, target: { type: 'ringGroup', ringGroupId: 'g' } })).toEqual({
      kind: 'ring',
      target: { type: 'ringGroup', ringGroupId: 'g' },
      timeoutSeconds: 30,
      noAnswerPort: 'failed',
    });
    expect(transferBehavior.enter({ ...d, target: { type: 'external', number: '+15550100' }, ringTimeoutSeconds: 45 })).toEqual({
      kind: 'dial',
      target: { type: 'external', number: '+15550100' },
      timeoutSeconds: 45,
      noAnswerPort: 'failed',
    });
    expect(transferBehavior.timeout?.(d)).toBe('failed');
  });

  it('a Menu leaves by the option pressed, by "invalid" for another key, by "timeout" on silence', () => {
    const d = menuModel.defaults();
    expect(menuBehavior.press?.(d, '2')).toBe('2');
    expect(menuBehavior.press?.(d, '9')).toBe('invalid');
    expect(menuBehavior.press?.(d, 'x')).toBeNull();
    expect(menuBehavior.timeout?.(d)).toBe('timeout');
    expect(menuBehavior.timeout?.({ ...d, timeoutSeconds: null })).toBeNull();
    const step = menuBehavior.enter(d);
    expect(step).toMatchObject({ kind: 'gather', timeoutSeconds: 10, digits: expect.arrayContaining([{ value: '1', label: '1 · Sales' }, { value: '#', label: '# (invalid)' }]) });
  });

  it('R19: a Voicemail ends early only on #, else at its maximum length', () => {
    const d = { label: 'vm', prompt: '', maxLengthSeconds: 60 };
    expect(voicemailBehavior.enter(d)).toEqual({ kind: 'takeMessage', maxLengthSeconds: 60 });
    expect(voicemailBehavior.press?.(d, '#')).toBe('next');
    expect(voicemailBehavior.press?.(d, '1')).toBeNull();
  });
});
