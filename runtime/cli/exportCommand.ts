/**
 * `recflow export <flow.json> --to amazon-connect|twilio-studio [-o out.json] [--json]`: writes a Recflow flow in a platform's
 * own format, with the export report (per node: the actions it became and what the platform does differently).
 * Nothing is written when the platform would refuse the file (its limits).
 */
import { resolve } from 'node:path';
import { parseFlow } from '../document/flow.ts';
import { describeExport } from '../platforms/format.ts';
import { formatNamed, formatNames } from '../platforms/formats.ts';
import { commandArgs } from './args.ts';
import type { CliIO, Command } from './main.ts';
import { load, printRefusals } from './validate.ts';
import { writeOutput } from './documents.ts';

const USAGE = `Usage: recflow export <flow.json> --to <format> [-o <out.json>] [--json]

Writes a Recflow flow in a platform's format: amazon-connect (the Amazon
Connect flow language, for the console's Import flow or CreateContactFlow)
or twilio-studio (a Studio flow definition, for the Studio REST API or
the console's flow JSON).
Imported nodes that were not edited are written back as they came. The
report lists, per node, the actions it became and what the platform does
differently from the simulation (with the rule), or cannot express.

Options:
      --to <format>   the format to write (amazon-connect, twilio-studio)
  -o, --out <file>    write the document there (default: print it; the report goes to stderr)
      --json          print one JSON object (ok, report, document) instead of text
  -h, --help          show this help

Exit codes: 0 written, 1 the platform would refuse the result (its limits; nothing written),
2 bad usage, or the flow cannot be read or is not a valid document.
`;

async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = commandArgs('export', USAGE, args, { to: { type: 'string' }, out: { type: 'string', short: 'o' }, json: { type: 'boolean' } }, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    io.err(`recflow export: name one flow file (got ${positionals.length})\n\n${USAGE}`);
    return 2;
  }
  const format = values.to === undefined ? undefined : formatNamed(values.to);
  if (!format) {
    io.err(`recflow export: say which format with --to (one of ${formatNames()})\n\n${USAGE}`);
    return 2;
  }
  const flowFile = positionals[0]!;
  const flow = await load(flowFile, io.cwd, parseFlow);
  if (!flow.ok) {
    if (values.json) io.out(`${JSON.stringify({ ok: false, documentErrors: [flow] }, null, 2)}\n`);
    else printRefusals([flow], io);
    return 2;
  }
  const outcome = format.exportFlow(flow.value);
  if (!outcome.ok) {
    printRefusals([{ file: flowFile, errors: outcome.errors }], io);
    return 2;
  }
  const refused = outcome.report.problems.some((p) => p.severity === 'error');
  if (values.json) {
    if (!refused && values.out !== undefined) await writeOutput(resolve(io.cwd, values.out), values.out, outcome.text);
    io.out(`${JSON.stringify({ ok: !refused, report: outcome.report, document: outcome.document }, null, 2)}\n`);
    return refused ? 1 : 0;
  }
  const report = describeExport(outcome.report);
  if (refused) {
    io.err(`${report}${format.platform} would refuse this flow: nothing written\n`);
    return 1;
  }
  if (values.out === undefined) {
    io.out(outcome.text);
    io.err(report);
  } else {
    await writeOutput(resolve(io.cwd, values.out), values.out, outcome.text);
    io.out(`${report}wrote ${values.out}\n`);
  }
  return 0;
}

export const exportCommand: Command = {
  summary: "export a flow in a platform's format (Amazon Connect, Twilio Studio), with a report",
  usage: USAGE,
  run,
};
