/** Start: where inbound calls to its numbers enter the flow (C1: exactly one per flow). */
import { defineKind } from '../kit/contract.ts';
import { startBehavior } from './behavior.ts';
import { startModel } from './model.ts';

export const startKind = defineKind({
  model: startModel,
  behavior: startBehavior,
  traits: {
    entry: true,
    references: (d) => d.numberIds.map((id) => ({ type: 'number' as const, id })),
    // A deleted number is no longer served here, rather than left pointing at nothing.
    dropReference: (d, ref) => (ref.type === 'number' && d.numberIds.includes(ref.id) ? { ...d, numberIds: d.numberIds.filter((id) => id !== ref.id) } : d),
  },
  look: {
    icon: [{ path: 'M8 5v14l11-7z' }],
    color: { light: '#1d7a46', dark: '#4cc384' },
    estimatedHeight: 111,
  },
  arbitrary: (fc, a) => fc.record({ label: a.label, numberIds: fc.array(a.id, { maxLength: 5 }) }),
  ui: () => import('./ui.tsx'),
  // Loaded on the first import or export: the editor opens without the platforms' formats.
  formats: async () => ({ 'twilio-studio': (await import('./twilio.ts')).startTwilio }),
});
