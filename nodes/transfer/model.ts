import { z } from 'zod';
import { defineModel } from '../kit/contract.ts';
import { checkTargetExists, describeTarget, labelSchema, secondsSchema, transferTargetSchema } from '../kit/fields.ts';

const schema = z.strictObject({
  label: labelSchema,
  /** R13 (internal: agent, ring group, private extension) or R16 (outside number). */
  target: transferTargetSchema,
  ringTimeoutSeconds: secondsSchema(600),
});

export const transferModel = defineModel({
  kind: 'transfer',
  title: 'Transfer',
  description: 'Sends the call to an outside number, a private extension, an agent or a ring group.',
  schema,
  defaults: () => ({ label: 'Transfer', target: { type: 'external' as const, number: '+15550100' }, ringTimeoutSeconds: 30 }),
  hasInput: true,
  ports: () => [{ id: 'failed', label: 'failed' }],
  check: (data, ctx) => checkTargetExists(data.target, ctx, 'target'),
  // The target as a user reads it ("ring group rg-billing", the editor's search shows the group's name): never the schema's own words.
  searchText: (d) => `${d.label} ${describeTarget(d.target)}`,
});
export type TransferData = z.infer<typeof schema>;
