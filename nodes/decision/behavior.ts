import { defineBehavior, type NodeStep } from '../kit/contract.ts';
import { type DecisionData, NO_MATCH } from './model.ts';

/** Steps by node data: a loop re-enters the same decision, and batch runs enter it for every call. */
const steps = new WeakMap<DecisionData, NodeStep>();

/**
 * R26: the condition is the platform's and Recflow does not evaluate it, so the call waits for the reviewer to
 * choose the outcome (or no match); it has no timer.
 */
export const decisionBehavior = defineBehavior<DecisionData>({
  enter(d) {
    let step = steps.get(d);
    if (!step) {
      step = {
        kind: 'choose',
        options: [
          ...d.outcomes.map((o) => ({ value: o.name, label: o.condition.trim() === '' ? o.name : `${o.name}: ${o.condition}` })),
          { value: NO_MATCH, label: 'no match' },
        ],
        timeoutSeconds: null,
        timeoutPort: null,
      };
      steps.set(d, step);
    }
    return step;
  },
  choose: (d, option) => (option === NO_MATCH || d.outcomes.some((o) => o.name === option) ? option : null),
});
