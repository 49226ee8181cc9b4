import { defineBehavior, type NodeStep } from '../kit/contract.ts';
import { MENU_DIGITS, type MenuData } from './model.ts';

/** Steps by node data: a call loop re-enters the same menu, and batch runs enter it for every call. */
const steps = new WeakMap<MenuData, NodeStep>();

/** Waits for a key: an option's digit leaves by that port, any other key by `invalid`, silence by `timeout`. */
export const menuBehavior = defineBehavior<MenuData>({
  enter(d) {
    let step = steps.get(d);
    if (!step) {
      step = {
        kind: 'gather',
        timeoutSeconds: d.timeoutSeconds,
        digits: [
          ...d.options.map((o) => ({ value: o.digit, label: o.label ? `${o.digit} · ${o.label}` : o.digit })),
          ...MENU_DIGITS.filter((k) => !d.options.some((o) => o.digit === k)).map((k) => ({ value: k, label: `${k} (invalid)` })),
        ],
      };
      steps.set(d, step);
    }
    return step;
  },
  press(d, digit) {
    if (!(MENU_DIGITS as readonly string[]).includes(digit)) return null;
    return d.options.some((o) => o.digit === digit) ? digit : 'invalid';
  },
  timeout: (d) => (d.timeoutSeconds === null ? null : 'timeout'),
});
