/**
 * Every `recflow` command the README shows runs as written from the repository's root: each line of a `sh` block
 * that runs `npx recflow` (alone, or reading a file through `cat … |`) is run with the CLI's own entry point and
 * must not be refused (exit 2) or fail unexpectedly.
 */
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../runtime/cli/main.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** The README's shell lines that run recflow, without trailing comments. */
function recflowLines(): string[] {
  const lines: string[] = [];
  for (const block of readme.matchAll(/```sh\n([\s\S]*?)```/g)) {
    for (const raw of block[1]!.split('\n')) {
      const line = raw.replace(/\s+#.*$/, '').trim();
      if (/(^|\| )npx recflow /.test(line) || line === 'npx recflow --help') lines.push(line);
    }
  }
  return lines;
}

describe('README', () => {
  const commands = recflowLines();

  it('shows the CLI commands (validate, simulate, batch, test, diff, diff --calls, --version)', () => {
    const joined = commands.join('\n');
    for (const part of ['recflow validate', 'recflow simulate examples/', 'simulate --batch examples/calls.ndjson', 'simulate --batch -', 'recflow test', 'recflow diff examples/', 'diff --calls']) {
      expect(joined).toContain(part);
    }
  });

  it.each(commands)('%s', async (line) => {
    const piped = /^cat (\S+) \| (.*)$/.exec(line);
    const command = piped ? piped[2]! : line;
    const args = command.replace(/^npx recflow /, '').split(/\s+/);
    let out = '';
    let err = '';
    const code = await main(args, {
      out: (t) => (out += t),
      err: (t) => (err += t),
      cwd: root,
      env: {},
      stdin: () => Readable.from([readFileSync(new URL(`../${piped?.[1] ?? '/dev/null'}`, import.meta.url))]),
    });
    expect(code, `${line}\n${err}`).not.toBe(2);
    expect(out.length).toBeGreaterThan(0);
    expect(err).not.toMatch(/unexpected failure|no such file|cannot read/);
  });
});
