import { describe, expect, it } from 'vitest';
import { idSchema } from '../../nodes/kit/fields.ts';
import { nameMessage, phoneDigits, sameNameWarning, uniqueId } from './ids.ts';

describe('uniqueId', () => {
  it('makes a valid id from a display name', () => {
    const id = uniqueId('Chloé Martin', []);
    expect(id).toBe('chloe-martin');
    expect(idSchema.safeParse(id).success).toBe(true);
  });
  it('never repeats a taken id', () => {
    expect(uniqueId('Support', ['support', 'support-2'])).toBe('support-3');
  });
  it('never makes an id JavaScript reserves (an agent called Constructor)', () => {
    expect(uniqueId('Constructor', [])).toBe('constructor-2');
    expect(idSchema.safeParse('constructor').success).toBe(false);
  });
  it('falls back when the name has no letters or digits', () => {
    expect(uniqueId('???', [])).toBe('item');
  });
});

describe('sameNameWarning', () => {
  it('warns when another one has the name, ignoring case and outer spaces', () => {
    expect(sameNameWarning(' ana lima ', ['Ben Okafor', 'Ana Lima'], 'agent')).toBe(
      'Another agent is already called “Ana Lima”: pickers and reports will not tell them apart.',
    );
    expect(sameNameWarning('Ana Lima', ['Ben Okafor'], 'agent')).toBeUndefined();
    expect(sameNameWarning('  ', ['  '], 'agent')).toBeUndefined();
  });
});

describe('nameMessage', () => {
  it('refuses blank and overlong names and accepts ordinary ones', () => {
    expect(nameMessage('  ', 'agent')).toBe('Enter a name for the agent.');
    expect(nameMessage('x'.repeat(201), 'agent')).toMatch(/200/);
    expect(nameMessage('Ana', 'agent')).toBeUndefined();
  });
});

it('phoneDigits ignores spacing and punctuation', () => {
  expect(phoneDigits('+1 (555) 010-0100')).toBe(phoneDigits('+15550100100'));
});
