/**
 * Menu ↔ Studio's Gather Input On Call widget (`gather-input-on-call`). Studio's gather has one `keypress`
 * branch for every key; a digit menu is the gather followed by a Split Based On `{{widgets.<gather>.Digits}}`
 * with one `equal_to` condition per key (twilio.com/docs/studio/widget-library/gather-input-call and
 * split-based-on). Such a pair is read as one Menu, a port per key, the split's `noMatch` its invalid port, and
 * written back as the pair. A gather with no such split leads every key where keypress does. Speech input is
 * approximated by a key press.
 */
import { throughSlot } from '../kit/formats.ts';
import type { ExitBinding, FormatNote, JsonObject, JsonValue, WriteResult } from '../kit/formats.ts';
import { baseProperties, bindEvent, clip, defineTwilio, noteUnbound, numberProp, sayOrPlay, type StudioState, type StudioTransition, textProp, transitionSlot } from '../kit/twilio.ts';
import { MENU_DIGITS, type MenuData } from './model.ts';

type Digit = (typeof MENU_DIGITS)[number];
const isDigit = (v: string): v is Digit => (MENU_DIGITS as readonly string[]).includes(v);
const isObject = (v: JsonValue | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The split's input when it branches on what `gather` collected. */
export const digitsOf = (gather: string) => `{{widgets.${gather}.Digits}}`;

/** The key a split's match transition tests for: one `equal_to` condition on a single key, else undefined. */
function keyOf(t: StudioTransition): { digit: Digit; label: string } | undefined {
  const conditions = t.conditions ?? [];
  const c = conditions[0];
  if (conditions.length !== 1 || !isObject(c) || c.type !== 'equal_to') return undefined;
  const value = typeof c.value === 'number' ? String(c.value) : typeof c.value === 'string' ? c.value.trim() : '';
  if (!isDigit(value)) return undefined;
  return { digit: value, label: typeof c.friendly_name === 'string' ? clip(c.friendly_name) : '' };
}

/**
 * The keys of a split that branches on `gather`'s digits, with the slot of each and of noMatch; undefined when
 * the split does anything else (another input, another test, a key tested twice, another event).
 */
function keysOf(split: StudioState, gather: string): { keys: Array<{ digit: Digit; label: string; slot: string }>; noMatch?: string } | undefined {
  if (split.type !== 'split-based-on') return undefined;
  const input = (textProp(split.properties, 'input') ?? '').replace(/\s+/g, '');
  if (input !== digitsOf(gather)) return undefined;
  const keys: Array<{ digit: Digit; label: string; slot: string }> = [];
  let noMatch: string | undefined;
  for (const [i, t] of split.transitions.entries()) {
    if (t.event === 'noMatch' && noMatch === undefined) {
      noMatch = transitionSlot(i);
      continue;
    }
    const key = t.event === 'match' ? keyOf(t) : undefined;
    if (!key || keys.some((k) => k.digit === key.digit)) return undefined;
    keys.push({ ...key, slot: transitionSlot(i) });
  }
  return { keys, noMatch };
}

const sameOptions = (a: MenuData['options'], b: MenuData['options']) => a.length === b.length && a.every((o, i) => o.digit === b[i]!.digit);

export const menuTwilio = defineTwilio<MenuData>({
  reads: ['gather-input-on-call'],
  read(state, ctx) {
    const p = state.properties;
    const { text } = sayOrPlay(p);
    const timeout = numberProp(p, 'timeout') ?? 5;
    const notes: FormatNote[] = [];
    const exits: ExitBinding[] = [];
    const keypress = state.transitions.findIndex((t) => t.event === 'keypress');
    const keypressSlot = keypress < 0 ? undefined : transitionSlot(keypress);
    const timeoutAt = state.transitions.findIndex((t) => t.event === 'timeout');
    const split = keypressSlot === undefined ? undefined : ctx.follow?.(keypressSlot);
    const pair = split && state.transitions[timeoutAt]?.next !== split.name ? keysOf(split, state.name) : undefined;
    let options: MenuData['options'];
    let absorbs: Array<{ slot: string; notes: FormatNote[] }> | undefined;
    if (split && pair && keypressSlot !== undefined) {
      options = pair.keys.map((k) => ({ digit: k.digit, label: k.label }));
      for (const k of pair.keys) exits.push({ slot: throughSlot(keypressSlot, k.slot), port: k.digit });
      if (pair.noMatch !== undefined) exits.push({ slot: throughSlot(keypressSlot, pair.noMatch), port: 'invalid' });
      absorbs = [
        {
          slot: keypressSlot,
          notes: [{ fidelity: 'simulated', message: `read with the gather "${state.name}" as one Menu: each equal_to condition on its Digits is a key, noMatch the invalid port` }],
        },
      ];
      const digits = numberProp(p, 'number_of_digits');
      if (digits !== undefined && digits !== 1) {
        notes.push({ fidelity: 'approximated', message: `Studio gathers ${digits} digits before the split; the simulated caller presses one key`, at: 'properties.number_of_digits' });
      } else if (digits === undefined) {
        notes.push({ fidelity: 'approximated', message: 'no number_of_digits: Studio waits for the finish key or the timeout after a key; the simulated menu goes on at the key', at: 'properties' });
      }
    } else {
      notes.push({ fidelity: 'approximated', message: 'Studio gathers any key on one keypress branch, and no split on its Digits follows: every key leads where keypress does', at: 'transitions' });
      if (keypressSlot !== undefined) for (const digit of MENU_DIGITS) exits.push({ slot: keypressSlot, port: digit });
      options = MENU_DIGITS.map((digit) => ({ digit, label: '' }));
    }
    bindEvent(state, 'timeout', 'timeout', exits);
    if (/speech/.test(textProp(p, 'input') ?? '')) {
      notes.push({ fidelity: 'approximated', message: 'speech input is simulated as a key press: a spoken answer takes the speech branch on Studio', at: 'properties.input' });
    }
    // The keypress transition into an absorbed split is the menu's own; only the others may be left out.
    noteUnbound(state, absorbs ? [...exits, { slot: keypressSlot!, port: '' }] : exits, notes);
    return {
      data: { label: clip(text || 'Gather input'), prompt: clip(text, 2000), options, timeoutSeconds: Math.min(300, Math.max(1, Math.round(timeout))) },
      exits,
      notes,
      ...(absorbs ? { absorbs } : {}),
    };
  },
  write(data, { original, before, absorbed, name }) {
    const properties = baseProperties(original, { say: data.prompt, timeout: data.timeoutSeconds ?? 5, number_of_digits: 1, stop_gather: true });
    if (original && before && before.prompt !== data.prompt) properties.say = data.prompt;
    if (original && before && before.timeoutSeconds !== data.timeoutSeconds) properties.timeout = data.timeoutSeconds ?? 5;
    const notes: FormatNote[] = [];
    if (data.timeoutSeconds === null) notes.push({ fidelity: 'approximated', message: 'Studio cannot wait for ever: the gather times out after 5 s (C4)' });
    const timeoutPort = data.timeoutSeconds === null ? null : 'timeout';
    const splitOriginal = absorbed?.[0];
    // An edited gather keeps its transitions (a speech branch leads where it did); a drawn one has Studio's three.
    const transitions = original ? structuredClone(original.transitions) : [{ event: 'keypress' }, { event: 'speech' }, { event: 'timeout' }];
    const gather: StudioState = { name: '', type: 'gather-input-on-call', transitions, properties };
    const slotOf = (event: string) => {
      let i = transitions.findIndex((t) => t.event === event);
      if (i < 0) i = transitions.push({ event }) - 1;
      return transitionSlot(i);
    };
    const keypress = slotOf('keypress');
    const exits: WriteResult<StudioState>['exits'] = [];
    if (timeoutPort) exits.push({ action: 0, slot: slotOf('timeout'), port: timeoutPort });
    // A gather imported alone, its keys not edited: every key still leads where keypress did.
    if ((original && !splitOriginal && before && sameOptions(before.options, data.options)) || data.options.length === 0) {
      exits.push({ action: 0, slot: keypress, port: data.options[0]?.digit ?? 'invalid' });
      return { actions: [gather], exits, notes };
    }
    // The split on the gather's digits: the imported one's transitions kept for the keys it had.
    const gatherName = name ?? original?.name ?? 'gather';
    const split: StudioState = {
      name: splitOriginal?.name ?? `${gatherName}_digits`,
      type: 'split-based-on',
      transitions: [],
      properties: splitOriginal ? structuredClone(splitOriginal.properties) : { input: digitsOf(gatherName) },
    };
    const kept = splitOriginal?.transitions ?? [];
    const noMatch = kept.find((t) => t.event === 'noMatch');
    split.transitions.push(noMatch ? { ...structuredClone(noMatch), next: undefined } : { event: 'noMatch' });
    exits.push({ action: 1, slot: transitionSlot(0), port: 'invalid' });
    data.options.forEach((o, k) => {
      const was = kept.find((t) => t.event === 'match' && keyOf(t)?.digit === o.digit);
      const fresh: StudioTransition = {
        event: 'match',
        conditions: [{ friendly_name: o.label || `key ${o.digit}`, arguments: [digitsOf(gatherName)], type: 'equal_to', value: o.digit }],
      };
      // A key that led back into the menu itself (press 9 to hear it again) keeps doing so: it has no edge.
      const back = was?.next === gatherName || was?.next === split.name;
      split.transitions.push(was ? { ...structuredClone(was), next: back ? was.next : undefined } : fresh);
      exits.push({ action: 1, slot: transitionSlot(k + 1), port: o.digit });
    });
    for (const t of split.transitions) if (t.next === undefined) delete t.next;
    exits.push({ action: 0, slot: keypress, to: 1 });
    return { actions: [gather, split], exits, notes };
  },
});
