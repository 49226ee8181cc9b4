import { z } from 'zod';
import { defineModel } from '../kit/contract.ts';
import { labelSchema, secondsSchema } from '../kit/fields.ts';

/** What a step does, in the platforms' own groups (R27: none of it touches the call's audio). */
export const STEP_ACTIONS = ['http', 'function', 'lambda', 'set-variables', 'send-message', 'logging', 'other'] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

/** The words for each action, on the node and in the form. */
export const STEP_ACTION_TEXT: Record<StepAction, string> = {
  http: 'HTTP request',
  function: 'Function',
  lambda: 'Lambda function',
  'set-variables': 'Set variables or attributes',
  'send-message': 'Send a message',
  logging: 'Change logging',
  other: 'Other',
};

const schema = z.strictObject({
  label: labelSchema,
  action: z.enum(STEP_ACTIONS),
  /** A free label of what it calls ("CRM lookup", "claims-api"). */
  system: z.string().max(200, 'must be at most 200 characters'),
  /** How long it takes in a simulation before the call goes on. */
  seconds: secondsSchema(600),
  /** The imported platform's configuration of the step, kept verbatim (absent for steps drawn in Recflow). */
  original: z.json().optional(),
});

export type StepData = z.infer<typeof schema>;

export const stepModel = defineModel({
  kind: 'step',
  title: 'Step',
  description: 'Does something outside the call’s audio (an HTTP request, a function, setting variables, sending a message); next, or error when it fails.',
  schema,
  defaults: () => ({ label: 'Look up the caller', action: 'http' as const, system: '', seconds: 1 }),
  hasInput: true,
  ports: () => [
    { id: 'next', label: 'next' },
    { id: 'error', label: 'error' },
  ],
  searchText: (d) => `${d.label} ${STEP_ACTION_TEXT[d.action]} ${d.system}`,
});
