/**
 * Every `recflow` command the README shows runs as written from the repository's root: each line of a `sh` block
 * that runs `npx recflow` (alone, one after another with `&&`, or reading a file through `cat … |`) is run with
 * the CLI's own entry point and must not be refused (exit 2) or fail unexpectedly. They run in a scratch folder
 * that sees the repository's examples/, so what a command writes (`--out my-scenarios`) lands there. Lines after
 * a `cd` run in another project (installing the package: bin/package.test.ts runs that) and are left out.
 */
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../runtime/cli/main.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'recflow-readme-'));
symlinkSync(join(root, 'examples'), join(scratch, 'examples'), 'dir');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The README's shell lines that run recflow in the repository, without trailing comments. */
function recflowLines(): string[] {
  const lines: string[] = [];
  for (const block of readme.matchAll(/```sh\n([\s\S]*?)```/g)) {
    for (const raw of block[1]!.split('\n')) {
      const line = raw.replace(/\s+#.*$/, '').trim();
      if (/^cd /.test(line)) break;
      if (/(^|\| )npx recflow /.test(line) || line === 'npx recflow --help') lines.push(line);
    }
  }
  return lines;
}

describe('README', () => {
  const commands = recflowLines();

  it('shows the CLI commands (validate, simulate, batch, test, diff, diff --calls, cover)', () => {
    const joined = commands.join('\n');
    for (const part of ['recflow validate', 'recflow simulate examples/', 'simulate --batch examples/calls.ndjson', 'simulate --batch -', 'recflow test', 'recflow diff examples/', 'diff --calls', 'recflow cover']) {
      expect(joined).toContain(part);
    }
  });

  it.each(commands)('%s', async (line) => {
    for (const part of line.split(' && ')) {
      const piped = /^cat (\S+) \| (.*)$/.exec(part);
      const command = piped ? piped[2]! : part;
      const args = command.replace(/^npx recflow /, '').split(/\s+/);
      let out = '';
      let err = '';
      const code = await main(args, {
        out: (t) => (out += t),
        err: (t) => (err += t),
        cwd: scratch,
        env: {},
        stdin: () => Readable.from([readFileSync(piped ? join(scratch, piped[1]!) : '/dev/null')]),
      });
      expect(code, `${part}\n${err}`).not.toBe(2);
      expect(out.length, part).toBeGreaterThan(0);
      expect(err, part).not.toMatch(/unexpected failure|no such file|cannot read/);
    }
  });
});
