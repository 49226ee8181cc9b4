import { z } from 'zod';
import { defineModel, type NodeProblem } from '../kit/contract.ts';
import { checkTargetExists, idSchema, labelSchema, queueTargetSchema, secondsSchema } from '../kit/fields.ts';

/**
 * R25: who serves the queue: a ring group's members or a list of agents. A ring group id of '' means "not
 * chosen yet" (a freshly placed node must still save and reopen; `check` reports it).
 */
const [, agentsTarget] = queueTargetSchema.options;
const targetSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ringGroup'), ringGroupId: z.union([z.literal(''), idSchema]) }),
  agentsTarget,
]);

const schema = z.strictObject({
  label: labelSchema,
  target: targetSchema,
  /** R25: past this wait the call leaves by `timeout`. */
  maxWaitSeconds: secondsSchema(86400),
  /** The platform's own name or ARN of the queue, kept for the reviewer and for export. */
  queueName: z.string().max(200, 'must be at most 200 characters'),
});

export type QueueData = z.infer<typeof schema>;

export const queueModel = defineModel({
  kind: 'queue',
  title: 'Queue',
  description: 'Places the call in a queue served by a ring group or some agents, for at most a set wait; an agent answering takes the call.',
  schema,
  defaults: () => ({ label: 'Wait for an agent', target: { type: 'ringGroup' as const, ringGroupId: '' }, maxWaitSeconds: 300, queueName: '' }),
  hasInput: true,
  ports: () => [
    { id: 'timeout', label: 'timeout' },
    { id: 'error', label: 'error' },
  ],
  check(data, ctx) {
    const t = data.target;
    if (t.type === 'ringGroup') {
      if (t.ringGroupId === '') return [{ severity: 'error', code: 'no-target', message: 'Choose who serves the queue.', field: 'target' }];
      return checkTargetExists(t, ctx, 'target');
    }
    const problems: NodeProblem[] = [];
    for (const agentId of t.agentIds) problems.push(...checkTargetExists({ type: 'agent', agentId }, ctx, 'target'));
    return problems;
  },
  searchText: (d) => `${d.label} ${d.queueName} ${d.target.type === 'ringGroup' ? d.target.ringGroupId : d.target.agentIds.join(' ')}`,
});
