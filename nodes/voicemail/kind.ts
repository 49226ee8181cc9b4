/** Voicemail: records the caller's message as its own recording (R19), then goes on. */
import { defineKind } from '../kit/contract.ts';
import { voicemailBehavior } from './behavior.ts';
import { voicemailModel } from './model.ts';

export const voicemailKind = defineKind({
  model: voicemailModel,
  behavior: voicemailBehavior,
  traits: {},
  look: {
    icon: [{ circle: [6.5, 12, 3.5] }, { circle: [17.5, 12, 3.5] }, { path: 'M6.5 15.5h11' }],
    color: { light: '#4a4fc4', dark: '#9599ff' },
    estimatedHeight: 132,
  },
  arbitrary: (fc, a) => fc.record({ label: a.label, prompt: a.text(400), maxLengthSeconds: a.seconds(600) }),
  ui: () => import('./ui.tsx'),
  // Loaded on the first import or export: the editor opens without the platforms' formats.
  formats: async () => ({ 'twilio-studio': (await import('./twilio.ts')).voicemailTwilio }),
});
