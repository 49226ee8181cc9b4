/** Step: an integration step outside the call's audio (HTTP, function, Lambda, variables, message, logging), R27. */
import { defineKind } from '../kit/contract.ts';
import { stepBehavior } from './behavior.ts';
import { STEP_ACTIONS, stepModel } from './model.ts';

const HOSTILE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const hasHostileKey = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && Object.entries(v).some(([k, x]) => HOSTILE_KEYS.has(k) || hasHostileKey(x));

export const stepKind = defineKind({
  model: stepModel,
  behavior: stepBehavior,
  traits: {},
  look: {
    icon: [{ path: 'M8 4C6 4 5 5 5 7v2.5C5 11 4 12 3 12c1 0 2 1 2 2.5V17c0 2 1 3 3 3M16 4c2 0 3 1 3 3v2.5c0 1.5 1 2.5 2 2.5-1 0-2 1-2 2.5V17c0 2-1 3-3 3' }, { circle: [12, 12, 1.4], filled: true }],
    color: { light: '#5c7a0e', dark: '#b2d45a' },
    estimatedHeight: 111,
  },
  arbitrary: (fc, a) =>
    fc.record(
      {
        label: a.label,
        action: fc.constantFrom(...STEP_ACTIONS),
        system: a.text(200),
        seconds: a.seconds(600),
        // As a document holds it: JSON text read back (no -0), without the keys documents refuse.
        original: fc
          .jsonValue({ maxDepth: 3 })
          .map((v) => JSON.parse(JSON.stringify(v)) as unknown)
          .filter((v) => !hasHostileKey(v)),
      },
      { requiredKeys: ['label', 'action', 'system', 'seconds'] },
    ),
  ui: () => import('./ui.tsx'),
  // Loaded on the first import or export: the editor opens without the platforms' formats.
  formats: async () => ({ 'amazon-connect': (await import('./connect.ts')).stepConnect, 'twilio-studio': (await import('./twilio.ts')).stepTwilio }),
});
