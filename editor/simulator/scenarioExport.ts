/**
 * Scenarios as files `recflow test` reads: one scenario document per file
 * (runtime/call/scenario.ts format), each naming the workspace (and, when
 * the call ran a chosen flow, that flow) by a path relative to itself, all
 * in one ZIP: `workspace.json`, `flows/<id>.json`, `scenarios/<name>.json`.
 * Unzip and run `recflow test scenarios`.
 */
import type { Scenario } from '../../runtime/call/scenario.ts';
import { serializeFlow } from '../../runtime/document/flow.ts';
import { serializeWorkspace, type WorkspaceDoc } from '../../runtime/document/workspace.ts';
import type { SavedScenario } from './scenarios.ts';
import { type ZipEntry, zip } from './zip.ts';

export const slug = (text: string, fallback: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || fallback;

export function exportFileName(ws: WorkspaceDoc): string {
  return `${slug(ws.name, 'workspace')}-scenarios.zip`;
}

/** The files of the export, by path. */
export function scenarioFiles(ws: WorkspaceDoc, saved: readonly SavedScenario[]): ZipEntry[] {
  const files: ZipEntry[] = [{ path: 'workspace.json', text: serializeWorkspace(ws) }];
  const flowFiles = new Set<string>();
  const names = new Set<string>();
  saved.forEach((s, i) => {
    const doc: Scenario = { ...s.scenario, workspace: '../workspace.json' };
    if (s.flowChoice.kind === 'flow') {
      const flowId = s.flowChoice.flowId;
      const flow = ws.flows.find((f) => f.id === flowId);
      if (flow && !flowFiles.has(flowId)) {
        flowFiles.add(flowId);
        files.push({ path: `flows/${flowId}.json`, text: serializeFlow(flow) });
      }
      doc.flow = `../flows/${flowId}.json`;
    } else {
      delete doc.flow;
    }
    let base = slug(s.scenario.name ?? '', `scenario-${i + 1}`);
    while (names.has(base)) base = `${base}-${i + 1}`;
    names.add(base);
    files.push({ path: `scenarios/${base}.json`, text: `${JSON.stringify(doc, null, 2)}\n` });
  });
  return files;
}

export function exportScenarios(ws: WorkspaceDoc, saved: readonly SavedScenario[]): Uint8Array {
  return zip(scenarioFiles(ws, saved));
}
