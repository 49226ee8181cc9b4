/**
 * `recflow diff` as a user runs it: a spawned `node bin/recflow.js` process,
 * checked by exit code and output.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SUPPORT = 'examples/flows/support-line.json';

function recflow(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/recflow.js', ...args], { cwd: ROOT, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'recflow-diff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function edited(name: string, recipe: (flow: { nodes: Array<{ id: string; position: { x: number }; data: Record<string, unknown> }> }) => void): string {
  const flow = JSON.parse(readFileSync(join(ROOT, SUPPORT), 'utf8'));
  recipe(flow);
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(flow));
  return path;
}

// Each test spawns the CLI two or three times: seconds apiece on a loaded machine (as validate.test.ts allows).
describe('recflow diff', { timeout: 60_000 }, () => {
  it('exits 0 and says so when two files hold the same flow', async () => {
    const r = await recflow('diff', SUPPORT, SUPPORT);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(`${SUPPORT} → ${SUPPORT}: no differences\n`);
  });

  it('exits 1 and lists each changed field with its old and new value (R6: recording switched off)', async () => {
    const after = edited('off.json', (f) => {
      f.nodes.find((n) => n.id === 'record')!.data.record = 'off';
    });
    const r = await recflow('diff', SUPPORT, after);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      `${SUPPORT} → ${after}: 0 added, 0 removed, 1 changed, 0 moved, 0 connection changes\n` +
        '  changed     Recording "Record support call" (record)\n' +
        '                record: "on" → "off"\n',
    );
  });

  it('--ignore-layout makes a re-layout no difference; --json carries the whole diff', async () => {
    const after = edited('moved.json', (f) => {
      for (const n of f.nodes) n.position.x += 100;
    });
    expect((await recflow('diff', SUPPORT, after)).stdout).toContain('9 moved, 0 connection changes (layout only)');
    expect(await recflow('diff', '--ignore-layout', SUPPORT, after)).toMatchObject({ code: 0 });
    const json = await recflow('diff', '--json', SUPPORT, after);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ identical: false, layoutOnly: true, counts: { moved: 9 } });
  }, 30_000);

  it('--ignore-layout does not say a changed node also moved', async () => {
    const after = edited('changed-and-shifted.json', (f) => {
      const rec = f.nodes.find((n) => n.id === 'record')!;
      rec.data.record = 'off';
      rec.position.x += 100;
    });
    expect((await recflow('diff', SUPPORT, after)).stdout).toContain('Recording "Record support call" (record) (also moved)');
    const ignoring = await recflow('diff', '--ignore-layout', SUPPORT, after);
    expect(ignoring).toMatchObject({ code: 1 });
    expect(ignoring.stdout).toContain('  changed     Recording "Record support call" (record)\n');
    expect(ignoring.stdout).not.toMatch(/\bmoved\b/);
  }, 30_000);

  it('exits 2 naming the file and JSON path of a flow it cannot read, and on bad usage', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ format: 'recflow.flow', version: 2, id: 'x', name: 'x', nodes: [{ id: 'a', kind: 'fax', position: { x: 0, y: 0 }, data: {} }], edges: [] }));
    const r = await recflow('diff', SUPPORT, broken);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${broken}: cannot be used (1 error)`);
    expect(r.stderr).toContain('$.nodes[0].kind: unknown node kind "fax"');
    const usage = await recflow('diff', SUPPORT);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('name two flow files, the older first');
  });
});
