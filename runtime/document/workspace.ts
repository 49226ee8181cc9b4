/**
 * The workspace document: account recording settings (R1), phone numbers
 * with their overrides (R2), agents, ring groups, roles (R22) and the flows.
 */
import { z } from 'zod';
import { idSchema, labelSchema } from '../../nodes/kit/fields.ts';
import { type DocError, type ParseResult, parseWithSchema, readJson, scanHostile, toJsonPath } from './errors.ts';
import { DEFAULT_PLATFORM, PLATFORMS, PRESETS, type PlatformId, type PresetSettingName, presetOf } from '../platforms/presets.ts';
import { type FlowDoc, parseFlow } from './flow.ts';
import { migrateWorkspace } from './migrations.ts';
import { scenarioSchema } from '../call/scenarioFormat.ts';

export const WORKSPACE_FORMAT = 'recflow.workspace';
/**
 * Version 2 added `versions` (the published versions of each flow); version 3 the platform and the account's
 * recording dimensions (R29–R31); version 4 the saved scenarios of the flows; `migrations.ts` lifts older versions.
 */
export const WORKSPACE_VERSION = 4;

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
  /** R29: which sides are on tape unless a Recording node says otherwise. */
  recordedParties: z.enum(['both', 'contact', 'agent']).default('both'),
  /** R30: a pause removes the paused audio (gap, R11) or leaves silence in the recording. */
  pauseLeaves: z.enum(['gap', 'silence']).default('gap'),
  /** R31: a Recording node turning recording on before an agent joins records the IVR part too (else from the agent). */
  recordIvr: z.boolean().default(true),
  /** R17/R30: outside and conferenced parties on the agent side (channel B) or with the contact (channel A). */
  outsidePartiesChannel: z.enum(['agent-side', 'contact-side']).default('agent-side'),
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

/**
 * A saved scenario of the workspace: a scenario document (the call, its timed actions and the expected result) with
 * the flow it is listed under, so moving a workspace to another browser or machine takes its regression checks along.
 */
export const savedScenarioSchema = z.strictObject({
  id: idSchema.describe('Unique among the workspace\'s scenarios.'),
  flowId: idSchema.nullable().describe('The flow the scenario is listed under; null for calls that run no flow (outbound calls, numbers without a flow).'),
  runs: z
    .enum(['number', 'flow'])
    .default('number')
    .describe('"number": an inbound call runs the flow of the number it calls, as in production; "flow": it runs flowId whatever the number runs.'),
  savedAt: z.iso.datetime({ offset: true }).describe('When it was saved or its expectation last accepted (ISO 8601 date-time).'),
  scenario: scenarioSchema.describe('The scenario document. It runs on this workspace: no `workspace` or `flow` paths.'),
});
export type SavedScenarioDoc = z.infer<typeof savedScenarioSchema>;

export const MAX_SCENARIOS = 10000;

const workspaceEnvelopeSchema = z.strictObject({
  format: z.literal(WORKSPACE_FORMAT),
  version: z.literal(WORKSPACE_VERSION),
  name: labelSchema.default('Workspace'),
  /** R30: the platform the workspace models; its preset fixes some settings and offers the rest. */
  platform: z.enum(PLATFORMS).default(DEFAULT_PLATFORM),
  account: accountSettingsSchema.default(accountSettingsSchema.parse({})),
  numbers: z.array(phoneNumberSchema).max(1000).default([]),
  agents: z.array(agentSchema).max(10000).default([]),
  ringGroups: z.array(ringGroupSchema).max(1000).default([]),
  roles: z.array(roleSchema).max(100).default([]),
  flows: z.array(z.unknown()).max(200).default([]),
  versions: z.array(publishedVersionSchema).max(MAX_VERSIONS).default([]),
  scenarios: z.array(savedScenarioSchema).max(MAX_SCENARIOS).default([]),
});

export interface WorkspaceDoc extends Omit<z.infer<typeof workspaceEnvelopeSchema>, 'flows' | 'versions'> {
  flows: FlowDoc[];
  /** Published versions of the flows, in the order they were published. */
  versions: PublishedVersion[];
  /**
   * The flows' saved scenarios. The editor keeps them in their own store (editor/simulator/scenarioStorage.ts)
   * and puts them here only in an exported file; `recflow test` runs them.
   */
  scenarios: SavedScenarioDoc[];
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
  errors.push(...duplicates(doc.scenarios, 'scenarios', 'scenario'), ...scenarioProblems(doc.scenarios, flowIds));
  errors.push(...platformProblems(migrated.value, doc));
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: applyPreset({ ...doc, flows, versions }) };
}

/**
 * R30: a workspace on a platform has the values its preset fixes. A document that sets a fixed setting to
 * another value, or a number override the platform does not have, is refused with the path and the reason.
 */
function platformProblems(raw: unknown, doc: { platform: WorkspaceDoc['platform']; numbers: PhoneNumber[] }): DocError[] {
  const preset = presetOf(doc.platform);
  const errors: DocError[] = [];
  const account = typeof raw === 'object' && raw !== null ? (raw as { account?: unknown }).account : undefined;
  if (typeof account === 'object' && account !== null) {
    for (const [name, value] of Object.entries(preset.fixed) as Array<[PresetSettingName, unknown]>) {
      const given = (account as Record<string, unknown>)[name];
      if (given !== undefined && given !== value) {
        errors.push({
          path: toJsonPath(['account', name]),
          message: `${preset.name} has no such setting: it is always ${JSON.stringify(value)}. ${preset.why[name] ?? ''}`.trim(),
        });
      }
    }
  }
  if (!preset.numberOverrides) {
    doc.numbers.forEach((n, i) => {
      if (n.override.enabled) {
        errors.push({ path: toJsonPath(['numbers', i, 'override', 'enabled']), message: `${preset.name} has no per-number recording overrides. ${preset.why.numberOverrides ?? ''}`.trim() });
      }
    });
  }
  return errors;
}

/** The workspace with the values its platform's preset fixes (R30). */
export function applyPreset(ws: WorkspaceDoc): WorkspaceDoc {
  const preset = presetOf(ws.platform);
  const fixed = Object.entries(preset.fixed).filter(([k, v]) => ws.account[k as PresetSettingName] !== v);
  if (fixed.length === 0) return ws;
  return { ...ws, account: { ...ws.account, ...Object.fromEntries(fixed) } };
}

/**
 * R30: moves a workspace to `platform`, changing only what the platform requires: the values its preset fixes,
 * the preset's starting values for the settings it offers (when moving from another platform), and number
 * overrides switched off where the platform has none (their values stay, so moving back and switching them on
 * restores them). Mutates `ws`, so on an immer draft it is one undo step of small patches.
 */
export function choosePlatform(ws: WorkspaceDoc, platform: PlatformId): void {
  if (ws.platform === platform) return;
  const preset = PRESETS[platform];
  ws.platform = platform;
  const account = ws.account as unknown as Record<PresetSettingName, unknown>;
  for (const [name, value] of Object.entries({ ...preset.defaults, ...preset.fixed }) as Array<[PresetSettingName, unknown]>) {
    if (account[name] !== value) account[name] = value;
  }
  if (!preset.numberOverrides) for (const n of ws.numbers) if (n.override.enabled) n.override.enabled = false;
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

/** A saved scenario names a flow of the workspace (when it names one) and runs on the workspace, not on files. */
function scenarioProblems(scenarios: readonly SavedScenarioDoc[], flowIds: ReadonlySet<string>): DocError[] {
  const errors: DocError[] = [];
  scenarios.forEach((s, i) => {
    if (s.flowId !== null && !flowIds.has(s.flowId)) errors.push({ path: toJsonPath(['scenarios', i, 'flowId']), message: `no flow "${s.flowId}" in the workspace` });
    if (s.runs === 'flow' && s.flowId === null) errors.push({ path: toJsonPath(['scenarios', i, 'runs']), message: 'a scenario that runs a chosen flow must name it in flowId' });
    for (const field of ['workspace', 'flow'] as const) {
      if (s.scenario[field] !== undefined) {
        errors.push({ path: toJsonPath(['scenarios', i, 'scenario', field]), message: 'a scenario in a workspace runs on that workspace and its flows: leave out the file path' });
      }
    }
  });
  return errors;
}

export function serializeWorkspace(ws: WorkspaceDoc): string {
  return `${JSON.stringify(ws, null, 2)}\n`;
}
