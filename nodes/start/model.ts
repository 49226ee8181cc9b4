import { z } from 'zod';
import { defineModel } from '../kit/contract.ts';
import { idSchema, labelSchema } from '../kit/fields.ts';

const schema = z.strictObject({
  label: labelSchema,
  /** Ids of the workspace phone numbers whose inbound calls enter the flow here. */
  numberIds: z.array(idSchema).max(100, 'must list at most 100 numbers'),
});

export const startModel = defineModel({
  kind: 'start',
  title: 'Start',
  description: 'Where an inbound call enters the flow; lists the numbers it serves.',
  schema,
  defaults: () => ({ label: 'Incoming call', numberIds: [] }),
  hasInput: false,
  ports: () => [{ id: 'next', label: 'next' }],
  check(data, ctx) {
    const ws = ctx.workspace;
    if (!ws) return [];
    return data.numberIds
      .filter((id) => !ws.numbers.some((n) => n.id === id))
      .map((id) => ({
        severity: 'error' as const,
        code: 'unknown-number',
        message: `No phone number "${id}" in the workspace.`,
        field: 'numberIds',
      }));
  },
  searchText: (d) => `${d.label} ${d.numberIds.join(' ')}`,
});
export type StartData = z.infer<typeof schema>;
