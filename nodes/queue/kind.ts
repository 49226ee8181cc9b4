/** Queue: the caller waits for an agent of a ring group or a list (R25); an answer starts recording under the inbound default (R7). */
import { defineKind, type WorkspaceRef } from '../kit/contract.ts';
import { queueBehavior } from './behavior.ts';
import { type QueueData, queueModel } from './model.ts';

function references({ target: t }: QueueData): WorkspaceRef[] {
  if (t.type === 'ringGroup') return t.ringGroupId === '' ? [] : [{ type: 'ringGroup', id: t.ringGroupId }];
  return [...new Set(t.agentIds)].map((id) => ({ type: 'agent', id }));
}

export const queueKind = defineKind({
  model: queueModel,
  behavior: queueBehavior,
  traits: {
    agentAnswers: () => true,
    // Answered, the call is with the agent: the flow's part ends.
    leavesFlow: () => true,
    references,
    // A list of agents does without one who left while another remains; a queue's only server stays named,
    // and the check says it is missing.
    dropReference: (d, ref) => {
      if (ref.type !== 'agent' || d.target.type !== 'agents') return d;
      const agentIds = d.target.agentIds.filter((id) => id !== ref.id);
      if (agentIds.length === d.target.agentIds.length || agentIds.length === 0) return d;
      return { ...d, target: { type: 'agents' as const, agentIds } };
    },
  },
  look: {
    icon: [{ circle: [5, 9, 2.5] }, { circle: [12, 9, 2.5] }, { circle: [19, 9, 2.5] }, { path: 'M2 17c0-2 1.4-3.5 3-3.5s3 1.5 3 3.5M9 17c0-2 1.4-3.5 3-3.5s3 1.5 3 3.5M16 17c0-2 1.4-3.5 3-3.5s3 1.5 3 3.5M2 21h20' }],
    color: { light: '#8a6400', dark: '#e8c24a' },
    estimatedHeight: 132,
  },
  arbitrary: (fc, a) =>
    fc.record({
      label: a.label,
      target: fc.oneof(
        a.id.map((ringGroupId) => ({ type: 'ringGroup' as const, ringGroupId })),
        fc.array(a.id, { minLength: 1, maxLength: 5 }).map((agentIds) => ({ type: 'agents' as const, agentIds })),
      ),
      maxWaitSeconds: a.seconds(86400),
      queueName: a.text(200),
    }),
  ui: () => import('./ui.tsx'),
  // Loaded on the first import or export: the editor opens without the platforms' formats.
  formats: async () => ({ 'amazon-connect': (await import('./connect.ts')).queueConnect, 'twilio-studio': (await import('./twilio.ts')).queueTwilio }),
});
