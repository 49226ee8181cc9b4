/**
 * The Twilio Studio flow definition: what one is, how to tell it from its look-alikes, and the checks Studio's
 * published schema makes before the kinds read its states. Sources: twilio.com/docs/studio/rest-api/v2/schemas
 * (`description`, `states` at most 1000, `initial_state`, `flags`; each state `name`, `type`, `transitions`,
 * `properties`), twilio.com/docs/studio/user-guide.
 */
import type { JsonObject } from '../../../nodes/kit/formats.ts';
import type { StudioState, StudioTransition } from '../../../nodes/kit/twilio.ts';
import { type DocError, scanHostile, toJsonPath } from '../../document/errors.ts';
import type { Detection } from '../format.ts';

/** Studio's own limit on a flow's states (the schema's `maxItems`). */
export const MAX_STATES = 1000;

export interface StudioDocument {
  description: string;
  states: StudioState[];
  initial_state: string;
  flags: JsonObject;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const LEGACY =
  "Twilio's legacy export (InitialState, ConnectCaller): Recflow reads only the flow definition Studio writes today. Open the flow in Studio's console and copy it from Trigger > Show Flow JSON, or fetch it with the Studio REST API v2 (GET /v2/Flows/<sid>, its definition)";

/** Whether a parsed value is a Studio flow definition, Twilio's legacy export (refused by name), or something else. */
export function detectStudio(value: unknown): Detection {
  if (!isObject(value)) return { match: 'no' };
  if (Array.isArray(value.states) && ('initial_state' in value || 'flags' in value)) return { match: 'yes' };
  if ('InitialState' in value) return { match: 'wrapped', what: LEGACY, errors: [{ path: '$.InitialState', message: LEGACY }] };
  const legacyWidget = JSON.stringify(value).includes('"ConnectCaller"');
  if (legacyWidget) return { match: 'wrapped', what: LEGACY, errors: [{ path: '$', message: LEGACY }] };
  return { match: 'no' };
}

/**
 * Checks the definition the way Studio's schema would before anything is imported: its shape, unique state
 * names, `initial_state` and every `next` naming a state, at most 1000 states. Refusals carry the JSON path.
 */
export function checkStudioDocument(value: unknown): { ok: true; doc: StudioDocument } | { ok: false; errors: DocError[] } {
  const hostile = scanHostile(value);
  if (hostile.length > 0) return { ok: false, errors: hostile };
  if (!isObject(value)) return { ok: false, errors: [{ path: '$', message: 'not a Twilio Studio flow definition: expected an object with description, states, initial_state and flags' }] };
  const errors: DocError[] = [];
  if (value.description !== undefined && typeof value.description !== 'string') errors.push({ path: '$.description', message: 'should be a string' });
  if (typeof value.initial_state !== 'string') errors.push({ path: '$.initial_state', message: 'should name the state the flow starts at' });
  if (value.flags !== undefined && !isObject(value.flags)) errors.push({ path: '$.flags', message: 'should be an object' });
  if (!Array.isArray(value.states)) {
    errors.push({ path: '$.states', message: 'should be the list of the flow’s states' });
    return { ok: false, errors };
  }
  if (value.states.length > MAX_STATES) {
    return { ok: false, errors: [{ path: '$.states', message: `${value.states.length} states: Studio accepts at most ${MAX_STATES} in one flow` }] };
  }
  const states: StudioState[] = [];
  const firstAt = new Map<string, number>();
  value.states.forEach((raw, i) => {
    const at = (...rest: Array<string | number>) => toJsonPath(['states', i, ...rest]);
    if (!isObject(raw)) {
      errors.push({ path: at(), message: 'should be a state object (name, type, transitions, properties)' });
      return;
    }
    if (typeof raw.name !== 'string' || raw.name === '') {
      errors.push({ path: at('name'), message: 'should be a non-empty string' });
      return;
    }
    if (firstAt.has(raw.name)) errors.push({ path: at('name'), message: `duplicate state name "${raw.name}" (first at $.states[${firstAt.get(raw.name)}])` });
    else firstAt.set(raw.name, i);
    if (typeof raw.type !== 'string' || raw.type === '') errors.push({ path: at('type'), message: 'should name the widget type' });
    if (raw.properties !== undefined && !isObject(raw.properties)) errors.push({ path: at('properties'), message: 'should be an object' });
    const transitions = raw.transitions ?? [];
    if (!Array.isArray(transitions)) {
      errors.push({ path: at('transitions'), message: 'should be a list' });
      return;
    }
    transitions.forEach((t, k) => {
      if (!isObject(t) || typeof t.event !== 'string') errors.push({ path: at('transitions', k, 'event'), message: 'should name the event' });
      else if (t.next !== undefined && typeof t.next !== 'string') errors.push({ path: at('transitions', k, 'next'), message: 'should name a state' });
      else if (t.conditions !== undefined && !Array.isArray(t.conditions)) errors.push({ path: at('transitions', k, 'conditions'), message: 'should be a list' });
    });
    states.push({ ...(raw as object), name: raw.name, type: String(raw.type), transitions: transitions as StudioTransition[], properties: (isObject(raw.properties) ? raw.properties : {}) as JsonObject });
  });
  if (errors.length === 0) {
    if (!firstAt.has(value.initial_state as string)) errors.push({ path: '$.initial_state', message: `names no state: there is no state "${value.initial_state}"` });
    states.forEach((s, i) => {
      s.transitions.forEach((t, k) => {
        if (t.next !== undefined && !firstAt.has(t.next)) errors.push({ path: toJsonPath(['states', i, 'transitions', k, 'next']), message: `names no state: there is no state "${t.next}"` });
      });
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    doc: {
      description: typeof value.description === 'string' ? value.description : '',
      states,
      initial_state: value.initial_state as string,
      flags: (isObject(value.flags) ? value.flags : {}) as JsonObject,
    },
  };
}

/** A state's canvas position (`properties.offset`), when it has one. */
export function offsetOf(state: StudioState): { x: number; y: number } | undefined {
  const o = state.properties.offset;
  if (!isObject(o) || typeof o.x !== 'number' || typeof o.y !== 'number' || !Number.isFinite(o.x) || !Number.isFinite(o.y)) return undefined;
  return { x: o.x, y: o.y };
}

/**
 * What an export changed of the definition it was imported from, as far as Studio's round trip promises
 * anything: every state by its name, with the same type, transitions and properties (`properties.offset`, the
 * canvas position, may move), and the same `initial_state`, `flags` and `description`. Studio finds a state by its
 * name, so the order of the list is not compared (a Menu gives back its gather and split side by side).
 * Empty when the export gives the definition back.
 */
export function roundTripDifferences(original: unknown, exported: unknown): string[] {
  const a = original as Partial<StudioDocument>;
  const b = exported as Partial<StudioDocument>;
  const out: string[] = [];
  // Key order means nothing to Studio.
  const canonical = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canonical) : isObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical(v[k])])) : v;
  const same = (x: unknown, y: unknown) => JSON.stringify(canonical(x)) === JSON.stringify(canonical(y));
  for (const field of ['initial_state', 'flags', 'description'] as const) {
    if (!same(a[field], b[field])) out.push(`$.${field}: ${JSON.stringify(a[field])} became ${JSON.stringify(b[field])}`);
  }
  const before = a.states ?? [];
  const after = b.states ?? [];
  const names = (list: StudioState[]) => list.map((s) => s.name).sort();
  if (!same(names(before), names(after))) out.push(`$.states: the states ${JSON.stringify(names(before))} became ${JSON.stringify(names(after))}`);
  const byName = new Map(after.map((s) => [s.name, s] as const));
  before.forEach((s, i) => {
    const back = byName.get(s.name);
    if (!back) return;
    const { offset: _a, ...props } = s.properties ?? {};
    const { offset: _b, ...propsBack } = back.properties ?? {};
    if (s.type !== back.type) out.push(`$.states[${i}].type: "${s.type}" became "${back.type}"`);
    if (!same(s.transitions, back.transitions)) out.push(`$.states[${i}].transitions differ`);
    if (!same(props, propsBack)) out.push(`$.states[${i}].properties differ (offset aside)`);
  });
  return out;
}
