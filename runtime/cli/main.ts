/**
 * `recflow <command> …`: the headless entry point for CI pipelines and
 * batch checks. Each command lives in its own file and is listed once in
 * `commands`. Exit codes: 0 success, 1 the input has errors (or a test
 * failed), 2 the command could not run (bad usage, unreadable input).
 */
import { readFileSync } from 'node:fs';
import { coverCommand } from './cover.ts';
import { diffCommand } from './diff.ts';
import { OutputError } from './documents.ts';
import { exportCommand } from './exportCommand.ts';
import { importCommand } from './importCommand.ts';
import { simulateCommand } from './simulate.ts';
import { testCommand } from './test.ts';
import { forPeople } from './text.ts';
import { validateCommand } from './validate.ts';

/** Where a command writes; tests and the CLI pass their own. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Directory relative paths are read from. */
  cwd: string;
  /**
   * Batch output as bytes (NDJSON for tools, written as the workers made it); without it, `out`. A returned
   * promise holds the batch back until the reader took the bytes.
   */
  outBytes?(bytes: Uint8Array): void | Promise<void>;
  /** What `-` reads as a file name (asked for only then: standard input is opened on first use). */
  stdin?(): AsyncIterable<Uint8Array>;
  /** A progress line kept on the terminal (null clears it); given only when standard error is a terminal. */
  status?(line: string | null): void;
  /** Environment variables (`--shard auto` reads array-job indexes). */
  env?: Record<string, string | undefined>;
}

export interface Command {
  /** One line for the command list. */
  summary: string;
  /** The full usage text shown by `recflow <command> --help` and on bad usage. */
  usage: string;
  /** Runs the command with the arguments after its name; resolves to the exit code. */
  run(args: string[], io: CliIO): Promise<number>;
}

/** Every command, one line each. */
export const commands: Record<string, Command> = {
  validate: validateCommand,
  simulate: simulateCommand,
  test: testCommand,
  diff: diffCommand,
  cover: coverCommand,
  import: importCommand,
  export: exportCommand,
};

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

export function usage(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const list = Object.entries(commands)
    .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
    .join('\n');
  return `Usage: recflow <command> [options]\n\nCommands:\n${list}\n\nRun \`recflow <command> --help\` for a command's options, \`recflow --version\` for the version.\nExit codes: 0 ok, 1 errors found, 2 bad usage or unreadable input.\n`;
}

/** The real process's streams, read when `main` runs (a terminal may be attached or not by then). */
function processIO(): CliIO {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    // Back-pressure: the batch waits while stdout's buffer is full, so a slow reader does not fill the memory.
    outBytes: (bytes) => {
      if (!process.stdout.write(bytes)) return new Promise((resolve) => process.stdout.once('drain', resolve));
    },
    stdin: () => process.stdin,
    env: process.env,
    ...(process.stderr.isTTY ? { status: (line: string | null) => process.stderr.write(`\r\u001b[K${line ?? ''}`) } : {}),
  };
}

/** The version of Recflow, from its package.json (two folders up in a source checkout, three from the package's lib/). */
export function version(): string {
  const manifest = new URL(import.meta.url.endsWith('.js') ? '../../../package.json' : '../../package.json', import.meta.url);
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * Runs the CLI with the arguments after `recflow` and resolves to the exit code.
 *
 * @example
 * process.exitCode = await main(['validate', 'examples/flows/support-line.json']);
 */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(usage());
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return EXIT.ok;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    io.out(`recflow ${version()}\n`);
    return EXIT.ok;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    io.err(`recflow: unknown command "${name}"\n\n${usage()}`);
    return EXIT.usage;
  }
  // Whatever a command prints may quote documents: no control character reaches the terminal (text.ts).
  const safe: CliIO = { ...io, out: (text) => io.out(forPeople(text)), err: (text) => io.err(forPeople(text)) };
  try {
    return await command.run(rest, safe);
  } catch (e) {
    // An output path that cannot be written is the user's to fix, said as plainly as an unreadable input.
    if (e instanceof OutputError) {
      safe.err(`recflow ${name}: ${e.message}\n`);
      return EXIT.usage;
    }
    // Any other throw is a bug; still exit with a message, not a stack dump.
    safe.err(`recflow ${name}: unexpected failure: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.usage;
  }
}
