/** Flow: the call continues in another flow of the workspace, and comes back when it is a module that returns (R28). */
import { defineKind } from '../kit/contract.ts';
import { flowBehavior } from './behavior.ts';
import { flowModel } from './model.ts';

export const flowKind = defineKind({
  model: flowModel,
  behavior: flowBehavior,
  traits: {
    // C4: a call handed on for good has left this flow; one that comes back has not.
    leavesFlow: (d) => !d.returns,
    references: (d) => (d.flowId === '' ? [] : [{ type: 'flow', id: d.flowId }]),
    // The node cannot do without its flow: it keeps naming it, and its check says the flow is missing.
    dropReference: (d) => d,
  },
  look: {
    icon: [{ rect: [3, 4, 11, 16, 2] }, { path: 'M9 12h12M17 8l4 4-4 4' }],
    color: { light: '#7d4a1e', dark: '#d9a070' },
    estimatedHeight: 111,
  },
  arbitrary: (fc, a) => fc.record({ label: a.label, flowId: a.id, returns: fc.boolean() }),
  ui: () => import('./ui.tsx'),
  // Loaded on the first import or export: the editor opens without the platforms' formats.
  formats: async () => ({ 'amazon-connect': (await import('./connect.ts')).flowConnect, 'twilio-studio': (await import('./twilio.ts')).flowTwilio }),
});
