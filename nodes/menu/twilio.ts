/**
 * Menu ↔ Studio's Gather Input On Call widget (`gather-input-on-call`). Studio's gather has one `keypress`
 * branch for every key (a Split Based On after it branches on the digits): every key of the menu leads there.
 * Speech input is approximated by a key press.
 */
import { baseProperties, bindEvent, clip, defineTwilio, noteUnbound, numberProp, sayOrPlay, textProp, writeOne } from '../kit/twilio.ts';
import type { ExitBinding, FormatNote } from '../kit/formats.ts';
import { MENU_DIGITS, type MenuData } from './model.ts';

export const menuTwilio = defineTwilio<MenuData>({
  reads: ['gather-input-on-call'],
  read(state) {
    const p = state.properties;
    const { text } = sayOrPlay(p);
    const timeout = numberProp(p, 'timeout') ?? 5;
    const notes: FormatNote[] = [
      { fidelity: 'approximated', message: 'Studio gathers any key on one keypress branch: every key leads where keypress does (the digits are branched on after it)', at: 'transitions' },
    ];
    const exits: ExitBinding[] = [];
    const keypress = state.transitions.findIndex((t) => t.event === 'keypress');
    if (keypress >= 0) for (const digit of MENU_DIGITS) exits.push({ slot: `transitions[${keypress}]`, port: digit });
    bindEvent(state, 'timeout', 'timeout', exits);
    if (/speech/.test(textProp(p, 'input') ?? '')) {
      notes.push({ fidelity: 'approximated', message: 'speech input is simulated as a key press: a spoken answer takes the speech branch on Studio', at: 'properties.input' });
    }
    noteUnbound(state, exits, notes);
    return {
      data: { label: clip(text || 'Gather input'), prompt: clip(text, 2000), options: MENU_DIGITS.map((digit) => ({ digit, label: '' })), timeoutSeconds: Math.min(300, Math.max(1, Math.round(timeout))) },
      exits,
      notes,
    };
  },
  write(data, { original, before }) {
    const properties = baseProperties(original, { say: data.prompt, timeout: data.timeoutSeconds ?? 5, number_of_digits: 1, stop_gather: true });
    if (original && before && before.prompt !== data.prompt) properties.say = data.prompt;
    if (original && before && before.timeoutSeconds !== data.timeoutSeconds) properties.timeout = data.timeoutSeconds ?? 5;
    const notes: FormatNote[] = [];
    if (data.timeoutSeconds === null) notes.push({ fidelity: 'approximated', message: 'Studio cannot wait for ever: the gather times out after 5 s (C4)' });
    const first = data.options[0]?.digit ?? null;
    const targets = data.options.length;
    if (targets > 1 && !original) {
      notes.push({ fidelity: 'not-simulated', message: `Studio's gather cannot branch by key itself: keypress leads where option ${first} does; add a Split Based On {{widgets.<this>.Digits}} for the others` });
    }
    return writeOne('gather-input-on-call', properties, [
      ['keypress', first],
      ['speech', null],
      ['timeout', data.timeoutSeconds === null ? null : 'timeout'],
    ], notes);
  },
});
