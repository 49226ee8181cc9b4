import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';
import { forPeople } from './text.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), cwd: root });
  return { code, out, err };
}

/** Anything a terminal would act on: ESC, BEL, CR, C1 controls, bidirectional overrides. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the test.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** A label that would clear the screen, retitle the window and plant a link if printed raw. */
const HOSTILE = '\u001b]0;pwned\u0007\u001b[2J\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\\u009b31m\u202eevil\r';

async function hostileFlow(): Promise<string> {
  const flow = JSON.parse(await readFile(join(root, 'examples/flows/support-line.json'), 'utf8')) as { nodes: Array<{ data: { label: string } }> };
  flow.nodes[0]!.data.label = HOSTILE;
  const dir = await mkdtemp(join(tmpdir(), 'recflow-text-'));
  const file = join(dir, 'hostile.json');
  await writeFile(file, JSON.stringify(flow));
  return file;
}

describe('text for people', () => {
  it('forPeople writes control characters as \\u escapes and leaves text, tabs and newlines alone', () => {
    expect(forPeople('Menu\t1\n\u001b[2J\u009b\u202e é')).toBe('Menu\t1\n\\u001b[2J\\u009b\\u202e é');
    // On JSON text the escapes are JSON's own: the value reads back the same.
    const json = JSON.stringify({ label: HOSTILE });
    expect(JSON.parse(forPeople(json))).toEqual({ label: HOSTILE });
  });

  it('diff, validate and test print no control character from a label or a name', async () => {
    const file = await hostileFlow();
    const diff = await cli(['diff', 'examples/flows/support-line.json', file]);
    expect(diff.code).toBe(1);
    expect(diff.out).toContain('\\u001b]0;pwned');
    expect(diff.out + diff.err).not.toMatch(CONTROL);
    const json = await cli(['diff', '--json', 'examples/flows/support-line.json', file]);
    expect(json.out).not.toMatch(CONTROL);
    expect(JSON.stringify(JSON.parse(json.out))).toContain('pwned');

    const flow = JSON.parse(await readFile(file, 'utf8')) as { nodes: Array<{ id: string; data: Record<string, unknown> }> };
    flow.nodes[1]!.data.bogus = 1;
    flow.nodes[1]!.data.label = HOSTILE;
    await writeFile(file, JSON.stringify(flow));
    const validate = await cli(['validate', file]);
    expect(validate.code).toBe(2);
    expect(validate.out + validate.err).not.toMatch(CONTROL);

    const scenario = join(root, 'examples/scenarios/support-tech-answered.json');
    const s = JSON.parse(await readFile(scenario, 'utf8')) as Record<string, unknown>;
    const dir = await mkdtemp(join(tmpdir(), 'recflow-text-'));
    await writeFile(join(dir, 's.json'), JSON.stringify({ ...s, name: HOSTILE, workspace: join(root, 'examples/workspace.json'), flow: join(root, 'examples/flows/support-line.json') }));
    const test = await cli(['test', dir]);
    expect(test.code).toBe(0);
    expect(test.out).toContain('pwned');
    expect(test.out + test.err).not.toMatch(CONTROL);
  });

  it('a document with thousands of unknown keys lists 20 errors and how many more, as text and as JSON', async () => {
    const flow = JSON.parse(await readFile(join(root, 'examples/flows/support-line.json'), 'utf8')) as Record<string, unknown>;
    for (let i = 0; i < 30_000; i++) flow[`k${i}`] = 1;
    const dir = await mkdtemp(join(tmpdir(), 'recflow-text-'));
    const file = join(dir, 'keys.json');
    await writeFile(file, JSON.stringify(flow));
    const text = await cli(['validate', file]);
    expect(text.code).toBe(2);
    expect(text.err).toContain('cannot be used (30,000 errors)');
    expect(text.err).toContain('and 29,980 more');
    expect(text.err.split('\n').length).toBeLessThan(30);
    const json = await cli(['validate', '--json', file]);
    const report = JSON.parse(json.out) as { documentErrors: Array<{ errors: unknown[]; moreErrors: number }> };
    expect(report.documentErrors[0]).toMatchObject({ moreErrors: 29_980 });
    expect(report.documentErrors[0]!.errors).toHaveLength(20);
    const simulate = await cli(['simulate', '--flow', file, 'examples/scenarios/support-tech-answered.json']);
    expect(simulate.code).toBe(2);
    expect(simulate.err.length).toBeLessThan(1000);
    expect(simulate.err).toContain('and 29,995 more');
  }, 30_000);
});
