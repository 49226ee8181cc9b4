/**
 * The workspace document: account recording settings (R1), phone numbers
 * with their overrides (R2), agents, ring groups, roles (R22) and the flows.
 */
import { z } from 'zod';
import { idSchema, labelSchema } from '../../nodes/kit/fields.ts';
import { type DocError, type ParseResult, parseWithSchema, readJson, scanHostile, toJsonPath } from './errors.ts';
import { type FlowDoc, parseFlow } from './flow.ts';
import { migrateWorkspace } from './migrations.ts';

export const WORKSPACE_FORMAT = 'recflow.workspace';
/** Version 2 added `versions` (the published versions of each flow); `migrations.ts` lifts version 1. */
export const WORKSPACE_VERSION = 2;

/** R1: account-wide settings; the defaults are R1's. */
export const accountSettingsSchema = z.strictObject({
  recordInbound: z.boolean().default(true),
  recordOutbound: z.boolean().default(true),
  continueOnExternalTransfer: z.boolean().default(true),
  agentPause: z.boolean().default(false),
  dualChannel: z.boolean().default(true),
  autoDelete: z
    .strictObject({
      enabled: z.boolean().default(true),
      months: z.number().int().min(1).max(120).default(6),
    })
    .default({ enabled: true, months: 6 }),
});
export type AccountSettings = z.infer<typeof accountSettingsSchema>;

/** R2: a per-number value; `inherit` takes the account's. */
export const triStateSchema = z.enum(['inherit', 'enabled', 'disabled']);
export type TriState = z.infer<typeof triStateSchema>;

export const phoneNumberSchema = z.strictObject({
  id: idSchema,
  number: z.string().regex(/^\+?[0-9 ()-]{3,20}$/, 'must be a phone number such as +15550100'),
  label: labelSchema.default(''),
  /** The flow inbound calls to this number run; null sends them straight to agents (R7). */
  flowId: idSchema.nullable().default(null),
  override: z
    .strictObject({
      enabled: z.boolean().default(false),
      inbound: triStateSchema.default('inherit'),
      outbound: triStateSchema.default('inherit'),
      agentPause: triStateSchema.default('inherit'),
    })
    .default({ enabled: false, inbound: 'inherit', outbound: 'inherit', agentPause: 'inherit' }),
});
export type PhoneNumber = z.infer<typeof phoneNumberSchema>;

export const agentSchema = z.strictObject({ id: idSchema, name: labelSchema.min(1), roleId: idSchema });
export type Agent = z.infer<typeof agentSchema>;

export const ringGroupSchema = z.strictObject({ id: idSchema, name: labelSchema.min(1), memberIds: z.array(idSchema).max(1000) });
export type RingGroup = z.infer<typeof ringGroupSchema>;

/** R22/R23: how far a permission reaches. */
export const scopeSchema = z.enum(['all', 'ringGroup', 'agent']);
export type Scope = z.infer<typeof scopeSchema>;

const permissionSchema = (allowedByDefault: boolean) =>
  z
    .strictObject({ allowed: z.boolean().default(allowedByDefault), scope: scopeSchema.default('all') })
    .default({ allowed: allowedByDefault, scope: 'all' });

/** R22 defaults: every role views and listens to all; none downloads. */
export const roleSchema = z.strictObject({
  id: idSchema,
  name: labelSchema.min(1),
  view: z.boolean().default(true),
  listen: permissionSchema(true),
  download: permissionSchema(false),
});
export type Role = z.infer<typeof roleSchema>;

/**
 * One published version of a flow: an immutable, numbered copy of the flow
 * document as it was published, with who published it, when and why.
 */
export const publishedVersionSchema = z.strictObject({
  flowId: idSchema.describe('The id of the flow this is a version of.'),
  number: z.number().int().min(1).max(1_000_000).describe('Numbered from 1 for each flow, never reused while the version is kept.'),
  note: z.string().max(2000).default('').describe('What changed, as the publisher wrote it.'),
  publishedAt: z.iso.datetime({ offset: true }).describe('When it was published (ISO 8601 date-time).'),
  publisher: z.string().max(200).default('').describe('The name of the person who published it.'),
  flow: z.unknown().describe('The flow document as published.'),
});

export interface PublishedVersion extends Omit<z.infer<typeof publishedVersionSchema>, 'flow'> {
  flow: FlowDoc;
}

export const MAX_VERSIONS = 10000;

const workspaceEnvelopeSchema = z.strictObject({
  format: z.literal(WORKSPACE_FORMAT),
  version: z.literal(WORKSPACE_VERSION),
  name: labelSchema.default('Workspace'),
  account: accountSettingsSchema.default(accountSettingsSchema.parse({})),
  numbers: z.array(phoneNumberSchema).max(1000).default([]),
  agents: z.array(agentSchema).max(10000).default([]),
  ringGroups: z.array(ringGroupSchema).max(1000).default([]),
  roles: z.array(roleSchema).max(100).default([]),
  flows: z.array(z.unknown()).max(200).default([]),
  versions: z.array(publishedVersionSchema).max(MAX_VERSIONS).default([]),
});

export interface WorkspaceDoc extends Omit<z.infer<typeof workspaceEnvelopeSchema>, 'flows' | 'versions'> {
  flows: FlowDoc[];
  /** Published versions of the flows, in the order they were published. */
  versions: PublishedVersion[];
}

/** The JSON Schema source for the workspace (flows are described by the flow schema). */
export function workspaceJsonSchemaSource() {
  return workspaceEnvelopeSchema;
}

export function defaultAccountSettings(): AccountSettings {
  return accountSettingsSchema.parse({});
}

/** A role with R22's defaults. */
export function defaultRole(id: string, name: string): Role {
  return roleSchema.parse({ id, name });
}

export function createWorkspace(name = 'Workspace'): WorkspaceDoc {
  return workspaceEnvelopeSchema.parse({ format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION, name }) as WorkspaceDoc;
}

function duplicates<T extends { id: string }>(items: T[], field: string, what: string): DocError[] {
  const seen = new Set<string>();
  const errors: DocError[] = [];
  items.forEach((item, i) => {
    if (seen.has(item.id)) errors.push({ path: toJsonPath([field, i, 'id']), message: `duplicate ${what} id "${item.id}"` });
    seen.add(item.id);
  });
  return errors;
}

/** Reads a workspace document; never throws. Same contract as `parseFlow`. */
export function parseWorkspace(input: unknown): ParseResult<WorkspaceDoc> {
  const read = readJson(input);
  if (!read.ok) return read;
  const hostile = scanHostile(read.value);
  if (hostile.length > 0) return { ok: false, errors: hostile };
  const migrated = migrateWorkspace(read.value);
  if (!migrated.ok) return migrated;
  const envelope = parseWithSchema(workspaceEnvelopeSchema, migrated.value);
  let doc: z.infer<typeof workspaceEnvelopeSchema>;
  const errors: DocError[] = [];
  if (envelope.ok) doc = envelope.value;
  else {
    // An unknown top-level field must not hide the rest (the flows' own problems): read on without it.
    const rest = parseWithSchema(z.object(workspaceEnvelopeSchema.shape), migrated.value);
    if (!rest.ok) return envelope;
    errors.push(...envelope.errors);
    doc = rest.value;
  }
  errors.push(
    ...duplicates(doc.numbers, 'numbers', 'phone number'),
    ...duplicates(doc.agents, 'agents', 'agent'),
    ...duplicates(doc.ringGroups, 'ringGroups', 'ring group'),
    ...duplicates(doc.roles, 'roles', 'role'),
  );
  const roleIds = new Set(doc.roles.map((r) => r.id));
  const agentIds = new Set(doc.agents.map((a) => a.id));
  doc.agents.forEach((a, i) => {
    if (!roleIds.has(a.roleId)) errors.push({ path: toJsonPath(['agents', i, 'roleId']), message: `no role "${a.roleId}"` });
  });
  doc.ringGroups.forEach((g, i) => {
    g.memberIds.forEach((m, j) => {
      if (!agentIds.has(m)) errors.push({ path: toJsonPath(['ringGroups', i, 'memberIds', j]), message: `no agent "${m}"` });
    });
  });
  const flows: FlowDoc[] = [];
  const flowIds = new Set<string>();
  doc.flows.forEach((raw, i) => {
    const parsed = parseFlow(raw);
    if (!parsed.ok) {
      const prefix = toJsonPath(['flows', i]);
      errors.push(...parsed.errors.map((e) => ({ path: prefix + e.path.slice(1), message: e.message })));
      return;
    }
    if (flowIds.has(parsed.value.id)) {
      errors.push({ path: toJsonPath(['flows', i, 'id']), message: `duplicate flow id "${parsed.value.id}"` });
    }
    flowIds.add(parsed.value.id);
    flows.push(parsed.value);
  });
  const versions = parseVersions(doc.versions, flowIds, errors);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { ...doc, flows, versions } };
}

/**
 * Each version's flow is a whole flow document (validated as one, older flow
 * versions migrated), of the flow it says it belongs to; a flow's version
 * numbers are unique.
 */
function parseVersions(raw: z.infer<typeof workspaceEnvelopeSchema>['versions'], flowIds: ReadonlySet<string>, errors: DocError[]): PublishedVersion[] {
  const versions: PublishedVersion[] = [];
  const seen = new Set<string>();
  raw.forEach((v, i) => {
    if (!flowIds.has(v.flowId)) errors.push({ path: toJsonPath(['versions', i, 'flowId']), message: `no flow "${v.flowId}" in the workspace` });
    const key = `${v.flowId}\u0000${v.number}`;
    if (seen.has(key)) errors.push({ path: toJsonPath(['versions', i, 'number']), message: `flow "${v.flowId}" already has a version ${v.number}` });
    seen.add(key);
    const parsed = parseFlow(v.flow);
    if (!parsed.ok) {
      const prefix = toJsonPath(['versions', i, 'flow']);
      errors.push(...parsed.errors.map((e) => ({ path: prefix + e.path.slice(1), message: e.message })));
      return;
    }
    if (parsed.value.id !== v.flowId) {
      errors.push({ path: toJsonPath(['versions', i, 'flow', 'id']), message: `a version of flow "${v.flowId}" must hold that flow, not "${parsed.value.id}"` });
      return;
    }
    versions.push({ ...v, flow: parsed.value });
  });
  return versions;
}

export function serializeWorkspace(ws: WorkspaceDoc): string {
  return `${JSON.stringify(ws, null, 2)}\n`;
}
