import { z } from 'zod';
import { defineModel, type NodeProblem } from '../kit/contract.ts';
import { labelSchema } from '../kit/fields.ts';

/** The port calls take when no outcome's condition holds (R26). */
export const NO_MATCH = 'noMatch';

/** An outcome's name is its port's id: short, readable, and never the no-match port's. */
const outcomeNameSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9 _.-]+$/, 'may hold only letters, digits, spaces and _ . -')
  .refine((name) => name.trim() === name, 'must not start or end with a space')
  .refine((name) => name !== NO_MATCH, `"${NO_MATCH}" is the port for calls no outcome matches: choose another name`);

const outcomeSchema = z.strictObject({
  name: outcomeNameSchema,
  /** The platform's condition as written there (`$.Attributes.tier = gold`, `in hours`): shown, never evaluated. */
  condition: z.string().max(500, 'must be at most 500 characters'),
});

const schema = z
  .strictObject({
    label: labelSchema,
    outcomes: z.array(outcomeSchema).max(50, 'must have at most 50 outcomes'),
    /** What the decision reads ("key pressed", "attribute tier", "hours of operation"). */
    source: z.string().max(200, 'must be at most 200 characters'),
  })
  .superRefine((d, ctx) => {
    // Two outcomes of one name would be one port: refused where the second is written, with its path.
    const seen = new Set<string>();
    d.outcomes.forEach((o, j) => {
      if (seen.has(o.name)) ctx.addIssue({ code: 'custom', path: ['outcomes', j, 'name'], message: `duplicate outcome name "${o.name}"` });
      seen.add(o.name);
    });
  });

export type DecisionData = z.infer<typeof schema>;

export const decisionModel = defineModel({
  kind: 'decision',
  title: 'Decision',
  description: 'Branches on data (a value, an attribute, opening hours): one port per named outcome, and noMatch.',
  schema,
  defaults: () => ({ label: 'Check the data', outcomes: [{ name: 'yes', condition: '' }], source: '' }),
  hasInput: true,
  ports: (d) => [...d.outcomes.map((o) => ({ id: o.name, label: o.name })), { id: NO_MATCH, label: NO_MATCH }],
  check(data) {
    const problems: NodeProblem[] = [];
    if (data.outcomes.length === 0) {
      problems.push({ severity: 'warning', code: 'no-outcomes', message: 'The decision has no outcomes: every call takes noMatch.', field: 'outcomes' });
    }
    data.outcomes.forEach((o, j) => {
      if (o.condition.trim() === '') {
        problems.push({
          severity: 'warning',
          code: 'no-condition',
          message: `Outcome "${o.name}" has no condition: write the platform's condition, so a reviewer knows which calls take it.`,
          field: `outcomes.${j}.condition`,
        });
      }
    });
    return problems;
  },
  searchText: (d) => `${d.label} ${d.source} ${d.outcomes.map((o) => `${o.name} ${o.condition}`).join(' ')}`,
});
