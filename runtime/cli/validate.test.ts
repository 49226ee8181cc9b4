/**
 * `recflow validate` as a user runs it: a spawned `node bin/recflow.js`
 * process, checked by exit code and output.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WORKSPACE = 'examples/workspace.json';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function recflow(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/recflow.js', ...args], { cwd: ROOT, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'recflow-validate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a file into the temp dir and returns its path. */
function fixture(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const support = JSON.parse(readFileSync(join(ROOT, 'examples/flows/support-line.json'), 'utf8'));

// Each test spawns Node processes; give them room on a busy 2-core CI machine.
describe('recflow validate (spawned)', { timeout: 60_000 }, () => {
  it('exit 0 and "0 errors, 0 warnings" for the support line against the example workspace', async () => {
    const r = await recflow('validate', 'examples/flows/support-line.json', '--workspace', WORKSPACE);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('examples/flows/support-line.json against examples/workspace.json: 0 errors, 0 warnings\n');
    expect(r.code).toBe(0);
  });

  it('C2: exit 0 with warnings, each printed with severity, code, node id and path', async () => {
    const r = await recflow('validate', 'examples/flows/outside-transfer.json', '-w', WORKSPACE);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0 errors, 1 warning');
    expect(r.stdout).toMatch(/warning\s+C2-no-notice\s+node "record" \$\.nodes\[1\]/);
    expect(r.stdout).toContain('before the caller has heard a recording notice');
  });

  it('--json prints one object with the problems and their paths', async () => {
    const r = await recflow('validate', 'examples/flows/outside-transfer.json', '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ file: 'examples/flows/outside-transfer.json', ok: true, readable: true, errors: 0, warnings: 1 });
    expect(report.problems).toEqual([
      { severity: 'warning', code: 'C2-no-notice', message: expect.any(String), nodeId: 'record', path: '$.nodes[1]' },
    ]);
  });

  it('C1: exit 1 when the flow has errors, naming the node, port and path', async () => {
    const broken = structuredClone(support);
    broken.edges = broken.edges.filter((e: { id: string }) => e.id !== 'e-ring-noanswer');
    broken.nodes.find((n: { id: string }) => n.id === 'ring-support').data.target.ringGroupId = 'rg-gone';
    const file = fixture('c1.json', JSON.stringify(broken));
    const r = await recflow('validate', file, '--workspace', WORKSPACE);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('2 errors, 0 warnings');
    expect(r.stdout).toMatch(/error\s+C1-port-unconnected\s+node "ring-support" port "noAnswer" \$\.nodes\[6\]/);
    expect(r.stdout).toMatch(/error\s+unknown-ring-group\s+node "ring-support" \$\.nodes\[6\]\.data\.target/);

    const json = JSON.parse((await recflow('validate', file, '--workspace', WORKSPACE, '--json')).stdout);
    expect(json).toMatchObject({ ok: false, errors: 2 });
  });

  it('exit 2 with the JSON path when the file is not valid JSON or not a valid flow', async () => {
    const [bad, unknown] = await Promise.all([
      recflow('validate', fixture('bad.json', '{"format": "recflow.flow",')),
      recflow('validate', fixture('fax.json', JSON.stringify({ ...support, nodes: [support.nodes[0], { ...support.nodes[1], kind: 'fax' }] }))),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('cannot be used (1 error)');
    expect(bad.stderr).toMatch(/\$: not valid JSON/);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('$.nodes[1].kind: unknown node kind "fax"');
    expect(unknown.stdout).toBe('');
  });

  it('exit 2 when a file cannot be read, or the workspace is invalid; --json reports the paths too', async () => {
    const badWorkspace = fixture('ws.json', JSON.stringify({ format: 'recflow.workspace', version: 1, agents: [{ id: 'a', name: 'A', roleId: 'nobody' }] }));
    const [missing, ws, wsJson] = await Promise.all([
      recflow('validate', join(dir, 'missing.json')),
      recflow('validate', 'examples/flows/support-line.json', '--workspace', badWorkspace),
      recflow('validate', 'examples/flows/support-line.json', '--workspace', badWorkspace, '--json'),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('$: cannot read the file: no such file');
    expect(ws.code).toBe(2);
    expect(ws.stderr).toContain('$.agents[0].roleId: no role "nobody"');
    expect(wsJson.code).toBe(2);
    expect(JSON.parse(wsJson.stdout)).toMatchObject({
      ok: false,
      readable: false,
      documentErrors: [{ file: badWorkspace, errors: [{ path: '$.agents[0].roleId', message: 'no role "nobody"' }] }],
    });
  });

  it('usage: --help exits 0; no command, an unknown command, a bad option or no file exit 2 with usage', async () => {
    const [help, validateHelp, none, unknown, badOption, noFile] = await Promise.all([
      recflow('--help'),
      recflow('validate', '--help'),
      recflow(),
      recflow('frobnicate'),
      recflow('validate', 'examples/flows/support-line.json', '--colour'),
      recflow('validate'),
    ]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: recflow <command>');
    expect(help.stdout).toMatch(/validate\s+check a flow document/);
    expect(validateHelp.code).toBe(0);
    expect(validateHelp.stdout).toContain('Usage: recflow validate <flow.json>');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage: recflow <command>');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain("Unknown option '--colour'");
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain('name the flow file to check');
  });
});
