/** Assign: rings a ring group or one agent (R7: an answer starts recording under the inbound default). */
import { defineKind } from '../kit/contract.ts';
import { assignBehavior } from './behavior.ts';
import { assignModel } from './model.ts';

export const assignKind = defineKind({
  model: assignModel,
  behavior: assignBehavior,
  traits: {
    agentAnswers: () => true,
    // Answered, the call is with the agent: the flow's part ends.
    leavesFlow: () => true,
    references: ({ target: t }) => {
      const id = t.type === 'agent' ? t.agentId : t.ringGroupId;
      return id === '' ? [] : [{ type: t.type, id }];
    },
  },
  look: {
    icon: [{ circle: [9, 8, 3.5] }, { path: 'M3 20c0-3.5 2.7-6 6-6s6 2.5 6 6' }, { path: 'M16 4.5a3.5 3.5 0 0 1 0 7M18 14.5c1.8.8 3 2.8 3 5.5' }],
    color: { light: '#0b7a86', dark: '#3fc2cf' },
    estimatedHeight: 132,
  },
  arbitrary: (fc, a) =>
    fc.record({
      label: a.label,
      target: fc.oneof(
        a.id.map((ringGroupId) => ({ type: 'ringGroup' as const, ringGroupId })),
        a.id.map((agentId) => ({ type: 'agent' as const, agentId })),
      ),
      ringTimeoutSeconds: a.seconds(600),
    }),
  ui: () => import('./ui.tsx'),
  // Loaded on the first import or export: the editor opens without the platforms' formats.
  formats: async () => ({ 'amazon-connect': (await import('./connect.ts')).assignConnect, 'twilio-studio': (await import('./twilio.ts')).assignTwilio }),
});
