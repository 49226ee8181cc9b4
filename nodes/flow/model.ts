import { z } from 'zod';
import { defineModel } from '../kit/contract.ts';
import { idSchema, labelSchema } from '../kit/fields.ts';

const schema = z.strictObject({
  label: labelSchema,
  /** The workspace's flow the call continues in; '' while none is chosen (a fresh node still saves; `check` says so). */
  flowId: z.union([z.literal(''), idSchema]),
  /** A module returns: when that flow ends without hanging up, the call comes back and leaves by `next` (R28). */
  returns: z.boolean(),
});

export type FlowNodeData = z.infer<typeof schema>;

export const flowModel = defineModel({
  kind: 'flow',
  title: 'Flow',
  description: 'Continues the call in another flow of the workspace (a transfer to a flow, a module or subflow that may return).',
  schema,
  defaults: () => ({ label: 'Continue in another flow', flowId: '', returns: false }),
  hasInput: true,
  ports: (d) => (d.returns ? [{ id: 'next', label: 'next' }] : []),
  check(data, ctx) {
    if (data.flowId === '') return [{ severity: 'error', code: 'no-flow', message: 'Choose the flow the call continues in.', field: 'flowId' }];
    const ws = ctx.workspace;
    if (ws && !ws.flows.some((f) => f.id === data.flowId)) {
      return [{ severity: 'error', code: 'unknown-flow', message: `No flow "${data.flowId}" in the workspace.`, field: 'flowId' }];
    }
    return [];
  },
  searchText: (d) => `${d.label} ${d.flowId}`,
});
