import { defineBehavior } from '../kit/contract.ts';
import type { StartData } from './model.ts';

/** The call enters the flow and goes straight on. */
export const startBehavior = defineBehavior<StartData>({
  enter: () => ({ kind: 'pass', port: 'next' }),
});
