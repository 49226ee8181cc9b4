/**
 * What a call does at a node of each kind, read through the registry
 * (`getBehavior(kind)`) as the runtime reads it: the step taken on arrival,
 * the port a key press or a timer leads to, for every kind.
 */
import { describe, expect, it } from 'vitest';
import { getBehavior, getModel, kindNames } from './index.ts';

const behavior = (kind: string) => {
  const b = getBehavior(kind);
  if (!b) throw new Error(`no behaviour for ${kind}`);
  return b;
};
const defaults = (kind: string, patch: Record<string, unknown> = {}) => ({ ...(getModel(kind)!.defaults() as object), ...patch });

describe('node behaviours through the registry', () => {
  it('every kind has a behaviour; an unknown kind has none', () => {
    for (const kind of kindNames) expect(getBehavior(kind), kind).toBeDefined();
    expect(getBehavior('fax')).toBeUndefined();
    expect(getBehavior('toString')).toBeUndefined();
  });

  it('Start goes straight on by "next"; it waits for nothing', () => {
    const b = behavior('start');
    expect(b.enter(defaults('start'))).toEqual({ kind: 'pass', port: 'next' });
    expect(b.press).toBeUndefined();
    expect(b.timeout).toBeUndefined();
  });

  it('R5/R6/R3: Recording goes straight on, carrying record, channels and agent pause', () => {
    const b = behavior('recording');
    expect(b.enter(defaults('recording', { record: 'off', channels: 'mono', agentPause: 'enabled' }))).toEqual({
      kind: 'pass',
      port: 'next',
      recording: { record: 'off', channels: 'mono', agentPause: 'enabled' },
    });
    expect(b.timeout).toBeUndefined();
  });

  it('Play plays for its duration, then "next"; keys mean nothing', () => {
    const b = behavior('play');
    expect(b.enter(defaults('play', { durationSeconds: 7 }))).toEqual({ kind: 'prompt', seconds: 7, port: 'next' });
    expect(b.timeout?.(defaults('play'))).toBe('next');
    expect(b.press).toBeUndefined();
  });

  it('R7/R12: Assign rings its target for its timeout, then "noAnswer"', () => {
    const b = behavior('assign');
    const target = { type: 'agent', agentId: 'ana' };
    expect(b.enter(defaults('assign', { target, ringTimeoutSeconds: 25 }))).toEqual({ kind: 'ring', target, timeoutSeconds: 25, noAnswerPort: 'noAnswer' });
    expect(b.timeout?.(defaults('assign'))).toBe('noAnswer');
  });

  it('R13/R16: Transfer rings an agent or ring group, connects an extension or outside number; "failed" when nobody answers', () => {
    const b = behavior('transfer');
    const agent = { type: 'agent', agentId: 'ana' };
    const extension = { type: 'extension', extension: '200', system: 'pbx' };
    expect(b.enter(defaults('transfer', { target: agent, ringTimeoutSeconds: 12 }))).toEqual({ kind: 'ring', target: agent, timeoutSeconds: 12, noAnswerPort: 'failed' });
    expect(b.enter(defaults('transfer', { target: extension, ringTimeoutSeconds: 12 }))).toEqual({
      kind: 'dial',
      target: extension,
      timeoutSeconds: 12,
      noAnswerPort: 'failed',
    });
    expect(b.timeout?.(defaults('transfer'))).toBe('failed');
  });

  it('R19: Voicemail records up to its maximum; # ends it by "next", any other key means nothing; the maximum leads to "next"', () => {
    const b = behavior('voicemail');
    const d = defaults('voicemail', { maxLengthSeconds: 42 });
    expect(b.enter(d)).toEqual({ kind: 'takeMessage', maxLengthSeconds: 42 });
    expect(b.press?.(d, '#')).toBe('next');
    expect(b.press?.(d, '1')).toBeNull();
    expect(b.press?.(d, '*')).toBeNull();
    expect(b.timeout?.(d)).toBe('next');
  });

  it('R9: Hang up ends the call', () => {
    const b = behavior('hangup');
    expect(b.enter(defaults('hangup'))).toEqual({ kind: 'end' });
    expect(b.press).toBeUndefined();
    expect(b.timeout).toBeUndefined();
  });

  it('C4: Menu offers every key: its options with their labels, the others marked invalid', () => {
    const b = behavior('menu');
    const d = defaults('menu', {
      options: [
        { digit: '2', label: 'Support' },
        { digit: '#', label: '' },
      ],
      timeoutSeconds: 8,
    });
    expect(b.enter(d)).toEqual({
      kind: 'gather',
      timeoutSeconds: 8,
      digits: [
        { value: '2', label: '2 · Support' },
        { value: '#', label: '#' },
        ...['1', '3', '4', '5', '6', '7', '8', '9', '0', '*'].map((k) => ({ value: k, label: `${k} (invalid)` })),
      ],
    });
    // The same node data gives the same step each time the call comes back to it.
    expect(b.enter(d)).toBe(b.enter(d));
    expect(b.press?.(d, '2')).toBe('2');
    expect(b.press?.(d, '#')).toBe('#');
    expect(b.press?.(d, '5')).toBe('invalid');
    expect(b.press?.(d, 'A')).toBeNull();
    expect(b.press?.(d, '')).toBeNull();
    expect(b.timeout?.(d)).toBe('timeout');
    expect(b.timeout?.({ ...d, timeoutSeconds: null })).toBeNull();
  });
});
