/** Menu ↔ Connect's GetParticipantInput (the "Get customer input" block) with one condition per key. */
import { bindErrors, type ConnectAction, clip, conditionSlot, defineConnect, errorIndex, errorSlot, hintText, numberParam, promptText, textParam } from '../kit/connect.ts';
import type { ExitBinding, FormatNote, JsonObject } from '../kit/formats.ts';
import { MENU_DIGITS, type MenuData } from './model.ts';

type Digit = (typeof MENU_DIGITS)[number];
const isDigit = (v: unknown): v is Digit => typeof v === 'string' && (MENU_DIGITS as readonly string[]).includes(v);

/** Connect waits 5 seconds for a key when the block does not say (the block's default). */
const CONNECT_DEFAULT_TIMEOUT = 5;

export const menuConnect = defineConnect<MenuData>({
  reads: ['GetParticipantInput'],
  read(action, { hints }) {
    const p = action.Parameters;
    const conditions = action.Transitions.Conditions ?? [];
    // Stored input (an account number) or conditions other than one key each are not a menu: kept verbatim.
    if (textParam(p, 'StoreInput') === 'True') return null;
    const digits = conditions.map((c) => (c.Condition.Operator === 'Equals' && c.Condition.Operands.length === 1 ? c.Condition.Operands[0] : undefined));
    if (!digits.every(isDigit) || new Set(digits).size !== digits.length || digits.length > 12) return null;
    const labels = hints?.optionLabels;
    const options = (digits as Digit[]).map((digit, i) => ({
      digit,
      label: Array.isArray(labels) && typeof labels[i] === 'string' ? clip(labels[i]) : '',
    }));
    const limit = numberParam(p, 'InputTimeLimitSeconds');
    const timeoutSeconds = Math.min(300, Math.max(1, Math.round(limit ?? CONNECT_DEFAULT_TIMEOUT)));
    const notes: FormatNote[] = [];
    if (limit === undefined) notes.push({ fidelity: 'simulated', message: `no input time limit: Connect's default of ${CONNECT_DEFAULT_TIMEOUT} s`, at: 'Parameters' });
    else if (limit !== timeoutSeconds) notes.push({ fidelity: 'approximated', message: `the time limit of ${limit} s is taken as ${timeoutSeconds} s`, at: 'Parameters.InputTimeLimitSeconds' });
    const exits: ExitBinding[] = digits.map((d, i) => ({ slot: conditionSlot(i), port: d as string }));
    const timeout = errorIndex(action, 'InputTimeLimitExceeded');
    if (timeout >= 0) exits.push({ slot: errorSlot(timeout), port: 'timeout' });
    bindErrors(action, 'invalid', ['NoMatchingCondition', 'NoMatchingError'], exits, notes, new Set(['InputTimeLimitExceeded']));
    const prompt = promptText(p).text;
    return { data: { label: hintText(hints, 'label') ?? clip(prompt || 'Get customer input'), prompt: clip(prompt, 2000), options, timeoutSeconds }, exits, notes };
  },
  write(data, { original, before }) {
    const notes: FormatNote[] = [];
    let Parameters: JsonObject;
    if (original && before) {
      Parameters = { ...original.Parameters };
      if (before.prompt !== data.prompt) {
        delete Parameters.SSML;
        delete Parameters.PromptId;
        Parameters.Text = data.prompt;
      }
      if (before.timeoutSeconds !== data.timeoutSeconds) Parameters.InputTimeLimitSeconds = String(data.timeoutSeconds ?? 180);
    } else {
      Parameters = { Text: data.prompt, StoreInput: 'False', InputTimeLimitSeconds: String(data.timeoutSeconds ?? 180) };
    }
    if (data.timeoutSeconds === null) {
      notes.push({ fidelity: 'approximated', message: 'Connect always times out waiting for a key: written as 180 s (the menu waits forever in Recflow)' });
    }
    const action: ConnectAction = {
      Identifier: '',
      Type: 'GetParticipantInput',
      Parameters,
      Transitions: {
        NextAction: '',
        Conditions: data.options.map((o) => ({ NextAction: '', Condition: { Operator: 'Equals', Operands: [o.digit] } })),
        Errors: [
          { NextAction: '', ErrorType: 'InputTimeLimitExceeded' },
          { NextAction: '', ErrorType: 'NoMatchingCondition' },
          { NextAction: '', ErrorType: 'NoMatchingError' },
        ],
      },
    };
    return {
      actions: [action],
      exits: [
        // Connect takes NextAction when input arrives that no condition names: the invalid path.
        { action: 0, slot: 'NextAction', port: 'invalid' },
        ...data.options.map((o, i) => ({ action: 0, slot: conditionSlot(i), port: o.digit as string })),
        { action: 0, slot: errorSlot(0), port: data.timeoutSeconds === null ? 'invalid' : 'timeout' },
        { action: 0, slot: errorSlot(1), port: 'invalid' },
        { action: 0, slot: errorSlot(2), port: 'invalid' },
      ],
      notes,
      hints: { label: data.label, optionLabels: data.options.map((o) => o.label) },
    };
  },
});
