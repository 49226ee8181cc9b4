/**
 * Every registered kind is a complete definition, and its parts agree with
 * each other: generated data passes its schema, traits name its own ports and
 * real references, the entry is unique. The registry refuses a kind that
 * misses a part, so a forgotten piece fails here (and at start-up) instead of
 * showing as a grey box or a silently skipped check.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commonArbitraries as common } from '../runtime/document/flowArbitrary.ts';
import { type AnyKind, definitionGaps } from './kit/contract.ts';
import { createRegistry } from './kit/registry.ts';
import { entryKind, kindList, kinds } from './index.ts';

describe('every registered kind', () => {
  it.each(kinds.map((k) => [k.kind, k] as const))('%s is complete', (_name, kind) => {
    expect(definitionGaps(kind)).toEqual([]);
  });

  it.each(kinds.map((k) => [k.kind, k] as const))('%s: generated data passes its schema, and its traits agree with its ports and data', (_name, kind) => {
    fc.assert(
      fc.property(kind.arbitrary(fc, common), (data) => {
        expect(kind.model.schema.safeParse(data).success).toBe(true);
        const ports = kind.model.ports(data).map((p) => p.id);
        const t = kind.traits;
        for (const f of t.fallbackPorts?.(data) ?? []) expect(ports).toContain(f.port);
        for (const ref of t.references?.(data) ?? []) {
          expect(ref.id).not.toBe('');
          // Dropping what the node names leaves valid data.
          expect(kind.model.schema.safeParse(t.dropReference?.(data, ref) ?? data).success).toBe(true);
        }
        for (const target of t.outsideTargets?.(data) ?? []) expect(['external', 'extension']).toContain(target.type);
        if (t.recording) expect(kind.behavior.enter(data)).toMatchObject({ kind: 'pass', recording: t.recording(data) });
      }),
      { numRuns: 40 },
    );
  });

  it('exactly one kind is the entry, and nothing leads into it', () => {
    expect(kinds.filter((k) => k.traits.entry)).toEqual([entryKind]);
    expect(entryKind.model.hasInput).toBe(false);
  });

  it('the registry lists each kind once, as its kind.ts exports it', () => {
    expect(kinds).toEqual(kindList);
    expect(new Set(kinds.map((k) => k.kind)).size).toBe(kinds.length);
  });
});

describe('a kind that misses a part is refused', () => {
  const play = kinds.find((k) => k.kind === 'play')!;
  const without = (patch: Partial<Record<keyof AnyKind, unknown>>) => ({ ...play, ...patch }) as AnyKind;

  it('names each missing or broken part', () => {
    expect(definitionGaps(without({ look: { ...play.look, icon: [] } }))).toEqual(['an icon']);
    expect(definitionGaps(without({ look: { ...play.look, color: { light: 'blue', dark: '#6f9dff' } } }))).toEqual([
      'a light and a dark #rrggbb colour',
    ]);
    expect(definitionGaps(without({ look: { icon: play.look.icon, color: play.look.color } }))).toEqual(['an estimated height']);
    expect(definitionGaps(without({ behavior: {} }))).toEqual(['a behaviour with enter()']);
    expect(definitionGaps(without({ traits: undefined }))).toEqual(['traits (an empty object when none apply)']);
    expect(definitionGaps(without({ arbitrary: undefined, ui: undefined }))).toEqual(['an arbitrary', 'a ui loader']);
    expect(definitionGaps(without({ model: { ...play.model, defaults: () => ({ label: 1 }) } }))).toEqual(['defaults that pass the schema']);
    expect(definitionGaps(without({ model: { ...play.model, kind: 'other' } }))).toEqual(['a model whose kind is the kind name']);
    expect(definitionGaps(without({ kind: 'Play me' }))).toEqual([
      'a kind name of letters and digits starting with a small letter (it names CSS variables)',
      'a model whose kind is the kind name',
    ]);
  });

  it('by the registry, which also refuses a kind listed twice and other than one entry', () => {
    expect(() => createRegistry([...kinds, without({ look: { ...play.look, icon: [] } })])).toThrow('node kind "play" is incomplete: it needs an icon');
    expect(() => createRegistry([...kinds, play])).toThrow('node kind "play" is listed twice');
    expect(() => createRegistry(kinds.filter((k) => k !== entryKind))).toThrow('exactly one node kind must be the flow\'s entry (traits.entry); found none');
    const secondEntry = { ...play, kind: 'lobby', model: { ...play.model, kind: 'lobby' }, traits: { entry: true } } as AnyKind;
    expect(() => createRegistry([...kinds, secondEntry])).toThrow(`found ${entryKind.kind}, lobby`);
  });
});
