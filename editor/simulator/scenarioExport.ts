/**
 * Scenarios as a file for `recflow test`.
 */
import type { WorkspaceDoc } from '../../runtime/document/workspace.ts';
import type { SavedScenario } from './scenarios.ts';

export function exportFileName(ws: WorkspaceDoc): string {
  const base = ws.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'workspace';
  return `${base}.scenarios.json`;
}

export function exportScenarios(_ws: WorkspaceDoc, scenarios: readonly SavedScenario[]): string {
  return `${JSON.stringify(
    {
      format: 'recflow.scenarios',
      version: 1,
      scenarios: scenarios.map((s) => ({ name: s.name, flowId: s.flowId, start: s.start, steps: s.steps, expect: s.expect })),
    },
    null,
    2,
  )}\n`;
}
