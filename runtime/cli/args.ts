/**
 * The option parsing every command shares: `node:util` parseArgs in strict
 * mode, `-h/--help` answered with the command's usage, and bad usage refused
 * with the parser's message and the usage (exit 2).
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { CliIO } from './main.ts';

type Options = NonNullable<ParseArgsConfig['options']>;
type Config<O extends Options> = { args: string[]; options: O; allowPositionals: true; strict: true };
const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/**
 * Parses a command's arguments, or returns the exit code when there is nothing left to do: 0 after printing the
 * usage for `--help`, 2 after refusing unknown or malformed options.
 *
 * @example
 * const parsed = commandArgs('diff', USAGE, args, { json: { type: 'boolean' } }, io);
 * if (typeof parsed === 'number') return parsed;
 * parsed.values.json; parsed.positionals;
 */
export function commandArgs<O extends Options>(
  name: string,
  usage: string,
  args: string[],
  options: O,
  io: CliIO,
): ReturnType<typeof parseArgs<Config<O & typeof HELP>>> | number {
  let parsed: ReturnType<typeof parseArgs<Config<O & typeof HELP>>>;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { ...options, ...HELP } });
  } catch (e) {
    io.err(`recflow ${name}: ${(e as Error).message}\n\n${usage}`);
    return 2;
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.out(usage);
    return 0;
  }
  return parsed;
}
