import { z } from 'zod';
import { defineModel } from '../kit/contract.ts';
import { labelSchema } from '../kit/fields.ts';

const schema = z.strictObject({ label: labelSchema });

export const hangupModel = defineModel({
  kind: 'hangup',
  title: 'Hang up',
  description: 'Ends the call.',
  schema,
  defaults: () => ({ label: 'Hang up' }),
  hasInput: true,
  ports: () => [],
  searchText: (d) => d.label,
});
export type HangupData = z.infer<typeof schema>;
