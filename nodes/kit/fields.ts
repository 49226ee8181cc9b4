/**
 * Field schemas and helpers several kinds share: ids, labels, texts, seconds,
 * and where a call may be sent (R13/R14/R16). The runtime's documents and
 * scenarios use the same schemas, so an id means the same everywhere.
 */
import { z } from 'zod';
import type { NodeProblem, CheckContext } from './contract.ts';
import type { WorkspaceView } from './workspace.ts';

/**
 * Names every plain JavaScript object already has (`constructor`, `toString`, `__proto__`, …) and `prototype`.
 * Wherever a value is looked up by id in an object, such an id would find something else, so no id may be one.
 */
export const RESERVED_IDS: readonly string[] = [
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'prototype',
  'toLocaleString',
  'toString',
  'valueOf',
];

export const idSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9_.:-]+$/, 'may hold only letters, digits, and _ . : -')
  // A pattern rather than a refinement, so the published JSON Schema says it too.
  .regex(new RegExp(`^(?!(?:${RESERVED_IDS.join('|')})$)`), 'is a name JavaScript objects reserve (such as constructor, toString or __proto__): choose another id');

export const labelSchema = z.string().max(200, 'must be at most 200 characters');

/**
 * Text cut to `max` UTF-16 units, an ellipsis marking the cut (a label fits 200, a description 2000). The cut
 * never splits a character written with two units: half of one would not be text.
 */
export function clip(text: string, max = 200): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}
export const textSchema = z.string().max(2000, 'must be at most 2000 characters');
export const secondsSchema = (max: number) =>
  z.number().int('must be a whole number of seconds').min(1, 'must be at least 1 second').max(max, `must be at most ${max} seconds`);

/** E.164: a plus, a country code (no leading zero) and at most 15 digits in all, nothing else. */
export const E164 = /^\+[1-9][0-9]{1,14}$/;

/**
 * A phone number as the platforms want it (E.164: `+15550200300`), from one written for people
 * (`+1 555 020 0300`, `+1 (555) 020-0300`); undefined when it has no country code or too many digits, which
 * only its owner can put right.
 */
export function toE164(number: string): string | undefined {
  const compact = number.replace(/[ ()-]/g, '');
  return E164.test(compact) ? compact : undefined;
}

/** Where a call may be sent: R13 (internal) vs R14/R16 (external). */
export const transferTargetSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('agent'), agentId: idSchema }),
  z.strictObject({ type: z.literal('ringGroup'), ringGroupId: idSchema }),
  z.strictObject({
    type: z.literal('extension'),
    /** A private extension: third-party PBX extension, desk phone, Microsoft Teams user. */
    extension: z.string().min(1, 'must not be empty').max(64),
    system: z.enum(['pbx', 'deskPhone', 'teams']),
  }),
  z.strictObject({
    type: z.literal('external'),
    number: z.string().regex(/^\+?[0-9 ()-]{3,20}$/, 'must be a phone number such as +15550100'),
  }),
]);
export type TransferTarget = z.infer<typeof transferTargetSchema>;

/** R25: who serves a queue: a ring group's members, or a set of agents. */
export const queueTargetSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ringGroup'), ringGroupId: idSchema }),
  z.strictObject({
    type: z.literal('agents'),
    agentIds: z.array(idSchema).min(1, 'must name at least one agent').max(100, 'must name at most 100 agents'),
  }),
]);
export type QueueTarget = z.infer<typeof queueTargetSchema>;

/** True when a transfer to this target is external (R14) rather than internal (R13). */
export function isExternalTarget(target: TransferTarget): boolean {
  return target.type === 'external';
}

export function describeTarget(target: TransferTarget, ws?: WorkspaceView): string {
  switch (target.type) {
    case 'agent':
      return `agent ${ws?.agents.find((a) => a.id === target.agentId)?.name ?? target.agentId}`;
    case 'ringGroup':
      return `ring group ${ws?.ringGroups.find((g) => g.id === target.ringGroupId)?.name ?? target.ringGroupId}`;
    case 'extension':
      return `extension ${target.extension} (${target.system === 'pbx' ? 'PBX' : target.system === 'teams' ? 'Teams' : 'desk phone'})`;
    case 'external':
      return `outside number ${target.number}`;
  }
}

/** Problems for a transfer/assign target that points at nothing in the workspace. */
export function checkTargetExists(target: TransferTarget, ctx: CheckContext, field: string): NodeProblem[] {
  const ws = ctx.workspace;
  if (!ws) return [];
  if (target.type === 'agent' && !ws.agents.some((a) => a.id === target.agentId)) {
    return [{ severity: 'error', code: 'unknown-agent', message: `No agent "${target.agentId}" in the workspace.`, field }];
  }
  if (target.type === 'ringGroup' && !ws.ringGroups.some((g) => g.id === target.ringGroupId)) {
    return [
      { severity: 'error', code: 'unknown-ring-group', message: `No ring group "${target.ringGroupId}" in the workspace.`, field },
    ];
  }
  return [];
}
