/**
 * The command line's shared parsing, run in-process through `main`: the
 * command list, `--help` for the CLI and for each command, and bad usage
 * refused with the parser's reason and the usage (exit 2), as the README's
 * CLI sections document.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { commandArgs } from './args.ts';
import { type CliIO, commands, EXIT, main, usage } from './main.ts';

function io(): CliIO & { outText: () => string; errText: () => string } {
  let out = '';
  let err = '';
  return { out: (t) => (out += t), err: (t) => (err += t), cwd: process.cwd(), outText: () => out, errText: () => err };
}

async function cli(args: string[]) {
  const o = io();
  const code = await main(args, o);
  return { code, out: o.outText(), err: o.errText() };
}

const USAGE = `Usage: recflow <command> [options]

Commands:
  validate  ${commands.validate!.summary}
  simulate  ${commands.simulate!.summary}
  test      ${commands.test!.summary}
  diff      ${commands.diff!.summary}
  cover     ${commands.cover!.summary}
  import    ${commands.import!.summary}
  export    ${commands.export!.summary}

Run \`recflow <command> --help\` for a command's options, \`recflow --version\` for the version.
Exit codes: 0 ok, 1 errors found, 2 bad usage or unreadable input.
`;

describe('recflow: the command list', () => {
  afterEach(() => {
    delete commands.boom;
  });

  it('lists every command with its summary, aligned, and the exit codes', () => {
    expect(usage()).toBe(USAGE);
    expect(EXIT).toEqual({ ok: 0, problems: 1, usage: 2 });
  });

  it.each([['--help'], ['-h'], ['help']])('%s prints the command list on stdout and exits 0', async (flag) => {
    expect(await cli([flag])).toEqual({ code: 0, out: USAGE, err: '' });
  });

  it('no command prints the command list on stderr and exits 2', async () => {
    expect(await cli([])).toEqual({ code: 2, out: '', err: USAGE });
  });

  it('an unknown command is named, then the command list; exit 2', async () => {
    expect(await cli(['fax'])).toEqual({ code: 2, out: '', err: `recflow: unknown command "fax"\n\n${USAGE}` });
    // Names inherited from Object are not commands either.
    expect((await cli(['toString'])).err).toBe(`recflow: unknown command "toString"\n\n${USAGE}`);
  });

  it('a command that fails unexpectedly exits 2 with its message, not a stack trace', async () => {
    commands.boom = {
      summary: 'fails',
      usage: 'Usage: recflow boom',
      run: async () => {
        throw new Error('disk on fire');
      },
    };
    expect(await cli(['boom'])).toEqual({ code: 2, out: '', err: 'recflow boom: unexpected failure: disk on fire\n' });
    commands.boom.run = async () => {
      throw 'plain text';
    };
    expect(await cli(['boom'])).toEqual({ code: 2, out: '', err: 'recflow boom: unexpected failure: plain text\n' });
  });

  it.each(Object.keys(commands))('recflow %s --help prints that command’s usage and exits 0', async (name) => {
    expect(await cli([name, '--help'])).toEqual({ code: 0, out: commands[name]!.usage, err: '' });
    expect(await cli([name, '-h'])).toEqual({ code: 0, out: commands[name]!.usage, err: '' });
  });

  it.each(Object.keys(commands))('recflow %s refuses an unknown option with the parser’s reason and the usage; exit 2', async (name) => {
    const r = await cli([name, '--colour']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(new RegExp(`^recflow ${name}: .*'--colour'.*\\n\\n`));
    expect(r.err.endsWith(commands[name]!.usage)).toBe(true);
  });
});

describe('commandArgs: the option parser every command shares', () => {
  const options = { json: { type: 'boolean' }, flow: { type: 'string' } } as const;

  it('returns the options and the positionals', () => {
    const o = io();
    const parsed = commandArgs('x', 'Usage: x', ['a.json', '--json', '--flow', 'f.json', 'b.json'], options, o);
    expect(typeof parsed).toBe('object');
    if (typeof parsed === 'number') return;
    expect(parsed.values).toEqual({ json: true, flow: 'f.json' });
    expect(parsed.positionals).toEqual(['a.json', 'b.json']);
    expect(o.outText() + o.errText()).toBe('');
  });

  it('refuses a string option given no value, naming the command', () => {
    const o = io();
    expect(commandArgs('x', 'Usage: x', ['--flow'], options, o)).toBe(2);
    expect(o.errText()).toMatch(/^recflow x: .*--flow.*\n\nUsage: x$/s);
  });

  it('refuses a value given to a boolean option', () => {
    const o = io();
    expect(commandArgs('x', 'Usage: x', ['--json=yes'], options, o)).toBe(2);
    expect(o.errText()).toMatch(/^recflow x: .*--json/);
  });

  it('--help wins over the other arguments and prints the usage', () => {
    const o = io();
    expect(commandArgs('x', 'Usage: x', ['a.json', '--json', '--help'], options, o)).toBe(0);
    expect(o.outText()).toBe('Usage: x');
    expect(o.errText()).toBe('');
  });
});
