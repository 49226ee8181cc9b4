/** Output paths that cannot be written: `cannot write <path>: <why>` and exit 2, never the catch-all. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './testCli.ts';

const SUPPORT = 'examples/flows/support-line.json';
const CONNECT = 'examples/amazon-connect/support-line.json';

describe('an output path that cannot be written', () => {
  it('export -o into a folder that does not exist', async () => {
    const missing = join(await mkdtemp(join(tmpdir(), 'recflow-out-')), 'no-such-dir', 'x.json');
    for (const json of [[], ['--json']]) {
      const r = await cli(['export', SUPPORT, '--to', 'amazon-connect', '-o', missing, ...json]);
      expect(r).toMatchObject({ code: 2, err: `recflow export: cannot write ${missing}: its folder does not exist\n` });
    }
  });

  it('import -o and --workspace-out', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'recflow-out-'));
    const missing = join(dir, 'no-such-dir', 'w.json');
    expect(await cli(['import', CONNECT, '-o', missing])).toMatchObject({ code: 2, err: `recflow import: cannot write ${missing}: its folder does not exist\n` });
    expect(await cli(['import', CONNECT, '-o', join(dir, 'f.json'), '--workspace-out', dir])).toMatchObject({
      code: 2,
      err: `recflow import: cannot write ${dir}: it is a folder\n`,
    });
  });

  it('cover --out naming an existing file', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'recflow-out-')), 'afile');
    await writeFile(file, '');
    const r = await cli(['cover', SUPPORT, '--out', file]);
    expect(r).toMatchObject({ code: 2, err: `recflow cover: cannot write ${file}: a file is in the way where a folder is needed\n` });
  });
});
