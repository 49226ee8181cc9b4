/**
 * Twilio Studio's flow definition as kinds see it: one state (a widget), and
 * helpers the kinds' `twilio.ts` share to read and write one. The document
 * around the states (description, initial_state, flags, limits, refusals) is
 * the runtime's (`runtime/platforms/twilio-studio/`).
 * Sources: twilio.com/docs/studio/rest-api/v2/schemas (flow definition) and the
 * widget pages under twilio.com/docs/studio/widget-library.
 */
import { clip, numberParam, spokenSeconds, textParam } from './connect.ts';
import type { ExitBinding, FormatNote, JsonObject, JsonValue, KindFormat, WriteResult } from './formats.ts';

export { clip, spokenSeconds };

/** One transition of a state: its event, the state it leads to (none: the call ends there), and a split's conditions. */
export interface StudioTransition {
  event: string;
  next?: string;
  conditions?: JsonValue[];
  [key: string]: JsonValue | undefined;
}

/** One state of a flow definition: `name` is unique in the flow; transitions name other states. */
export interface StudioState {
  name: string;
  type: string;
  transitions: StudioTransition[];
  properties: JsonObject;
}

/** What a kind knows of Studio's flow definition. */
export type TwilioFormat<D> = KindFormat<D, StudioState>;

/** Identity helper that keeps `D` checked against the kind's data. */
export function defineTwilio<D>(format: TwilioFormat<D>): TwilioFormat<D> {
  return format;
}

/** The exit slot of the i-th transition (also its path inside the state). */
export const transitionSlot = (i: number) => `transitions[${i}]`;

/** The slot of the first transition with `event`, or undefined. */
export function eventSlot(state: StudioState, event: string): string | undefined {
  const i = state.transitions.findIndex((t) => t.event === event);
  return i < 0 ? undefined : transitionSlot(i);
}

/** Binds the first transition of `event` to `port` (when the state has one). */
export function bindEvent(state: StudioState, event: string, port: string, exits: ExitBinding[]): void {
  const slot = eventSlot(state, event);
  if (slot !== undefined) exits.push({ slot, port });
}

/**
 * Notes every transition with a `next` that no port took and that leads elsewhere than the ports' own: on
 * Studio the call may take it, in the simulation it never does (export keeps it as it is).
 */
export function noteUnbound(state: StudioState, exits: readonly ExitBinding[], notes: FormatNote[], why = 'is not simulated: the call never takes it'): void {
  const bound = new Set(exits.map((e) => e.slot));
  state.transitions.forEach((t, i) => {
    if (bound.has(transitionSlot(i)) || t.next === undefined) return;
    notes.push({ fidelity: 'not-simulated', message: `the ${t.event} transition ${why} (export keeps it)`, at: transitionSlot(i), part: true });
  });
}

/** A string property, and one Studio writes as a number or a numeric string ("5"): read as Connect's parameters are. */
export { numberParam as numberProp, textParam as textProp };

/** The words a say/play property set speaks, or what it plays; `spoken` when Recflow can estimate its length. */
export function sayOrPlay(p: JsonObject): { text: string; spoken: boolean } {
  const say = textParam(p, 'say');
  if (say !== undefined && say.trim() !== '') return { text: say, spoken: !/\{\{/.test(say) };
  const play = textParam(p, 'play');
  if (play !== undefined && play !== '') return { text: `Audio file ${play}`, spoken: false };
  return { text: '', spoken: false };
}

/** A state as a kind writes it: the envelope names it, places it (`properties.offset`) and fills each `next`. */
export function studioState(type: string, properties: JsonObject, events: string[]): StudioState {
  return { name: '', type, transitions: events.map((event) => ({ event })), properties };
}

/** One state written with each event bound to a port (`[event, port]`; a null port leaves the event ending the call). */
export function writeOne(type: string, properties: JsonObject, events: Array<[string, string | null]>, notes: FormatNote[] = []): WriteResult<StudioState> {
  const exits: WriteResult<StudioState>['exits'] = [];
  events.forEach(([, port], i) => {
    if (port !== null) exits.push({ action: 0, slot: transitionSlot(i), port });
  });
  return { actions: [studioState(type, properties, events.map(([e]) => e))], exits, notes };
}

/** The properties an edit starts from: the original's when there is one, else `fresh`. */
export function baseProperties(original: StudioState | undefined, fresh: JsonObject): JsonObject {
  return original ? structuredClone(original.properties) : fresh;
}

/** An object shaped like a Studio state (what `original` holds for a step imported from Studio). */
export function asState(v: JsonValue | undefined): StudioState | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const s = v as JsonObject;
  const ok = typeof s.name === 'string' && typeof s.type === 'string' && Array.isArray(s.transitions) && typeof s.properties === 'object' && s.properties !== null && !Array.isArray(s.properties);
  return ok ? (s as unknown as StudioState) : undefined;
}

export const estimateSeconds = (text: string, loop = 1) => Math.min(600, spokenSeconds(text) * Math.max(1, loop));
