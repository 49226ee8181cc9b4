import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFlow } from '../../runtime/document/flow.ts';
import { createWorkspace, parseWorkspace, type WorkspaceDoc } from '../../runtime/document/workspace.ts';
import { describeImport } from '../../runtime/platforms/format.ts';
import { formatNamed, importPlatformFlow } from '../../runtime/platforms/formats.ts';
import { roundTripDifferences } from '../../runtime/platforms/twilio-studio/document.ts';
import { tooManyStates } from '../../runtime/platforms/twilio-studio/fixtures/tooManyStates.ts';
import { createEditorStore } from '../store/store.ts';
import { applyImport, planImport } from './importDoc.ts';
import { switchLabel, switchPlatform } from '../settings/platform.ts';
import { describeStandIns, exportFileName, fidelityCounts, planAsPlatform } from './platformIo.ts';

const fixture = (name: string) => readFileSync(new URL(`../../runtime/platforms/amazon-connect/fixtures/${name}`, import.meta.url), 'utf8');
const example = readFileSync(new URL('../../examples/amazon-connect/support-line.json', import.meta.url), 'utf8');

function ws(): WorkspaceDoc {
  const w = createWorkspace('Mine');
  w.flows.push(createFlow('main', 'Main'));
  return w;
}

describe('importing an Amazon Connect flow in the editor', () => {
  it('plans the flow with the same report the CLI prints, told from the content', () => {
    const plan = planImport(example, ws(), planAsPlatform);
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
    const plan = planImport(fixture('describe-contact-flow.json'), ws(), planAsPlatform);
    expect(plan.kind).toBe('platform');
  });

  it('adds the flow and its stand-ins as one undo step; the workspace stays valid; undo takes all of it away', () => {
    const store = createEditorStore(ws(), 'main');
    const plan = planImport(example, store.getState().workspace, planAsPlatform);
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
    const first = planImport(example, store.getState().workspace, planAsPlatform);
    if (first.kind !== 'platform') throw new Error('expected an import');
    applyImport(store, first);
    const second = planImport(example, store.getState().workspace, planAsPlatform);
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
    const plan = planImport(fixture(file), store.getState().workspace, planAsPlatform);
    expect(plan.kind).toBe('refused');
    expect(plan.kind === 'refused' && plan.errors.map((e) => e.path)).toContain(path);
    expect(applyImport(store, plan)).toBe(false);
    expect(store.getState().past).toHaveLength(0);
  });

  it('a file that is neither Recflow nor a platform flow is refused naming every document the editor imports', () => {
    const plan = planImport(fixture('refused/not-connect.json'), ws(), planAsPlatform);
    expect(plan).toMatchObject({ kind: 'refused', errors: [{ path: '$.format' }] });
    expect(plan.kind === 'refused' && plan.errors[0]!.message).toBe(
      'not a Recflow document or a platform flow: expected "recflow.flow", "recflow.workspace" or "recflow.scenario", or an Amazon Connect flow or a Twilio Studio flow definition',
    );
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

const studio = (name: string) => readFileSync(new URL(`../../runtime/platforms/twilio-studio/fixtures/${name}`, import.meta.url), 'utf8');
/** Written for these tests from Studio's widget pages: every voice widget Recflow maps, and one it keeps as a step. */
const renewals = studio('renewals-line.json');

describe('importing a Twilio Studio flow definition in the editor', () => {
  it('plans it from the content alone with the report the CLI prints, per widget', () => {
    const plan = planImport(renewals, ws(), planAsPlatform);
    const cli = importPlatformFlow(renewals);
    if (plan.kind !== 'platform' || !cli.ok) throw new Error(`expected an import, got ${plan.kind}`);
    expect(plan.platform).toBe('twilio-studio');
    expect(plan.platformName).toBe('Twilio Studio');
    expect(describeImport(plan.report)).toBe(describeImport(cli.report));
    expect(plan.flow).toEqual(cli.flow);
    expect(plan.report.unit).toEqual({ one: 'widget', many: 'widgets' });
    expect(describeImport(plan.report)).toMatch(/^Twilio Studio: 10 widgets imported — 6 simulated, 3 approximated, 1 not simulated \(3 with a part not simulated\)\n/);
    // Per widget: the kind it became and how faithfully, at the JSON path of its state.
    expect(plan.report.rows.map((r) => [r.path, r.actionType, r.kind, r.fidelity])).toEqual([
      ['$.states[0]', 'trigger', 'start', 'simulated'],
      ['$.states[1]', 'say-play', 'play', 'approximated'],
      ['$.states[2]', 'record-call', 'recording', 'simulated'],
      ['$.states[3]', 'gather-input-on-call', 'menu', 'simulated'],
      ['$.states[4]', 'say-play', 'play', 'approximated'],
      // The split on the gather's digits is read with it as one Menu.
      ['$.states[5]', 'split-based-on', 'menu', 'simulated'],
      ['$.states[6]', 'send-to-flex', 'queue', 'simulated'],
      ['$.states[7]', 'connect-call-to', 'transfer', 'approximated'],
      ['$.states[8]', 'record-voicemail', 'voicemail', 'simulated'],
      ['$.states[9]', 'make-http-request', 'step', 'not-simulated'],
    ]);
    // The connected call's record option is approximated, at the JSON path of that property.
    expect(plan.report.rows[7]!.notes).toContainEqual(expect.objectContaining({ fidelity: 'approximated', path: '$.states[7].properties.record' }));
    // The Flex workflow is served by a stand-in agent; a stand-in number calls the flow.
    expect(describeStandIns(plan.standIns)).toEqual([
      'ring group “WW00000000000000000000000000renewals” (a queue the flow names)',
      'agent “Stand-in agent of WW00000000000000000000000000renewals”',
      'phone number +15550100 calling the flow',
    ]);
  });

  it('an unchanged import, exported from the store, gives back the same states, initial state, flags and description', () => {
    const store = createEditorStore(ws(), 'main');
    const plan = planImport(renewals, store.getState().workspace, planAsPlatform);
    if (plan.kind !== 'platform') throw new Error('expected an import');
    expect(applyImport(store, plan)).toBe(true);
    const flow = store.getState().workspace.flows.find((f) => f.id === plan.flow.id)!;
    const out = formatNamed('twilio-studio')!.exportFlow(flow);
    if (!out.ok) throw new Error('expected an export');
    expect(roundTripDifferences(JSON.parse(renewals), JSON.parse(out.text))).toEqual([]);
    expect(out.report.rows.every((r) => r.origin === 'unchanged')).toBe(true);
    expect(exportFileName(flow, 'twilio-studio')).toBe('policy-renewals.twilio-studio.json');
  });

  it.each([
    ['refused/legacy-export.json', studio('refused/legacy-export.json'), '$.InitialState', /legacy export .*Show Flow JSON/],
    ['refused/initial-names-nothing.json', studio('refused/initial-names-nothing.json'), '$.initial_state', /names no state/],
    ['refused/next-names-nothing.json', studio('refused/next-names-nothing.json'), '$.states[1].transitions[0].next', /there is no state "menu"/],
    ['refused/duplicate-names.json', studio('refused/duplicate-names.json'), '$.states[2].name', /duplicate state name "hello"/],
    ['refused/not-studio.json', studio('refused/not-studio.json'), '$.format', /or a Twilio Studio flow definition$/],
    ['1001 states', tooManyStates(), '$.states', /1001 states: Studio accepts at most 1000/],
  ])('refuses %s with the JSON path %s and changes nothing', (_name, text, path, message) => {
    const store = createEditorStore(ws(), 'main');
    const before = store.getState().workspace;
    const plan = planImport(text, before, planAsPlatform);
    if (plan.kind !== 'refused') throw new Error(`expected a refusal, got ${plan.kind}`);
    expect(plan.errors).toContainEqual({ path, message: expect.stringMatching(message) });
    expect(applyImport(store, plan)).toBe(false);
    expect(store.getState().workspace).toBe(before);
    expect(store.getState().past).toHaveLength(0);
  });
});
