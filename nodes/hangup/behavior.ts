import { defineBehavior } from '../kit/contract.ts';
import type { HangupData } from './model.ts';

/** Ends the call (R9). */
export const hangupBehavior = defineBehavior<HangupData>({
  enter: () => ({ kind: 'end' }),
});
