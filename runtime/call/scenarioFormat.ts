/**
 * The scenario document's format (schemas and parser), apart from running it (`scenario.ts`): the workspace
 * document holds saved scenarios too, and reading them must not load the call machine.
 */
import { z } from 'zod';
import { idSchema, labelSchema } from '../../nodes/kit/fields.ts';
import { type ParseResult, readJson, scanHostile } from '../document/errors.ts';
import { zodIssues } from '../document/flow.ts';
import { partySchema, secondsSchema, type TimedAction, timedActionSchema } from './actions.ts';
import { REJECTION_CODES } from './types.ts';

export const SCENARIO_FORMAT = 'recflow.scenario';
export const SCENARIO_VERSION = 1;
export const MAX_SCENARIO_ACTIONS = 10_000;

const seconds = secondsSchema;
const phone = z.string().regex(/^\+?[0-9 ()-]{3,20}$/, 'must be a phone number such as +15550100');

export const callStartSchema = z.discriminatedUnion('direction', [
  z.strictObject({
    direction: z.literal('inbound'),
    numberId: idSchema,
    callerNumber: phone,
    startedAt: z.iso.datetime({ offset: true }).optional(),
  }),
  z.strictObject({
    direction: z.literal('outbound'),
    agentId: idSchema,
    fromNumberId: idSchema,
    contactNumber: phone,
    startedAt: z.iso.datetime({ offset: true }).optional(),
  }),
]);

// The actions of a scenario are the call's actions, defined once in actions.ts, each with its `at`.
export { timedActionSchema };
export type TimedScenarioAction = TimedAction;

const segmentEndReason = z.enum(['paused', 'recording-off', 'external-transfer', 'hang-up', 'in-progress']);
// The scenario's expectation names the codes the call refuses with: one list, in types.ts.
const rejectionCode = z.enum(REJECTION_CODES);

/**
 * What the result should hold. Every field is optional and only the fields
 * given are compared; list items are compared in order, each on the fields it gives.
 */
export const expectationSchema = z.strictObject({
  recorded: z.boolean().optional(),
  channels: z.enum(['dual', 'mono']).nullable().optional(),
  segments: z
    .array(
      z.strictObject({
        start: seconds.optional(),
        end: seconds.optional(),
        channelA: z.array(partySchema).optional(),
        channelB: z.array(partySchema).optional(),
        endReason: segmentEndReason.optional(),
        /** R29: the sides on tape in the segment. */
        sides: z.enum(['both', 'contact', 'agent']).optional(),
      }),
    )
    .optional(),
  totalRecordedSeconds: seconds.optional(),
  /** R30: the recording's length, paused stretches kept as silence included. */
  recordingSeconds: seconds.optional(),
  /** R30: the paused stretches kept in the recording as silence. */
  silences: z.array(z.strictObject({ start: seconds.optional(), end: seconds.optional() })).optional(),
  transcribable: z.boolean().optional(),
  voicemails: z
    .array(
      z.strictObject({
        nodeId: idSchema.optional(),
        start: seconds.optional(),
        end: seconds.optional(),
        endReason: z.enum(['max-length', 'finished', 'hang-up', 'in-progress']).optional(),
      }),
    )
    .optional(),
  deletionDate: z.iso.date().nullable().optional(),
  rejections: z.array(z.strictObject({ at: seconds.optional(), code: rejectionCode.optional(), message: z.string().optional() })).optional(),
  handledBy: z.strictObject({ agentIds: z.array(idSchema).optional(), ringGroupIds: z.array(idSchema).optional() }).optional(),
  ended: z.boolean().optional(),
  duration: seconds.optional(),
  path: z.array(idSchema).optional(),
  externalPortionAt: seconds.nullable().optional(),
});
export type Expectation = z.infer<typeof expectationSchema>;

export const scenarioSchema = z
  .strictObject({
    format: z.literal(SCENARIO_FORMAT).optional(),
    version: z.literal(SCENARIO_VERSION).optional(),
    name: labelSchema.optional(),
    description: z.string().max(2000).optional(),
    /** Path of the workspace document, relative to the scenario file (used by `recflow test`). */
    workspace: z.string().min(1).max(500).optional(),
    /** Path of the flow document, relative to the scenario file; left out: the number's flow in the workspace. */
    flow: z.string().min(1).max(500).optional(),
    call: callStartSchema,
    actions: z.array(timedActionSchema).max(MAX_SCENARIO_ACTIONS, `must have at most ${MAX_SCENARIO_ACTIONS} actions`),
    /** After the last action, move the clock on to this time so due timers fire. */
    runUntil: seconds.optional(),
    expect: expectationSchema.optional(),
  })
  .superRefine((s, ctx) => {
    let last = 0;
    s.actions.forEach((a, i) => {
      if (a.at < last) {
        ctx.addIssue({ code: 'custom', path: ['actions', i, 'at'], message: `time goes backwards: ${a.at}s comes after ${last}s` });
      }
      last = Math.max(last, a.at);
    });
    if (s.runUntil !== undefined && s.runUntil < last) {
      ctx.addIssue({ code: 'custom', path: ['runUntil'], message: `must not be before the last action (${last}s)` });
    }
  });
export type Scenario = z.infer<typeof scenarioSchema>;

/** The JSON Schema source for scenario documents. */
export function scenarioJsonSchemaSource() {
  return scenarioSchema;
}

/** Reads a scenario from JSON text or a value; never throws. */
export function parseScenario(input: unknown): ParseResult<Scenario> {
  const read = readJson(input);
  if (!read.ok) return read;
  const hostile = scanHostile(read.value);
  if (hostile.length > 0) return { ok: false, errors: hostile };
  const parsed = scenarioSchema.safeParse(read.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: zodIssues(parsed.error) };
}
