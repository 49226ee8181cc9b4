/**
 * A throwaway kind that exists only for `nodes/addingAKind.test.ts`: a Queue,
 * written the way a newcomer would add one (this folder and one registry line).
 */
import { defineKind } from '../../kit/contract.ts';
import { queueBehavior } from './behavior.ts';
import { queueModel } from './model.ts';

export const queueKind = defineKind({
  model: queueModel,
  behavior: queueBehavior,
  traits: {
    agentAnswers: () => true,
    leavesFlow: () => true,
    references: (d) => [{ type: 'ringGroup', id: d.ringGroupId }],
  },
  look: {
    icon: [{ path: 'M4 6h16M4 12h10M4 18h6' }],
    color: { light: '#8a4b08', dark: '#f0b35a' },
    estimatedHeight: 120,
  },
  arbitrary: (fc, a) => fc.record({ label: a.label, ringGroupId: a.id, maxWaitSeconds: a.seconds(3600) }),
  ui: () => import('./ui.tsx'),
});
