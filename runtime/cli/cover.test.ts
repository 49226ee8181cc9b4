/**
 * `recflow cover` through the CLI's entry point (in process, with captured
 * output): coverage printed, scenarios written that `recflow test` passes,
 * and unreadable input refused with exit 2.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from './main.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'recflow-cover-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function recflow(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { out: (t) => (stdout += t), err: (t) => (stderr += t), cwd: ROOT });
  return { code, stdout, stderr };
}

describe('recflow cover', () => {
  it('prints node and port coverage of an example flow and exits 0 when every reachable one is covered', async () => {
    const r = await recflow('cover', 'examples/flows/support-line.json', '--workspace', 'examples/workspace.json');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^examples\/flows\/support-line\.json: nodes 9\/9 \(100%\), ports 11\/11 \(100%\) by \d+ scenarios/);
  });

  it('--out writes scenarios whose current results are their expectations, and recflow test passes them', async () => {
    const out = join(dir, 'payments');
    const r = await recflow('cover', 'examples/flows/payments-line.json', '-w', 'examples/workspace.json', '--out', out);
    expect(r.code).toBe(0);
    const files = readdirSync(out).filter((f) => f.startsWith('cover-'));
    expect(files.length).toBeGreaterThan(0);
    const first = JSON.parse(readFileSync(join(out, files[0]!), 'utf8'));
    expect(first).toMatchObject({ format: 'recflow.scenario', version: 1, call: { direction: 'inbound' } });
    expect(first.expect.path[0]).toBe('start');
    const test = await recflow('test', ...files.map((f) => join(out, f)));
    expect(test.stdout).toMatch(new RegExp(`${files.length} passed, 0 failed`));
    expect(test.code).toBe(0);
  });

  it('without a workspace it runs on the account defaults and writes them beside the scenarios', async () => {
    const out = join(dir, 'partner');
    const r = await recflow('cover', 'examples/flows/outside-transfer.json', '--out', out, '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ ok: true, nodes: { missed: [], unreachable: [] }, ports: { missed: [] } });
    expect(readdirSync(out)).toContain('workspace.json');
  });

  it('exits 2 with a clear message on a flow or workspace it cannot read', async () => {
    const missing = await recflow('cover', 'no-such-flow.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr + missing.stdout).toMatch(/no-such-flow\.json.*\n.*cannot read the file/);
    const notAFlow = await recflow('cover', 'examples/workspace.json');
    expect(notAFlow.code).toBe(2);
    expect(notAFlow.stderr + notAFlow.stdout).toContain('$.format: must be "recflow.flow"');
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "format": "recflow.workspace", ');
    const badWs = await recflow('cover', 'examples/flows/support-line.json', '--workspace', broken);
    expect(badWs.code).toBe(2);
    expect(badWs.stderr + badWs.stdout).toContain('broken.json');
    expect((await recflow('cover')).code).toBe(2);
    expect((await recflow('cover', 'a.json', '--nope')).code).toBe(2);
  });
});
