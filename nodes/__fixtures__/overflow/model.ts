import { z } from 'zod';
import { defineModel } from '../../kit/contract.ts';
import { checkTargetExists, idSchema, labelSchema, secondsSchema } from '../../kit/fields.ts';

const schema = z.strictObject({
  label: labelSchema,
  ringGroupId: idSchema,
  maxWaitSeconds: secondsSchema(3600),
});

export const overflowModel = defineModel({
  kind: 'overflow',
  title: 'Overflow',
  description: "Rings a backup ring group while the caller waits.",
  schema,
  defaults: () => ({ label: 'Overflow team', ringGroupId: 'rg-support', maxWaitSeconds: 300 }),
  hasInput: true,
  ports: () => [{ id: 'timeout', label: 'timeout' }],
  check: (d, ctx) => checkTargetExists({ type: 'ringGroup', ringGroupId: d.ringGroupId }, ctx, 'ringGroupId'),
  searchText: (d) => `${d.label} ${d.ringGroupId}`,
});
export type OverflowData = z.infer<typeof schema>;
