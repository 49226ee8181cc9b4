import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CallResult } from '../call/types.ts';
import { loadExampleWorkspace } from '../../examples/index.ts';
import { serializeWorkspace } from '../document/workspace.ts';
import { main } from './main.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

async function cli(args: string[], cwd = root) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), cwd });
  return { code, out, err };
}

const call = { direction: 'inbound', numberId: 'num-support', callerNumber: '+15550111' };

async function tempScenario(scenario: object): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'recflow-'));
  const file = join(dir, 'scenario.json');
  await writeFile(file, JSON.stringify(scenario));
  return file;
}

describe('recflow simulate', () => {
  it('R21: prints the result of a scenario as JSON, taking workspace and flow from the scenario', async () => {
    const r = await cli(['simulate', 'examples/scenarios/support-tech-answered.json']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out) as CallResult;
    expect(result.totalRecordedSeconds).toBe(132);
    expect(result.segments).toHaveLength(1);
  });

  it('R21: --workspace and --flow override the scenario and resolve from the working directory', async () => {
    const file = await tempScenario({ call, actions: [{ at: 8, type: 'press', digit: '2' }, { at: 12, type: 'answer', agentId: 'ag-dev' }, { at: 40, type: 'hangUp', party: 'contact' }] });
    const r = await cli(['simulate', '--workspace', 'examples/workspace.json', '--flow', 'examples/flows/support-line.json', file]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as CallResult).segments).toMatchObject([{ start: 12, end: 40 }]);
  });

  it('bad input: a clear message and exit 2', async () => {
    expect(await cli(['simulate'])).toMatchObject({ code: 2, err: expect.stringMatching(/exactly one scenario/) });
    expect(await cli(['simulate', 'nope.json', '-w', 'examples/workspace.json'])).toMatchObject({ code: 2, err: expect.stringMatching(/nope.json: cannot read the file: no such file/) });
    const backwards = await tempScenario({ call, actions: [{ at: 9, type: 'wait' }, { at: 3, type: 'press', digit: '1' }] });
    expect(await cli(['simulate', '-w', 'examples/workspace.json', backwards])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/\$\.actions\[1\]\.at: time goes backwards/),
    });
    const badAction = await tempScenario({ call, actions: [{ at: 1, type: 'dance' }] });
    expect((await cli(['simulate', '-w', 'examples/workspace.json', badAction])).code).toBe(2);
    const noFlow = await tempScenario({ call, actions: [] });
    expect(await cli(['simulate', '-w', 'examples/workspace.json', noFlow])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/runs flow "support-line", which the workspace does not hold/),
    });
    expect(await cli(['simulate', '--bogus'])).toMatchObject({ code: 2 });
  });
});

describe('recflow test', () => {
  it('prints FAIL with a readable difference and exits 1 when an expectation does not hold', async () => {
    const text = await readFile(join(root, 'examples/scenarios/support-tech-answered.json'), 'utf8');
    const scenario = JSON.parse(text) as Record<string, unknown> & { expect: Record<string, unknown> };
    scenario.workspace = join(root, 'examples/workspace.json');
    scenario.flow = join(root, 'examples/flows/support-line.json');
    scenario.expect = { totalRecordedSeconds: 100, segments: [{ start: 8, end: 100 }] };
    const file = await tempScenario(scenario);
    const r = await cli(['test', file]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^FAIL /m);
    expect(r.out).toContain('$.totalRecordedSeconds: expected 100, got 132');
    expect(r.out).toContain('$.segments[0].end: expected 100, got 140');
    expect(r.out).toContain('actual segments: 8–140 hang-up');
    expect(r.out).toMatch(/0 passed, 1 failed/);
  });

  it('skips scenarios without expectations, reports unreadable ones and exits 2 for them', async () => {
    const noExpect = await tempScenario({ workspace: join(root, 'examples/workspace.json'), call, actions: [] });
    expect(await cli(['test', noExpect])).toMatchObject({ code: 0, out: expect.stringMatching(/SKIP .*\n.*no "expect" field/) });
    const broken = await tempScenario({ call: {} });
    expect(await cli(['test', broken])).toMatchObject({ code: 2, out: expect.stringMatching(/ERROR /) });
    expect(await cli(['test'])).toMatchObject({ code: 2 });
    expect(await cli(['test', 'no/such/dir'])).toMatchObject({ code: 2 });
  });

  it('in a folder, flow, workspace and platform flow documents are left out and named once; named on their own they are an error', async () => {
    const r = await cli(['test', 'examples']);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/^(ERROR|SKIP)/m);
    expect(r.out).toContain(
      'Not scenarios, left out: examples/amazon-connect/describe-contact-flow.json (an Amazon Connect flow), examples/amazon-connect/support-line.json (an Amazon Connect flow), examples/flows/claims-line.json (a flow document), examples/flows/outside-transfer.json (a flow document), examples/flows/payments-line.json (a flow document), examples/flows/support-line.json (a flow document), examples/published/support-line.json (a flow document), examples/twilio-studio/support-line.json (a Twilio Studio flow definition), examples/workspace.json (a workspace document)',
    );
    expect(r.out).toMatch(/15 passed, 0 failed, 0 skipped, 0 could not run/);
    const json = JSON.parse((await cli(['test', 'examples', '--json'])).out) as { notScenarios: unknown[]; scenarios: unknown[] };
    expect(json.notScenarios).toHaveLength(9);
    expect(json.scenarios).toHaveLength(15);
    expect(await cli(['test', 'examples/flows/support-line.json'])).toMatchObject({ code: 2, out: expect.stringMatching(/this is a flow document, not a scenario/) });
    expect(await cli(['test', 'examples/amazon-connect/support-line.json'])).toMatchObject({
      code: 2,
      out: expect.stringMatching(/this is an Amazon Connect flow, not a scenario/),
    });
  });

  it('runs the saved scenarios a workspace document holds (the editor\'s workspace export), named or found in a folder', async () => {
    // The example workspace with its flows in it, as the editor exports it.
    const ws = JSON.parse(serializeWorkspace(loadExampleWorkspace())) as Record<string, unknown>;
    const tech = JSON.parse(await readFile(join(root, 'examples/scenarios/support-tech-answered.json'), 'utf8')) as Record<string, unknown>;
    const { workspace: _w, flow: _f, ...scenario } = tech;
    ws.scenarios = [
      { id: 'sc-pass', flowId: 'support-line', runs: 'number', savedAt: '2026-11-30T09:00:00Z', scenario },
      { id: 'sc-fail', flowId: 'support-line', runs: 'flow', savedAt: '2026-11-30T09:00:00Z', scenario: { ...scenario, name: 'Wrong total', expect: { totalRecordedSeconds: 100 } } },
      { id: 'sc-none', flowId: null, savedAt: '2026-11-30T09:00:00Z', scenario: { ...scenario, name: 'No expectation', expect: undefined } },
    ];
    const dir = await mkdtemp(join(tmpdir(), 'recflow-ws-'));
    const file = join(dir, 'northwind.workspace.json');
    await writeFile(file, JSON.stringify(ws));
    const r = await cli(['test', 'northwind.workspace.json'], dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`PASS  northwind.workspace.json#scenarios[0]  Support: caller picks technical support, Ben answers`);
    expect(r.out).toContain(`FAIL  northwind.workspace.json#scenarios[1]  Wrong total\n        $.totalRecordedSeconds: expected 100, got 132`);
    expect(r.out).toContain(`SKIP  northwind.workspace.json#scenarios[2]  No expectation`);
    expect(r.out).toMatch(/1 passed, 1 failed, 1 skipped, 0 could not run/);
    // In a folder too; a workspace without saved scenarios stays left out.
    expect((await cli(['test', dir])).out).toMatch(/1 passed, 1 failed, 1 skipped/);
    // recflow validate reads the same file as the workspace of a flow.
    expect(await cli(['validate', join(root, 'examples/flows/support-line.json'), '--workspace', file])).toMatchObject({ code: 0 });
    expect(await cli(['test', 'examples/workspace.json'])).toMatchObject({ code: 2, out: expect.stringMatching(/this is a workspace document without saved scenarios/) });
  });

  it('--json reports every scenario of a folder', async () => {
    const r = await cli(['test', 'examples/scenarios', '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { passed: number; failed: number; scenarios: Array<{ status: string }> };
    expect(report.passed).toBe(15);
    expect(report.scenarios.every((s) => s.status === 'pass')).toBe(true);
  });
});

describe('recflow --version', () => {
  it('prints the version of package.json', async () => {
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) expect(await cli([flag])).toEqual({ code: 0, out: `recflow ${pkg.version}\n`, err: '' });
  });
});
