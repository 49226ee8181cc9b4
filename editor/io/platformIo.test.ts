import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFlow } from '../../runtime/document/flow.ts';
import { createWorkspace, parseWorkspace, type WorkspaceDoc } from '../../runtime/document/workspace.ts';
import { describeImport } from '../../runtime/platforms/format.ts';
import { importPlatformFlow } from '../../runtime/platforms/formats.ts';
import { createEditorStore } from '../store/store.ts';
import { applyImport, planImport } from './importDoc.ts';
import { switchLabel, switchPlatform } from '../settings/platform.ts';
import { describeStandIns, fidelityCounts, planIfPlatform } from './platformIo.ts';

const fixture = (name: string) => readFileSync(new URL(`../../runtime/platforms/amazon-connect/fixtures/${name}`, import.meta.url), 'utf8');
const example = readFileSync(new URL('../../examples/amazon-connect/support-line.json', import.meta.url), 'utf8');

function ws(): WorkspaceDoc {
  const w = createWorkspace('Mine');
  w.flows.push(createFlow('main', 'Main'));
  return w;
}

describe('importing an Amazon Connect flow in the editor', () => {
  it('plans the flow with the same report the CLI prints, told from the content', () => {
    const plan = planImport(example, ws(), planIfPlatform);
    const cli = importPlatformFlow(example);
    if (plan.kind !== 'platform' || !cli.ok) throw new Error(`expected an import, got ${plan.kind}`);
    expect(plan.platform).toBe('amazon-connect');
    expect(describeImport(plan.report)).toBe(describeImport(cli.report));
    expect(plan.flow).toEqual(cli.flow);
    expect(plan.renamedFrom).toBeUndefined();
    const counts = fidelityCounts(plan.report);
    expect(counts.simulated + counts.approximated + counts['not-simulated']).toBe(cli.report.rows.length);
  });

  it('reads a DescribeContactFlow response as the flow it holds', () => {
    const plan = planImport(fixture('describe-contact-flow.json'), ws(), planIfPlatform);
    expect(plan.kind).toBe('platform');
  });

  it('adds the flow and its stand-ins as one undo step; the workspace stays valid; undo takes all of it away', () => {
    const store = createEditorStore(ws(), 'main');
    const plan = planImport(example, store.getState().workspace, planIfPlatform);
    if (plan.kind !== 'platform') throw new Error('expected an import');
    expect(describeStandIns(plan.standIns).length).toBeGreaterThan(0);
    const before = store.getState().workspace;
    expect(applyImport(store, plan)).toBe(true);
    const after = store.getState().workspace;
    expect(store.getState().currentFlowId).toBe(plan.flow.id);
    expect(after.flows.map((f) => f.id)).toContain(plan.flow.id);
    expect(after.ringGroups.length).toBe(before.ringGroups.length + plan.standIns.ringGroups.length);
    expect(parseWorkspace(JSON.parse(JSON.stringify(after))).ok).toBe(true);
    expect(store.getState().past).toHaveLength(1);
    store.undo();
    expect(store.getState().workspace).toEqual(before);
  });

  it('a second import of the same file gets a fresh flow id and number, and reuses the stand-ins already there', () => {
    const store = createEditorStore(ws(), 'main');
    const first = planImport(example, store.getState().workspace, planIfPlatform);
    if (first.kind !== 'platform') throw new Error('expected an import');
    applyImport(store, first);
    const second = planImport(example, store.getState().workspace, planIfPlatform);
    if (second.kind !== 'platform') throw new Error('expected an import');
    expect(second.renamedFrom).toBe(first.flow.id);
    expect(second.flow.id).toBe(`${first.flow.id}-2`);
    expect(second.standIns.ringGroups).toEqual([]);
    expect(second.standIns.agents).toEqual([]);
    expect(second.standIns.numbers).toHaveLength(1);
    const number = second.standIns.numbers[0]!;
    expect(number.flowId).toBe(second.flow.id);
    const entry = second.flow.nodes.find((n) => Array.isArray((n.data as { numberIds?: unknown }).numberIds))!;
    expect((entry.data as { numberIds: string[] }).numberIds).toEqual([number.id]);
    applyImport(store, second);
    expect(parseWorkspace(JSON.parse(JSON.stringify(store.getState().workspace))).ok).toBe(true);
  });

  it.each([
    ['refused/older-export.json', '$.modules'],
    ['refused/start-names-nothing.json', '$.StartAction'],
    ['refused/next-names-nothing.json', '$.Actions[0].Transitions.Errors[0].NextAction'],
    ['refused/duplicate-identifiers.json', '$.Actions[2].Identifier'],
  ])('refuses %s with the JSON path %s and changes nothing', (file, path) => {
    const store = createEditorStore(ws(), 'main');
    const plan = planImport(fixture(file), store.getState().workspace, planIfPlatform);
    expect(plan.kind).toBe('refused');
    expect(plan.kind === 'refused' && plan.errors.map((e) => e.path)).toContain(path);
    expect(applyImport(store, plan)).toBe(false);
    expect(store.getState().past).toHaveLength(0);
  });

  it('a file that is neither Recflow nor a platform flow is refused saying both', () => {
    const plan = planImport(fixture('refused/not-connect.json'), ws(), planIfPlatform);
    expect(plan.kind === 'refused' && plan.errors[0]!.message).toMatch(/not a Recflow document or a platform flow/);
  });

  it('without the platform formats loaded, a Connect flow is refused as no Recflow document', () => {
    expect(planImport(example, ws())).toMatchObject({ kind: 'refused', errors: [{ path: '$.format' }] });
  });

  it('R30: the report\'s offer to model Connect is one undo step, and nothing when already on it', () => {
    const store = createEditorStore(ws(), 'main');
    const offer = () => store.change(switchPlatform('amazon-connect'), switchLabel('amazon-connect'));
    expect(offer()).toBe(true);
    expect(store.getState().workspace.platform).toBe('amazon-connect');
    expect(store.getState().past).toHaveLength(1);
    expect(offer()).toBe(false);
    store.undo();
    expect(store.getState().workspace.platform).toBe('talkdesk');
  });
});
