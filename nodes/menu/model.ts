import { z } from 'zod';
import { defineModel } from '../kit/contract.ts';
import { labelSchema, secondsSchema, textSchema } from '../kit/fields.ts';

export const MENU_DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*', '#'] as const;

const schema = z.strictObject({
  label: labelSchema,
  prompt: textSchema,
  options: z
    .array(z.strictObject({ digit: z.enum(MENU_DIGITS), label: labelSchema }))
    .max(12, 'must have at most 12 options'),
  /** Seconds to wait for a key press; null waits forever (C4 warns). */
  timeoutSeconds: secondsSchema(300).nullable(),
});

export const menuModel = defineModel({
  kind: 'menu',
  title: 'Menu',
  description: 'Asks the caller to press a key and branches on it.',
  schema,
  defaults: () => ({
    label: 'Main menu',
    prompt: 'Press 1 for sales, 2 for support.',
    options: [
      { digit: '1' as const, label: 'Sales' },
      { digit: '2' as const, label: 'Support' },
    ],
    timeoutSeconds: 10,
  }),
  hasInput: true,
  ports: (d) => [
    ...d.options.map((o) => ({ id: o.digit, label: o.label ? `${o.digit} · ${o.label}` : o.digit })),
    ...(d.timeoutSeconds === null ? [] : [{ id: 'timeout', label: 'timeout' }]),
    { id: 'invalid', label: 'invalid' },
  ],
  check(data) {
    const problems = [];
    const seen = new Set<string>();
    for (const o of data.options) {
      if (seen.has(o.digit)) {
        problems.push({
          severity: 'error' as const,
          code: 'duplicate-digit',
          message: `Key ${o.digit} is used by more than one option.`,
          field: 'options',
        });
      }
      seen.add(o.digit);
    }
    if (data.options.length === 0) {
      problems.push({ severity: 'warning' as const, code: 'no-options', message: 'The menu has no options.', field: 'options' });
    }
    if (data.timeoutSeconds === null) {
      // C4: a caller who presses nothing would wait forever.
      problems.push({
        severity: 'warning' as const,
        code: 'C4-menu-no-timeout',
        message: 'The menu has no timeout: a caller who presses nothing waits forever.',
        field: 'timeoutSeconds',
      });
    }
    return problems;
  },
  searchText: (d) => `${d.label} ${d.prompt} ${d.options.map((o) => `${o.digit} ${o.label}`).join(' ')}`,
});
export type MenuData = z.infer<typeof schema>;
