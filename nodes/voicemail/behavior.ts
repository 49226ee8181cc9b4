import { defineBehavior } from '../kit/contract.ts';
import type { VoicemailData } from './model.ts';

/** R19: records the caller's message up to its maximum length; `#` ends it early; then `next`. */
export const voicemailBehavior = defineBehavior<VoicemailData>({
  enter: (d) => ({ kind: 'takeMessage', maxLengthSeconds: d.maxLengthSeconds }),
  press: (_d, digit) => (digit === '#' ? 'next' : null),
  timeout: () => 'next',
});
