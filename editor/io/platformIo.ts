/**
 * A platform's flow (an Amazon Connect flow, a Twilio Studio flow definition: every format of
 * `runtime/platforms/formats.ts`, told from the content) imported into the open workspace, decided
 * before anything changes: the flow, with a fresh id when its id is taken, and
 * the stand-ins it needs to be simulated (ring groups with a stand-in agent,
 * agents, the flows it continues in, a phone number calling it) that the
 * workspace does not have yet, added as one store change (`applyImport`); and
 * the import report the CLI prints, kept to show once it is done. Loaded on
 * first use: the formats' code is not part of the editor's initial JS.
 */
import type { DocError } from '../../runtime/document/errors.ts';
import { SCENARIO_FORMAT } from '../../runtime/call/scenarioFormat.ts';
import { FLOW_FORMAT, type FlowDoc, type FlowNode } from '../../runtime/document/flow.ts';
import { WORKSPACE_FORMAT, type WorkspaceDoc } from '../../runtime/document/workspace.ts';
import type { ExportReport, FormatName, ImportReport } from '../../runtime/platforms/format.ts';
import { detectFormat, platformFormats, withArticle } from '../../runtime/platforms/formats.ts';
import type { PlatformId } from '../../runtime/platforms/presets.ts';

/** What importing a platform's flow adds to the workspace. */
export interface PlatformImport {
  kind: 'platform';
  /** The platform's preset (a workspace platform id: the format names it). */
  platform: PlatformId;
  platformName: string;
  flow: FlowDoc;
  /** The file's flow id when it was taken and the flow got another. */
  renamedFrom?: string;
  report: ImportReport;
  /** Stand-ins the workspace lacks, added with the flow (each by its kind and name, for the report). */
  standIns: Pick<WorkspaceDoc, 'numbers' | 'agents' | 'ringGroups' | 'roles' | 'flows'>;
}

export type PlatformPlan = PlatformImport | { kind: 'refused'; errors: DocError[]; what?: string };

/**
 * The plan for a parsed JSON value that is no Recflow document: a platform's flow (or its wrapper, or its
 * format in a shape Recflow does not read), or a refusal naming every document the editor imports.
 */
export function planAsPlatform(value: unknown, current: WorkspaceDoc): PlatformPlan {
  if (platformFormats.some((f) => f.detect(value).match !== 'no')) return planPlatformImport(value, current);
  const platforms = platformFormats.map((f) => withArticle(f.documentName)).join(' or ');
  return {
    kind: 'refused',
    errors: [{ path: '$.format', message: `not a Recflow document or a platform flow: expected "${FLOW_FORMAT}", "${WORKSPACE_FORMAT}" or "${SCENARIO_FORMAT}", or ${platforms}` }],
  };
}

function freeId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * Plans the import of a platform flow (the format told from the content, as `recflow import` does) into `current`.
 * Stand-ins whose id the workspace already has are not added again: the flow names the existing ones.
 */
export function planPlatformImport(value: unknown, current: WorkspaceDoc): PlatformPlan {
  const detected = detectFormat(value);
  if (!detected.ok) return { kind: 'refused', errors: detected.errors };
  const outcome = detected.format.importFlow(value);
  if (!outcome.ok) return { kind: 'refused', errors: outcome.errors, what: outcome.what };
  const ws = outcome.workspace;
  const flowIds = new Set(current.flows.map((f) => f.id));
  const flowId = freeId(outcome.flow.id, flowIds);
  const flow: FlowDoc = flowId === outcome.flow.id ? outcome.flow : { ...outcome.flow, id: flowId };

  const has = <T extends { id: string }>(list: readonly T[]) => new Set(list.map((x) => x.id));
  const agents = has(current.agents);
  const groups = has(current.ringGroups);
  const roles = has(current.roles);
  const numberIds = has(current.numbers);
  const numbers = new Set(current.numbers.map((n) => n.number));
  const standIns: PlatformImport['standIns'] = { numbers: [], agents: [], ringGroups: [], roles: [], flows: [] };
  standIns.roles = ws.roles.filter((r) => !roles.has(r.id));
  standIns.agents = ws.agents.filter((a) => !agents.has(a.id));
  standIns.ringGroups = ws.ringGroups.filter((g) => !groups.has(g.id));
  standIns.flows = ws.flows.filter((f) => f.id !== outcome.flow.id && !flowIds.has(f.id));
  const renamedNumbers = new Map<string, string>();
  for (const n of ws.numbers) {
    const id = freeId(n.id, numberIds);
    let phone = n.number;
    for (let k = 1; numbers.has(phone); k++) phone = `${n.number}${k}`;
    numberIds.add(id);
    numbers.add(phone);
    if (id !== n.id) renamedNumbers.set(n.id, id);
    standIns.numbers.push({ ...n, id, number: phone, flowId: n.flowId === outcome.flow.id ? flowId : n.flowId });
  }
  if (renamedNumbers.size > 0) {
    flow.nodes = flow.nodes.map((node) => {
      const ids = (node.data as { numberIds?: unknown }).numberIds;
      if (!Array.isArray(ids)) return node;
      return { ...node, data: { ...node.data, numberIds: ids.map((id: string) => renamedNumbers.get(id) ?? id) } } as FlowNode;
    });
  }
  const format = detected.format;
  return {
    kind: 'platform',
    platform: format.name as PlatformId,
    platformName: format.platform,
    flow,
    ...(flowId === outcome.flow.id ? {} : { renamedFrom: outcome.flow.id }),
    report: outcome.report,
    standIns,
  };
}

/** What the stand-ins are, one phrase each, for the report. */
export function describeStandIns(s: PlatformImport['standIns']): string[] {
  return [
    ...s.ringGroups.map((g) => `ring group “${g.name}” (a queue the flow names)`),
    ...s.agents.map((a) => `agent “${a.name}”`),
    ...s.flows.map((f) => `empty flow “${f.name}” (the flow continues there)`),
    ...s.numbers.map((n) => `phone number ${n.number} calling the flow`),
  ];
}

const FIDELITY_WORDS = { simulated: 'simulated', approximated: 'approximated', 'not-simulated': 'not simulated' } as const;

/** The words the editor shows for a fidelity. */
export function fidelityWords(f: keyof typeof FIDELITY_WORDS): string {
  return FIDELITY_WORDS[f];
}

/** Rows of a report by fidelity, for the summary line. */
export function fidelityCounts(report: ImportReport | ExportReport): Record<keyof typeof FIDELITY_WORDS, number> {
  const out = { simulated: 0, approximated: 0, 'not-simulated': 0 };
  for (const r of report.rows) out[r.fidelity]++;
  return out;
}

/** The file name a flow exported in `format` downloads as. */
export function exportFileName(flow: FlowDoc, format: FormatName): string {
  return `${flow.id}.${format}.json`;
}

/** Whether an export report refuses the file (the platform's limits): nothing may be downloaded. */
export function exportRefused(report: ExportReport): boolean {
  return report.problems.some((p) => p.severity === 'error');
}
