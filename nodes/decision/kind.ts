/** Decision: branches on data by named outcomes plus noMatch; in a simulation the reviewer chooses (R26). */
import { defineKind } from '../kit/contract.ts';
import { decisionBehavior } from './behavior.ts';
import { decisionModel, NO_MATCH } from './model.ts';

export const decisionKind = defineKind({
  model: decisionModel,
  behavior: decisionBehavior,
  traits: {},
  look: {
    icon: [{ path: 'M12 2.5 21.5 12 12 21.5 2.5 12Z' }, { path: 'M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .8-1 1.5M12 16.5v.5' }],
    color: { light: '#b0267a', dark: '#f27cc6' },
    estimatedHeight: 132,
  },
  arbitrary: (fc, a) =>
    fc.record({
      label: a.label,
      outcomes: fc.uniqueArray(
        fc.record({
          name: fc.stringMatching(/^[A-Za-z0-9_.-](?:[A-Za-z0-9 _.-]{0,62}[A-Za-z0-9_.-])?$/).filter((n) => n !== NO_MATCH),
          condition: a.text(500),
        }),
        { selector: (o) => o.name, maxLength: 8 },
      ),
      source: a.text(200),
    }),
  ui: () => import('./ui.tsx'),
  // Loaded on the first import or export: the editor opens without the platforms' formats.
  formats: async () => ({ 'amazon-connect': (await import('./connect.ts')).decisionConnect, 'twilio-studio': (await import('./twilio.ts')).decisionTwilio }),
});
