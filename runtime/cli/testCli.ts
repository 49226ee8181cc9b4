/** Running the CLI in-process for the command tests: exit code and what it printed, from the repository root. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from './main.ts';

export const root = fileURLToPath(new URL('../../', import.meta.url));

export async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), cwd: root });
  return { code, out, err };
}

/** Writes `content` to a fresh temporary folder and returns the file's path. */
export async function temp(name: string, content: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'recflow-cli-'));
  const file = join(dir, name);
  await writeFile(file, content);
  return file;
}

/** The NDJSON lines a batch printed. */
export const jsonLines = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
