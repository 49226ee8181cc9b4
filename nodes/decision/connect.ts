/**
 * Decision ↔ Connect's branching actions: Compare ("Check contact attributes"), CheckHoursOfOperation, Loop and
 * ConnectParticipantWithLexBot. R26: each condition is kept as written and never evaluated; the reviewer
 * chooses the outcome.
 */
import { bindErrors, type ConnectAction, type ConnectCondition, clip, conditionSlot, defineConnect, errorSlot, hintText, NEXT, shortName, textParam } from '../kit/connect.ts';
import type { ExitBinding, FormatNote, JsonObject, JsonValue } from '../kit/formats.ts';
import { type DecisionData, NO_MATCH } from './model.ts';

/** Outcome names for the values whose words a reviewer knows better. */
const NAMED: Record<string, Record<string, string>> = {
  CheckHoursOfOperation: { True: 'in hours', False: 'out of hours' },
  Loop: { ContinueLooping: 'looping', DoneLooping: 'complete' },
};

const operandText = (v: JsonValue) => (typeof v === 'string' ? v : JSON.stringify(v));

/** A valid, unique outcome name from a condition's operands. */
function outcomeName(type: string, c: ConnectCondition, i: number, taken: Set<string>): string {
  const raw = c.Condition.Operands.map(operandText).join(' ');
  let name = NAMED[type]?.[raw] ?? raw.replace(/[^A-Za-z0-9 _.-]+/g, '_').replace(/\s+/g, ' ').trim().slice(0, 60).trim();
  if (name === '' || name === NO_MATCH) name = `condition ${i + 1}`;
  let unique = name;
  for (let n = 2; taken.has(unique); n++) unique = `${name.slice(0, 58)} ${n}`;
  taken.add(unique);
  return unique;
}

function sourceOf(action: ConnectAction): string {
  const p = action.Parameters;
  switch (action.Type) {
    case 'Compare':
      return clip(textParam(p, 'ComparisonValue') ?? 'a value');
    case 'CheckHoursOfOperation':
      return clip(`hours of operation ${shortName(textParam(p, 'HoursOfOperationId') ?? "of the working queue")}`);
    case 'Loop':
      return clip(`loop ${typeof p.LoopCount === 'string' || typeof p.LoopCount === 'number' ? p.LoopCount : '?'} times`);
    default:
      return clip(`Lex bot ${shortName(textParam(p, 'LexV2Bot') ?? textParam((p.LexV2Bot ?? {}) as JsonObject, 'AliasArn') ?? textParam(p, 'LexBot') ?? '')}`.trim());
  }
}

const WHY: Record<string, string> = {
  Compare: 'the attribute is not evaluated: the reviewer chooses which condition holds (R26)',
  CheckHoursOfOperation: 'the hours are not evaluated: the reviewer chooses in or out of hours (R26)',
  Loop: 'the loop is not counted: the reviewer chooses whether it goes round again (R26)',
  ConnectParticipantWithLexBot: "the bot's conversation is not simulated: the reviewer chooses the intent it ends with (R26)",
};

export const decisionConnect = defineConnect<DecisionData>({
  reads: ['Compare', 'CheckHoursOfOperation', 'Loop', 'ConnectParticipantWithLexBot'],
  read(action, { hints }) {
    const conditions = action.Transitions.Conditions ?? [];
    if (conditions.length > 50) return null;
    const taken = new Set<string>();
    const hinted = hints?.conditions;
    const outcomes = conditions.map((c, i) => ({
      name: outcomeName(action.Type, c, i, taken),
      condition: Array.isArray(hinted) && typeof hinted[i] === 'string' ? clip(hinted[i], 500) : clip(`${c.Condition.Operator} ${c.Condition.Operands.map(operandText).join(', ')}`, 500),
    }));
    const exits: ExitBinding[] = outcomes.map((o, i) => ({ slot: conditionSlot(i), port: o.name }));
    const notes: FormatNote[] = [{ fidelity: 'not-simulated', message: WHY[action.Type] ?? WHY.Compare! }];
    bindErrors(action, NO_MATCH, ['NoMatchingCondition', 'NoMatchingError'], exits, notes);
    // A Lex bot's plain success (no intent condition) leaves by NextAction; there is no port for it besides noMatch.
    if (action.Transitions.NextAction !== undefined && !exits.some((e) => e.port === NO_MATCH)) exits.push({ slot: NEXT, port: NO_MATCH });
    return { data: { label: hintText(hints, 'label') ?? sourceOf(action), outcomes, source: hintText(hints, 'source') ?? sourceOf(action) }, exits, notes };
  },
  write(data, { original, before }) {
    const notes: FormatNote[] = [];
    let action: ConnectAction;
    if (original && before) {
      // Keep each outcome's original condition where the outcome kept its name; new outcomes compare equal to their name.
      const byName = new Map(before.outcomes.map((o, i) => [o.name, original.Transitions.Conditions?.[i]]));
      action = {
        Identifier: '',
        Type: original.Type,
        Parameters: original.Parameters,
        Transitions: {
          NextAction: '',
          Conditions: data.outcomes.map((o) => ({ NextAction: '', Condition: byName.get(o.name)?.Condition ?? { Operator: 'Equals', Operands: [o.name] } })),
          Errors: [{ NextAction: '', ErrorType: original.Type === 'Compare' ? 'NoMatchingCondition' : 'NoMatchingError' }],
        },
      };
    } else {
      const path = data.source.startsWith('$.') ? data.source : `$.Attributes.${data.source.replace(/[^A-Za-z0-9_]+/g, '_') || 'decision'}`;
      notes.push({
        fidelity: 'approximated',
        message: `Connect compares a value: written as a comparison of ${path} with each outcome's name; the conditions as written in Recflow are kept beside it`,
      });
      action = {
        Identifier: '',
        Type: 'Compare',
        Parameters: { ComparisonValue: path },
        Transitions: {
          NextAction: '',
          Conditions: data.outcomes.map((o) => ({ NextAction: '', Condition: { Operator: 'Equals', Operands: [o.name] } })),
          Errors: [{ NextAction: '', ErrorType: 'NoMatchingCondition' }],
        },
      };
    }
    return {
      actions: [action],
      exits: [
        { action: 0, slot: NEXT, port: NO_MATCH },
        ...data.outcomes.map((o, i) => ({ action: 0, slot: conditionSlot(i), port: o.name })),
        { action: 0, slot: errorSlot(0), port: NO_MATCH },
      ],
      notes,
      hints: { label: data.label, source: data.source, conditions: data.outcomes.map((o) => o.condition) },
    };
  },
});
