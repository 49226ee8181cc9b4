/**
 * What Studio requires of a flow definition before it accepts one through its REST API, as far as Recflow can
 * check it without Twilio: the flow-definition schema's envelope (twilio.com/docs/studio/rest-api/v2/schemas:
 * `flags.allow_concurrent_calls` a boolean, `initial_state` non-empty, 1 to 1000 states) and, for every widget
 * type Recflow writes, the events it may have and the configuration its widget page lists as required
 * (twilio.com/docs/studio/widget-library/<widget>). Written in Recflow's words from those pages; Twilio's
 * schema files are not copied. Widgets Recflow does not write (kept verbatim from an import) are checked for
 * the envelope only.
 */
import { z } from 'zod';
import { E164 } from '../../../nodes/kit/fields.ts';
import { type DocError, toJsonPath } from '../../document/errors.ts';
import { checkStudioDocument } from './document.ts';

const present = (v: unknown) => (typeof v === 'string' ? v.trim() !== '' : typeof v === 'number' || typeof v === 'boolean');
const required = z.unknown().refine(present, 'is required');
const flag = z.union([z.boolean(), z.enum(['true', 'false'])], 'should be true or false');

/** One widget type: the events its transitions may have, and its required configuration. */
interface Widget {
  events: readonly string[];
  properties: z.ZodType;
  /** Extra checks of a transition (a split's conditions). */
  transition?: (t: Record<string, unknown>) => string | undefined;
}

const condition = z.looseObject({ friendly_name: z.string(), arguments: z.array(z.string()), type: z.string().min(1), value: z.unknown().refine((v) => v !== undefined, 'is required') });

export const STUDIO_WIDGETS: Readonly<Record<string, Widget>> = {
  // Trigger: Studio fills every required field itself (flow name, webhook URL).
  trigger: { events: ['incomingMessage', 'incomingCall', 'incomingConversationMessage', 'incomingRequest', 'incomingParent'], properties: z.looseObject({}) },
  // Say/Play: a message to say, an audio URL to play, or digits to play.
  'say-play': {
    events: ['audioComplete'],
    properties: z.looseObject({}).refine((p) => present(p.say) || present(p.play) || present(p.digits), { message: 'needs a message to say, an audio URL to play or digits', path: ['say'] }),
  },
  // Gather Input On Call: "no required configuration".
  'gather-input-on-call': { events: ['keypress', 'speech', 'timeout'], properties: z.looseObject({}) },
  // Split Based On: the variable to test; each match has its conditions.
  'split-based-on': {
    events: ['noMatch', 'match'],
    properties: z.looseObject({ input: required }),
    transition: (t) => {
      if (t.event !== 'match') return undefined;
      const c = z.array(condition).min(1).safeParse(t.conditions);
      return c.success ? undefined : 'a match transition needs its conditions (friendly_name, arguments, type, value)';
    },
  },
  // Call Recording: whether to switch recording on or off.
  'record-call': { events: ['success', 'failed'], properties: z.looseObject({ record_call: flag }) },
  // Connect Call To: what to connect to (noun) and who; a number, or each of up to ten separated by commas, in
  // E.164. Only what is written as a phone number is held to it: a `{{…}}` variable is read at run time, and a
  // workspace id written in a queue's or group's place is reported as one to replace.
  'connect-call-to': {
    events: ['callCompleted', 'hangup'],
    properties: z.looseObject({ noun: required, to: required }).refine(
      (p) => p.noun !== 'number' || typeof p.to !== 'string' || p.to.split(',').every((n) => !/^[0-9 ()+-]+$/.test(n.trim()) || E164.test(n.trim())),
      { message: 'a number to connect to must be in E.164 form (+, country code, at most 15 digits)', path: ['to'] },
    ),
  },
  // Enqueue Call: a queue name or a TaskRouter workflow.
  'enqueue-call': {
    events: ['callComplete', 'failedToEnqueue', 'callFailure'],
    properties: z.looseObject({}).refine((p) => present(p.queue_name) || present(p.workflow_sid), { message: 'needs a queue name or a TaskRouter workflow', path: ['queue_name'] }),
  },
  // Send to Flex: a workflow and a task channel.
  'send-to-flex': { events: ['callComplete', 'failedToEnqueue', 'callFailure'], properties: z.looseObject({ workflow: required, channel: required }) },
  // Record Voicemail: "doesn't require any configuration".
  'record-voicemail': { events: ['recordingComplete', 'noAudio', 'hangup'], properties: z.looseObject({}) },
  // Run Subflow: the flow and its revision.
  'run-subflow': { events: ['completed', 'failed'], properties: z.looseObject({ flow_sid: required, flow_revision: required }) },
  // Run Function: the function's URL.
  'run-function': { events: ['success', 'fail'], properties: z.looseObject({ url: required }) },
  // Make HTTP Request: method, URL and content type.
  'make-http-request': { events: ['success', 'failed'], properties: z.looseObject({ method: required, url: required, content_type: required }) },
  // Set Variables: at least one key and value.
  'set-variables': {
    events: ['next'],
    properties: z.looseObject({ variables: z.array(z.looseObject({ key: required, value: z.unknown() }), 'should be a list of variables').min(1, 'needs at least one variable') }),
  },
  // Send Message: the message body.
  'send-message': { events: ['sent', 'failed'], properties: z.looseObject({ body: required }) },
};

/**
 * Checks a definition as Studio's schema would, before publishing: the shape and references
 * (`checkStudioDocument`), the envelope's required fields, and each state of a widget type Recflow writes
 * against that widget's rules. Every problem carries the JSON path of what is wrong.
 */
export function validateStudioDefinition(value: unknown): DocError[] {
  const checked = checkStudioDocument(value);
  if (!checked.ok) return checked.errors;
  const errors: DocError[] = [];
  const v = value as { flags?: { allow_concurrent_calls?: unknown }; initial_state: string; states: unknown[] };
  if (typeof v.flags?.allow_concurrent_calls !== 'boolean') errors.push({ path: '$.flags.allow_concurrent_calls', message: 'is required by Studio: true or false' });
  if (v.initial_state === '') errors.push({ path: '$.initial_state', message: 'should name the state the flow starts at' });
  if (v.states.length === 0) errors.push({ path: '$.states', message: 'Studio needs at least one state' });
  checked.doc.states.forEach((state, i) => {
    const widget = STUDIO_WIDGETS[state.type];
    if (!widget) return;
    const parsed = widget.properties.safeParse(state.properties);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ path: toJsonPath(['states', i, 'properties', ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))]), message: `${state.type}: ${issue.message}` });
    }
    state.transitions.forEach((t, k) => {
      if (!widget.events.includes(t.event)) errors.push({ path: toJsonPath(['states', i, 'transitions', k, 'event']), message: `${state.type} has no ${t.event} event (${widget.events.join(', ')})` });
      const wrong = widget.transition?.(t);
      if (wrong) errors.push({ path: toJsonPath(['states', i, 'transitions', k]), message: `${state.type}: ${wrong}` });
    });
  });
  return errors;
}
