import { z } from 'zod';
import { defineModel } from '../kit/contract.ts';
import { checkTargetExists, idSchema, labelSchema, secondsSchema } from '../kit/fields.ts';

/** '' means "not chosen yet": a freshly placed node must still save and reopen; `check` reports it. */
const unchosenOrId = z.union([z.literal(''), idSchema]);

const schema = z.strictObject({
  label: labelSchema,
  /** Who rings: every available member of a ring group, or one agent. */
  target: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('ringGroup'), ringGroupId: unchosenOrId }),
    z.strictObject({ type: z.literal('agent'), agentId: unchosenOrId }),
  ]),
  ringTimeoutSeconds: secondsSchema(600),
});

export const assignModel = defineModel({
  kind: 'assign',
  title: 'Assign',
  description: 'Rings a ring group or one agent; the call goes on with whoever answers.',
  schema,
  defaults: () => ({ label: 'Ring support', target: { type: 'ringGroup' as const, ringGroupId: '' }, ringTimeoutSeconds: 30 }),
  hasInput: true,
  ports: () => [{ id: 'noAnswer', label: 'noAnswer' }],
  check(data, ctx) {
    const id = data.target.type === 'agent' ? data.target.agentId : data.target.ringGroupId;
    if (id === '') {
      return [{ severity: 'error', code: 'no-target', message: 'Choose who to ring.', field: 'target' }];
    }
    return checkTargetExists(data.target, ctx, 'target');
  },
  searchText: (d) => `${d.label} ${d.target.type === 'agent' ? d.target.agentId : d.target.ringGroupId}`,
});
export type AssignData = z.infer<typeof schema>;
