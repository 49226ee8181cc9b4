import { describe, expect, it } from 'vitest';
import { createFlow, parseFlow, serializeFlow } from '../../runtime/document/flow.ts';
import { decisionBehavior } from './behavior.ts';
import { type DecisionData, decisionModel } from './model.ts';

const tiers: DecisionData = {
  label: 'Tier',
  source: 'attribute tier',
  outcomes: [
    { name: 'gold', condition: '$.Attributes.tier = gold' },
    { name: 'silver', condition: '$.Attributes.tier = silver' },
  ],
};
const ok = (d: unknown) => decisionModel.schema.safeParse(d).success;

/** A flow holding one decision node of `data`, as a document, parsed. */
function parsedWith(data: unknown) {
  const flow = createFlow('f', 'F');
  return parseFlow({ ...JSON.parse(serializeFlow(flow)), nodes: [...flow.nodes, { id: 'd', kind: 'decision', position: { x: 0, y: 200 }, data }] });
}

describe('decision model (R26)', () => {
  it('its defaults pass its own schema, save and reopen', () => {
    expect(ok(decisionModel.defaults())).toBe(true);
    const parsed = parsedWith(decisionModel.defaults());
    expect(parsed.ok).toBe(true);
  });

  it('has one port per outcome, named after it, in order, then noMatch', () => {
    expect(decisionModel.hasInput).toBe(true);
    expect(decisionModel.ports(tiers)).toEqual([
      { id: 'gold', label: 'gold' },
      { id: 'silver', label: 'silver' },
      { id: 'noMatch', label: 'noMatch' },
    ]);
    expect(decisionModel.ports({ ...tiers, outcomes: [] }).map((p) => p.id)).toEqual(['noMatch']);
  });

  it('an outcome name is 1–64 letters, digits, spaces and _ . -, neither padded nor "noMatch"', () => {
    const named = (name: string) => ({ ...tiers, outcomes: [{ name, condition: 'x' }] });
    for (const name of ['in hours', 'Key_1', 'v2.0-beta', 'x'.repeat(64)]) expect(ok(named(name))).toBe(true);
    for (const name of ['', 'x'.repeat(65), 'a/b', 'café', ' gold', 'gold ', 'noMatch']) expect(ok(named(name))).toBe(false);
  });

  it('keeps each condition as written, up to 500 characters, and at most 50 outcomes', () => {
    const condition = '{{widgets.gather.Digits}} equal_to 123';
    expect(ok({ ...tiers, outcomes: [{ name: 'a', condition }] })).toBe(true);
    expect(ok({ ...tiers, outcomes: [{ name: 'a', condition: 'c'.repeat(501) }] })).toBe(false);
    const many = (n: number) => ({ ...tiers, outcomes: Array.from({ length: n }, (_, i) => ({ name: `o${i}`, condition: '' })) });
    expect(ok(many(50))).toBe(true);
    expect(ok(many(51))).toBe(false);
    expect(ok({ ...tiers, source: 's'.repeat(201) })).toBe(false);
    expect(ok({ ...tiers, outcomes: [{ name: 'a', condition: 'x', port: 'a' }] })).toBe(false);
  });

  it('refuses two outcomes of one name, at the second one, with its JSON path', () => {
    const dup = { ...tiers, outcomes: [...tiers.outcomes, { name: 'gold', condition: 'tier = GOLD' }] };
    const parsed = parsedWith(dup);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors).toEqual([{ path: '$.nodes[1].data.outcomes[2].name', message: 'duplicate outcome name "gold"' }]);
  });

  it('warns about no outcomes and about an outcome without its condition, on its field', () => {
    expect(decisionModel.check?.(tiers, {})).toEqual([]);
    expect(decisionModel.check?.({ ...tiers, outcomes: [] }, {})).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'no-outcomes', field: 'outcomes' }),
    ]);
    expect(decisionModel.check?.({ ...tiers, outcomes: [tiers.outcomes[0]!, { name: 'other', condition: ' ' }] }, {})).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'no-condition', field: 'outcomes.1.condition' }),
    ]);
  });

  it('is found by its label, what it reads, outcome names and conditions', () => {
    const text = decisionModel.searchText(tiers);
    for (const word of ['Tier', 'attribute tier', 'silver', '$.Attributes.tier = gold']) expect(text).toContain(word);
  });
});

describe('decision behaviour (R26)', () => {
  it('waits for the reviewer to choose an outcome (with its condition) or no match, with no timer', () => {
    expect(decisionBehavior.enter(tiers)).toEqual({
      kind: 'choose',
      options: [
        { value: 'gold', label: 'gold: $.Attributes.tier = gold' },
        { value: 'silver', label: 'silver: $.Attributes.tier = silver' },
        { value: 'noMatch', label: 'no match' },
      ],
      timeoutSeconds: null,
      timeoutPort: null,
    });
    expect(decisionBehavior.timeout).toBeUndefined();
  });

  it('an outcome without a condition is offered by its name', () => {
    expect(decisionBehavior.enter({ ...tiers, outcomes: [{ name: 'open', condition: '' }] })).toMatchObject({
      options: [{ value: 'open', label: 'open' }, { value: 'noMatch', label: 'no match' }],
    });
  });

  it('leaves by the chosen outcome or noMatch; anything else is refused', () => {
    expect(decisionBehavior.choose?.(tiers, 'silver')).toBe('silver');
    expect(decisionBehavior.choose?.(tiers, 'noMatch')).toBe('noMatch');
    expect(decisionBehavior.choose?.(tiers, 'bronze')).toBeNull();
    expect(decisionBehavior.choose?.(tiers, 'error')).toBeNull();
  });
});
