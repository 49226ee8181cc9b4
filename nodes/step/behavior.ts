import { defineBehavior } from '../kit/contract.ts';
import type { StepData } from './model.ts';

const OUTCOMES = [
  { value: 'next', label: 'succeeds' },
  { value: 'error', label: 'fails' },
];

/**
 * R27: the step takes its seconds and goes on by `next`, unless the reviewer chooses that it fails (`error`)
 * while it runs. Nothing about recording changes.
 */
export const stepBehavior = defineBehavior<StepData>({
  enter: (d) => ({ kind: 'choose', options: OUTCOMES, timeoutSeconds: d.seconds, timeoutPort: 'next' }),
  timeout: () => 'next',
  choose: (_d, option) => (option === 'next' || option === 'error' ? option : null),
});
