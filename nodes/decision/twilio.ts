/**
 * Decision ↔ Studio's Split Based On widget (`split-based-on`): one outcome per `match` transition, and
 * `noMatch`. R26: each condition is kept as written and never evaluated; the reviewer chooses the outcome.
 */
import { baseProperties, bindEvent, clip, defineTwilio, textProp, writeOne } from '../kit/twilio.ts';
import type { ExitBinding, FormatNote, JsonObject, JsonValue } from '../kit/formats.ts';
import { type DecisionData, NO_MATCH } from './model.ts';

const isObject = (v: JsonValue | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const word = (v: JsonValue | undefined) => (typeof v === 'string' ? v : JSON.stringify(v ?? ''));

/** A valid, unique outcome name from a condition's friendly name or value. */
function outcomeName(raw: string, i: number, taken: Set<string>): string {
  let name = raw.replace(/[^A-Za-z0-9 _.-]+/g, '_').replace(/\s+/g, ' ').trim().slice(0, 60).trim();
  if (name === '' || name === NO_MATCH) name = `condition ${i + 1}`;
  let unique = name;
  for (let n = 2; taken.has(unique); n++) unique = `${name.slice(0, 58)} ${n}`;
  taken.add(unique);
  return unique;
}

export const decisionTwilio = defineTwilio<DecisionData>({
  reads: ['split-based-on'],
  read(state) {
    const input = textProp(state.properties, 'input') ?? '';
    const matches = state.transitions.map((t, i) => ({ t, i })).filter(({ t }) => t.event === 'match');
    if (matches.length > 50) return null;
    const taken = new Set<string>();
    const exits: ExitBinding[] = [];
    const outcomes = matches.map(({ t, i }, k) => {
      const conditions = (t.conditions ?? []).filter(isObject);
      const first = conditions[0];
      const name = outcomeName(word(first?.friendly_name ?? first?.value ?? ''), k, taken);
      exits.push({ slot: `transitions[${i}]`, port: name });
      const condition = conditions.map((c) => `${word(c.type)} ${word(c.value)}`).join(' and ');
      return { name, condition: clip(condition, 500) };
    });
    bindEvent(state, 'noMatch', NO_MATCH, exits);
    const notes: FormatNote[] = [{ fidelity: 'not-simulated', message: 'the split is not evaluated: the reviewer chooses which condition holds (R26)', at: 'properties.input' }];
    return { data: { label: clip(`Split on ${input || 'a value'}`), outcomes, source: clip(input) }, exits, notes };
  },
  write(data, { original, before }) {
    const events: Array<[string, string | null]> = [['noMatch', NO_MATCH]];
    for (const o of data.outcomes) events.push(['match', o.name]);
    const properties = baseProperties(original, { input: data.source });
    if (original && before && before.source !== data.source) properties.input = data.source;
    const result = writeOne('split-based-on', properties, events);
    data.outcomes.forEach((o, k) => {
      result.actions[0]!.transitions[k + 1]!.conditions = [{ friendly_name: o.name, arguments: [data.source], type: 'equal_to', value: o.condition }];
    });
    if (data.outcomes.some((o) => o.condition.trim() === '')) {
      result.notes.push({ fidelity: 'approximated', message: 'an outcome with no condition is written as equal to nothing: write its condition in Studio' });
    }
    return result;
  },
});
