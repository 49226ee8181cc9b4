import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadExampleWorkspace } from '../../examples/index.ts';
import { parseScenario, type Scenario } from '../../runtime/call/scenario.ts';
import { parseWorkspace, serializeWorkspace, type WorkspaceDoc } from '../../runtime/document/workspace.ts';
import { planImport } from '../io/importDoc.ts';
import { exportScenarios } from './scenarioExport.ts';
import { memoryScenarioStorage } from './scenarioStorage.ts';
import { checkScenario, type SavedScenario } from './scenarios.ts';
import { addScenarios, describeAdded, mergeScenarios, readScenarioFile, savedFromWorkspace, workspaceWithScenarios } from './scenarioTransfer.ts';
import { crc32, unzip, zip } from './zip.ts';

const example = (name: string) => readFileSync(new URL(`../../examples/scenarios/${name}.json`, import.meta.url), 'utf8');

function scenario(name: string): Scenario {
  const parsed = parseScenario(example(name));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const { workspace: _w, flow: _f, ...rest } = parsed.value;
  return rest;
}

const saved = (id: string, flowId: string | null, sc: Scenario, choice: SavedScenario['flowChoice'] = { kind: 'number' }): SavedScenario => ({
  id,
  flowId,
  flowChoice: choice,
  savedAt: '2026-11-30T09:00:00.000Z',
  scenario: sc,
});

function reparse(ws: WorkspaceDoc): WorkspaceDoc {
  const parsed = parseWorkspace(serializeWorkspace(ws));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

const file = (parts: BlobPart[], name: string) => new File(parts, name);

describe('saved scenarios in the workspace file', () => {
  it('export → import in a fresh browser gives back every saved scenario, which still passes', async () => {
    const ws = loadExampleWorkspace();
    const list = [
      saved('sc-tech', 'support-line', scenario('support-tech-answered')),
      saved('sc-card', 'payments-line', scenario('payments-card'), { kind: 'flow', flowId: 'payments-line' }),
    ];
    const { workspace, leftOut } = workspaceWithScenarios(ws, list);
    expect(leftOut).toEqual([]);
    const back = reparse(workspace);
    const restored = savedFromWorkspace(back);
    expect(restored).toEqual(list);
    // A fresh browser: nothing saved yet; importing the workspace saves them, and they run.
    const storage = memoryScenarioStorage();
    const outcome = await addScenarios(storage, restored);
    expect(await storage.load()).toEqual(list);
    expect(describeAdded(back, outcome)).toBe('1 saved scenario added to “Support line”, 1 to “Payments line”.');
    for (const s of await storage.load()) expect(checkScenario(back, s)).toMatchObject({ pass: true, differences: [] });
  });

  it('scenarios of a flow deleted since are left out of the file and named, not written as a broken reference', () => {
    const ws = loadExampleWorkspace();
    const orphan = saved('sc-old', 'gone-flow', scenario('support-tech-answered'));
    const { workspace, leftOut } = workspaceWithScenarios(ws, [orphan, saved('sc-out', null, scenario('outbound-support-number'))]);
    expect(leftOut).toEqual([orphan]);
    expect(reparse(workspace).scenarios.map((s) => s.id)).toEqual(['sc-out']);
  });

  it('clashes are settled like flow clashes: a taken id gets a fresh one, a taken name in the flow a number, an identical scenario is not added twice', () => {
    const tech = scenario('support-tech-answered');
    const existing = [saved('sc-1', 'support-line', tech)];
    const other = { ...tech, expect: { totalRecordedSeconds: 1 } };
    const outcome = mergeScenarios(existing, [saved('sc-1', 'support-line', tech), saved('sc-1', 'support-line', other), saved('sc-9', 'claims-line', tech)]);
    expect(outcome.alreadySaved).toBe(1);
    expect(outcome.added.map((s) => [s.id, s.flowId, s.scenario.name])).toEqual([
      ['sc-1-2', 'support-line', `${tech.name} (2)`],
      ['sc-9', 'claims-line', tech.name],
    ]);
    expect(outcome.renamed).toEqual([{ from: tech.name, to: `${tech.name} (2)` }]);
    expect(outcome.all).toHaveLength(3);
    expect(describeAdded(loadExampleWorkspace(), outcome)).toBe(
      `1 saved scenario added to “Support line”, 1 to “Claims line” (1 already saved; “${tech.name}” renamed “${tech.name} (2)” (the name was taken)).`,
    );
  });
});

describe('scenario files', () => {
  const ws = loadExampleWorkspace();

  it('a scenario file is listed under the flow its path names, and runs it', async () => {
    const read = await readScenarioFile(file([example('payments-card')], 'payments-card.json'), ws, 'support-line');
    expect(read.errors).toEqual([]);
    expect(read.scenarios).toHaveLength(1);
    const s = read.scenarios[0]!;
    expect([s.flowId, s.flowChoice]).toEqual(['payments-line', { kind: 'flow', flowId: 'payments-line' }]);
    // Paths mean nothing in the browser: they are dropped.
    expect(s.scenario).not.toHaveProperty('workspace');
    expect(s.scenario).not.toHaveProperty('flow');
    expect(checkScenario(ws, s).pass).toBe(true);
  });

  it('without a flow path an inbound call runs its number’s flow; with neither, the flow on screen; outbound calls run none', async () => {
    const { flow: _f, ...noPath } = JSON.parse(example('support-tech-answered')) as Record<string, unknown>;
    const byNumber = await readScenarioFile(file([JSON.stringify(noPath)], 'a.json'), ws, 'claims-line');
    expect(byNumber.scenarios.map((s) => [s.flowId, s.flowChoice])).toEqual([['support-line', { kind: 'number' }]]);
    const unknownNumber = { ...noPath, call: { direction: 'inbound', numberId: 'num-nowhere', callerNumber: '+15550111' } };
    const onScreen = await readScenarioFile(file([JSON.stringify(unknownNumber)], 'b.json'), ws, 'claims-line');
    expect(onScreen.scenarios.map((s) => [s.flowId, s.flowChoice])).toEqual([['claims-line', { kind: 'flow', flowId: 'claims-line' }]]);
    const outbound = await readScenarioFile(file([example('outbound-support-number')], 'c.json'), ws, 'claims-line');
    expect(outbound.scenarios.map((s) => [s.flowId, s.flowChoice])).toEqual([[null, { kind: 'number' }]]);
  });

  it('the ZIP "Export for recflow test" writes comes back as the same scenarios, each under its flow', async () => {
    const list = [
      saved('sc-tech', 'support-line', scenario('support-tech-answered')),
      saved('sc-card', 'payments-line', scenario('payments-card'), { kind: 'flow', flowId: 'payments-line' }),
    ];
    const read = await readScenarioFile(file([exportScenarios(ws, list) as Uint8Array<ArrayBuffer>], 'scenarios.zip'), ws, 'claims-line');
    expect(read.errors).toEqual([]);
    expect(read.scenarios.map((s) => [s.flowId, s.flowChoice, s.scenario])).toEqual(list.map((s) => [s.flowId, s.flowChoice, s.scenario]));
  });

  it('a ZIP packed again by another tool (deflated entries) reads too; a damaged one says so', async () => {
    const text = example('support-tech-answered');
    const data = deflateRawSync(Buffer.from(text));
    const stored = zip([{ path: 'scenarios/tech.json', text }]);
    // The same archive with its one entry deflated: method 8 and the packed size in both headers.
    const name = new TextEncoder().encode('scenarios/tech.json');
    const local = new Uint8Array(stored.subarray(0, 30 + name.length));
    const central = new Uint8Array(stored.subarray(30 + name.length + Buffer.byteLength(text), stored.length - 22));
    const end = new Uint8Array(stored.subarray(stored.length - 22));
    const lv = new DataView(local.buffer);
    lv.setUint16(8, 8, true);
    lv.setUint32(18, data.length, true);
    const cv = new DataView(central.buffer);
    cv.setUint16(10, 8, true);
    cv.setUint32(20, data.length, true);
    const ev = new DataView(end.buffer);
    ev.setUint32(16, local.length + data.length, true);
    const deflated = new Uint8Array([...local, ...data, ...central, ...end]);
    expect(await unzip(deflated, 1e6)).toEqual([{ path: 'scenarios/tech.json', text }]);
    expect(crc32(new TextEncoder().encode(text))).toBe(cv.getUint32(16, true));
    const read = await readScenarioFile(file([deflated], 'again.zip'), ws, null);
    expect(read.scenarios.map((s) => s.scenario.name)).toEqual([scenario('support-tech-answered').name]);
    const damaged = new Uint8Array(deflated);
    damaged[local.length + 3]! ^= 0xff;
    expect((await readScenarioFile(file([damaged], 'bad.zip'), ws, null)).errors[0]?.path).toBe('$');
  });

  it('an invalid scenario is refused by JSON path (in a ZIP, after its file), a flow document is sent to the toolbar import', async () => {
    const bad = { ...JSON.parse(example('support-tech-answered')), actions: [{ at: 9, type: 'wait' }, { at: 3, type: 'wait' }] };
    const single = await readScenarioFile(file([JSON.stringify(bad)], 'bad.json'), ws, 'support-line');
    expect(single).toEqual({ scenarios: [], errors: [{ path: '$.actions[1].at', message: 'time goes backwards: 3s comes after 9s' }] });
    const mixed = zip([
      { path: 'workspace.json', text: serializeWorkspace(ws) },
      { path: 'scenarios/good.json', text: example('support-tech-answered') },
      { path: 'scenarios/bad.json', text: JSON.stringify(bad) },
      { path: 'scenarios/notes.json', text: '{"todo": 1}' },
    ]);
    const read = await readScenarioFile(file([mixed as Uint8Array<ArrayBuffer>], 'mixed.zip'), ws, 'support-line');
    expect(read.scenarios).toHaveLength(1);
    expect(read.errors).toEqual([
      { path: 'scenarios/bad.json $.actions[1].at', message: 'time goes backwards: 3s comes after 9s' },
      { path: 'scenarios/notes.json $.format', message: 'not a scenario: expected "recflow.scenario"' },
    ]);
    const flowFile = readFileSync(new URL('../../examples/flows/support-line.json', import.meta.url), 'utf8');
    expect((await readScenarioFile(file([flowFile], 'support-line.json'), ws, null)).errors).toEqual([
      { path: '$.format', message: 'this is a flow document, not a scenario: import it with Import in the toolbar' },
    ]);
  });

  it('the toolbar import recognises a scenario file instead of refusing it as no Recflow document', () => {
    expect(planImport(example('payments-card'), ws)).toEqual({ kind: 'scenarios' });
    expect(planImport('{"format":"recflow.other"}', ws)).toEqual({
      kind: 'refused',
      errors: [{ path: '$.format', message: 'not a Recflow document: expected "recflow.flow", "recflow.workspace" or "recflow.scenario"' }],
    });
  });
});
