import { z } from 'zod';
import { defineModel } from '../../kit/contract.ts';
import { checkTargetExists, idSchema, labelSchema, secondsSchema } from '../../kit/fields.ts';

const schema = z.strictObject({
  label: labelSchema,
  ringGroupId: idSchema,
  maxWaitSeconds: secondsSchema(3600),
});

export const queueModel = defineModel({
  kind: 'queue',
  title: 'Queue',
  description: "Holds the caller until one of a ring group's agents is free.",
  schema,
  defaults: () => ({ label: 'Support queue', ringGroupId: 'rg-support', maxWaitSeconds: 300 }),
  hasInput: true,
  ports: () => [{ id: 'timeout', label: 'timeout' }],
  check: (d, ctx) => checkTargetExists({ type: 'ringGroup', ringGroupId: d.ringGroupId }, ctx, 'ringGroupId'),
  searchText: (d) => `${d.label} ${d.ringGroupId}`,
});
export type QueueData = z.infer<typeof schema>;
