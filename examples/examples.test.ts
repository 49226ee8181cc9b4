import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFlow, type Problem } from '../runtime/checks/checkFlow.ts';
import { parseFlow } from '../runtime/document/flow.ts';
import { parseWorkspace } from '../runtime/document/workspace.ts';
import { loadExampleFlow, loadExampleWorkspace } from './index.ts';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const flowFiles = readdirSync(new URL('./flows/', import.meta.url)).filter((f) => f.endsWith('.json'));
const summary = (ps: Problem[]) => ps.map((p) => `${p.severity} ${p.code} ${p.nodeId ?? ''}`.trim());

describe('examples', () => {
  it('the workspace file parses on its own', () => {
    const result = parseWorkspace(read('./workspace.json'));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it.each(flowFiles)('flows/%s parses and round-trips', (file) => {
    const result = parseFlow(read(`./flows/${file}`));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('loadExampleWorkspace holds the four flows, and every number runs one of them or none', () => {
    const ws = loadExampleWorkspace();
    expect(ws.flows.map((f) => f.id)).toEqual(['support-line', 'payments-line', 'outside-transfer', 'claims-line']);
    const flowIds = new Set(ws.flows.map((f) => f.id));
    for (const n of ws.numbers) if (n.flowId !== null) expect(flowIds.has(n.flowId)).toBe(true);
    for (const f of ws.flows) expect(ws.numbers.some((n) => n.flowId === f.id)).toBe(true);
    expect(loadExampleWorkspace()).not.toBe(ws);
  });

  it('R1/R2/R22: the workspace shows overrides, two ring groups and three roles with different scopes', () => {
    const ws = loadExampleWorkspace();
    expect(ws.numbers.length).toBeGreaterThanOrEqual(3);
    expect(ws.numbers.filter((n) => n.override.enabled)).toHaveLength(1);
    expect(ws.agents.length).toBeGreaterThanOrEqual(4);
    expect(ws.ringGroups).toHaveLength(2);
    expect(ws.roles.map((r) => r.name)).toEqual(['Admin', 'Supervisor', 'Agent']);
    expect(new Set(ws.roles.map((r) => `${r.listen.scope}/${r.download.allowed}/${r.download.scope}`)).size).toBe(3);
  });

  it('every node sits on the canvas top to bottom, in rows 220 px apart', () => {
    for (const flow of loadExampleWorkspace().flows) {
      const start = flow.nodes.find((n) => n.kind === 'start')!;
      for (const n of flow.nodes) {
        expect(n.position.y % 220).toBe(0);
        expect(n.position.y).toBeGreaterThanOrEqual(start.position.y);
      }
      for (const e of flow.edges) {
        const from = flow.nodes.find((n) => n.id === e.source)!;
        const to = flow.nodes.find((n) => n.id === e.target)!;
        // Only retry loops (back to a menu) may point upwards.
        if (to.position.y <= from.position.y) expect(to.kind).toBe('menu');
      }
    }
  });

  it('C1–C4: the support line has no problems against the workspace', () => {
    const ws = loadExampleWorkspace();
    expect(checkFlow(loadExampleFlow('support-line')!, { workspace: ws })).toEqual([]);
  });

  it('R5/R6: the payments line turns recording off before card capture and on again, with no problems', () => {
    const ws = loadExampleWorkspace();
    const flow = loadExampleFlow('payments-line')!;
    const order = ['record', 'pause', 'card', 'resume'].map((id) => flow.nodes.find((n) => n.id === id));
    expect(order.map((n) => (n?.kind === 'recording' ? n.data.record : n?.kind))).toEqual(['on', 'off', 'play', 'on']);
    expect(checkFlow(flow, { workspace: ws })).toEqual([]);
  });

  it('C2/R16: the outside-transfer flow has no errors and only the expected notice warning', () => {
    const ws = loadExampleWorkspace();
    const flow = loadExampleFlow('outside-transfer')!;
    expect(flow.nodes.some((n) => n.kind === 'transfer' && n.data.target.type === 'external')).toBe(true);
    expect(summary(checkFlow(flow, { workspace: ws }))).toEqual(['warning C2-no-notice record']);
  });

  it('R25–R28: the claims line uses a step, a decision, a queue and a flow node once each, with no problems', () => {
    const ws = loadExampleWorkspace();
    const flow = loadExampleFlow('claims-line')!;
    const count = (kind: string) => flow.nodes.filter((n) => n.kind === kind).length;
    expect(['step', 'decision', 'queue', 'flow'].map(count)).toEqual([1, 1, 1, 1]);
    // The flow node hands payments to another flow of the workspace (R28).
    const handOver = flow.nodes.find((n) => n.kind === 'flow');
    expect(handOver?.kind === 'flow' && ws.flows.some((f) => f.id === handOver.data.flowId && f.id !== flow.id)).toBe(true);
    expect(checkFlow(flow, { workspace: ws })).toEqual([]);
  });

  it('C2/R1: without a workspace the examples report the same', () => {
    for (const flow of loadExampleWorkspace().flows) {
      expect(summary(checkFlow(flow))).toEqual(flow.id === 'outside-transfer' ? ['warning C2-no-notice record'] : []);
    }
  });
});

describe('README', () => {
  it('the flow example in "Flow format" parses and has no problems', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Flow format'));
    const example = /```json\n([\s\S]*?)```/.exec(section)?.[1];
    expect(example).toBeDefined();
    const result = parseFlow(example!);
    expect(result.ok ? checkFlow(result.value) : result.errors).toEqual([]);
  });
});
