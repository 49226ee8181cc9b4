/**
 * `recflow import <file> [--from amazon-connect|twilio-studio] [-o flow.json] [--workspace-out workspace.json] [--json]`:
 * reads a flow in a platform's own format (told from its content when --from is absent) and writes a Recflow
 * flow document, and with --workspace-out a workspace on that platform's preset holding what the flow names.
 * Prints the import report: per action, the kind it became and what is simulated, approximated or not.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { MAX_DOCUMENT_BYTES } from '../document/errors.ts';
import { serializeFlow } from '../document/flow.ts';
import { serializeWorkspace } from '../document/workspace.ts';
import { describeImport, type FormatName } from '../platforms/format.ts';
import { formatNamed, formatNames, importPlatformFlow } from '../platforms/formats.ts';
import { commandArgs } from './args.ts';
import { writeOutput } from './documents.ts';
import type { CliIO, Command } from './main.ts';

const USAGE = `Usage: recflow import <file> [--from <format>] [-o <flow.json>] [--workspace-out <workspace.json>] [--json]

Reads a flow exported from a contact-centre platform and writes it as a
Recflow flow. Formats: amazon-connect (the Amazon Connect flow language, or
a DescribeContactFlow response holding it) and twilio-studio (a Twilio
Studio flow definition: description, states, initial_state, flags).
Without --from the format is told from the content. The report lists, per action, the node kind it
became and what the simulation follows, approximates or leaves out, with
the JSON path of each action.

Options:
      --from <format>           the file's format (amazon-connect, twilio-studio)
  -o, --out <file>              write the Recflow flow there (default: print it when --json is absent and no
                                --out is given, the report goes to stderr)
      --workspace-out <file>    also write a workspace on the platform's preset with the queues, agents,
                                flows and a phone number the flow needs to be simulated
      --json                    print one JSON object (ok, report, flow, workspace) instead of text
  -h, --help                    show this help

Exit codes: 0 imported, 2 the file cannot be read or is refused (each refusal with its JSON path).
`;

async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = commandArgs('import', USAGE, args, { from: { type: 'string' }, out: { type: 'string', short: 'o' }, 'workspace-out': { type: 'string' }, json: { type: 'boolean' } }, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    io.err(`recflow import: name one file (got ${positionals.length})\n\n${USAGE}`);
    return 2;
  }
  if (values.from !== undefined && !formatNamed(values.from)) {
    io.err(`recflow import: unknown format "${values.from}" (one of ${formatNames()})\n`);
    return 2;
  }
  const file = positionals[0]!;
  const refuse = (errors: Array<{ path: string; message: string }>, what?: string) => {
    if (values.json) io.out(`${JSON.stringify({ ok: false, file, errors, what }, null, 2)}\n`);
    else {
      io.err(`${file}: cannot be imported (${errors.length} error${errors.length === 1 ? '' : 's'})\n`);
      for (const e of errors) io.err(`  ${e.path}: ${e.message}\n`);
      if (what) io.err(`  it is ${what}\n`);
    }
    return 2;
  };
  let text: string;
  try {
    const path = resolve(io.cwd, file);
    if ((await stat(path)).size > MAX_DOCUMENT_BYTES) return refuse([{ path: '$', message: 'the file is larger than 5 MB' }]);
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return refuse([{ path: '$', message: `cannot read the file: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(e)}` }]);
  }
  const outcome = importPlatformFlow(text, values.from as FormatName | undefined);
  if (!outcome.ok) return refuse(outcome.errors, outcome.what);
  if (values.out !== undefined) await writeOutput(resolve(io.cwd, values.out), values.out, serializeFlow(outcome.flow));
  const workspaceOut = values['workspace-out'];
  if (workspaceOut !== undefined) await writeOutput(resolve(io.cwd, workspaceOut), workspaceOut, serializeWorkspace(outcome.workspace));
  if (values.json) {
    io.out(`${JSON.stringify({ ok: true, file, report: outcome.report, flow: outcome.flow, workspace: outcome.workspace }, null, 2)}\n`);
    return 0;
  }
  if (values.out === undefined) {
    io.out(serializeFlow(outcome.flow));
    io.err(describeImport(outcome.report));
  } else {
    io.out(describeImport(outcome.report));
    io.out(`wrote ${values.out}${values['workspace-out'] === undefined ? '' : ` and ${values['workspace-out']}`}\n`);
  }
  return 0;
}

export const importCommand: Command = {
  summary: "import a platform's flow (Amazon Connect, Twilio Studio) as a Recflow flow, with a report",
  usage: USAGE,
  run,
};
