/** Transfer: to an agent, ring group or private extension (internal, R13) or an outside number (R14/R16). */
import { defineKind } from '../kit/contract.ts';
import { transferBehavior } from './behavior.ts';
import { transferModel } from './model.ts';

export const transferKind = defineKind({
  model: transferModel,
  behavior: transferBehavior,
  traits: {
    // R7 with R13: internal targets answer as agents do; an outside number does not start recording.
    agentAnswers: (d) => d.target.type !== 'external',
    // Answered, the call is with the target: the flow's part ends.
    leavesFlow: () => true,
    references: ({ target: t }) =>
      t.type === 'agent' ? [{ type: 'agent', id: t.agentId }] : t.type === 'ringGroup' ? [{ type: 'ringGroup', id: t.ringGroupId }] : [],
    outsideTargets: ({ target: t }) => (t.type === 'external' || t.type === 'extension' ? [t] : []),
  },
  look: {
    icon: [{ path: 'M4 8h13l-4-4M20 16H7l4 4' }],
    color: { light: '#b4560c', dark: '#f59a4f' },
    estimatedHeight: 134,
  },
  arbitrary: (fc, a) => fc.record({ label: a.label, target: a.transferTarget, ringTimeoutSeconds: a.seconds(600) }),
  ui: () => import('./ui.tsx'),
  // Loaded on the first import or export: the editor opens without the platforms' formats.
  formats: async () => ({ 'amazon-connect': (await import('./connect.ts')).transferConnect, 'twilio-studio': (await import('./twilio.ts')).transferTwilio }),
});
