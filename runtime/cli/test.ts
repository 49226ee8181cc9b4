/**
 * `recflow test <files or folders>`: runs every scenario that carries an
 * expectation and prints pass/fail per scenario with the differences.
 */
import { readdir, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { readJson } from '../document/errors.ts';
import { detectFormat, withArticle } from '../platforms/formats.ts';
import { FLOW_FORMAT, type FlowDoc, parseFlow } from '../document/flow.ts';
import { parseWorkspace, WORKSPACE_FORMAT, type WorkspaceDoc } from '../document/workspace.ts';
import { checkExpectation, type Expectation, formatMismatch, parseScenario, type Scenario } from '../call/scenario.ts';
import type { CallResult } from '../call/types.ts';
import { commandArgs } from './args.ts';
import type { CliIO, Command } from './main.ts';
import { andMore, capped } from './text.ts';
import { flowStoppedText, InputError, loadDoc, readText, runScenario } from './documents.ts';

const USAGE = `Usage: recflow test <scenario files, workspace files or folders>... [--json]

Runs each scenario (folders: every .json file in them, recursively) and
compares the result with the scenario's "expect" field, printing PASS or
FAIL per scenario and, for a failure, each difference. A scenario names its
workspace and flow files in "workspace" and "flow", relative to itself.
A workspace document runs the saved scenarios it holds (as the editor's
Export writes them). Scenarios without "expect" are skipped; flow documents,
and workspace documents without saved scenarios, found in a folder are left
out (and named once at the end).

Options:
      --json   print one JSON report instead of text
  -h, --help   show this help

Exit codes: 0 all passed, 1 a scenario failed, 2 bad usage or a file that cannot be read or parsed.
`;

export interface ScenarioReport {
  file: string;
  name: string;
  /** `other`: a flow, or a workspace without saved scenarios, found in a folder (listed once, not run). */
  status: 'pass' | 'fail' | 'skip' | 'error' | 'other';
  /** Differences (fail) or what could not be read (error). */
  messages: string[];
}

/** A file to run: named on the command line, or found in a folder (where flows and workspaces are passed over). */
interface Found {
  path: string;
  inFolder: boolean;
}

async function collect(arg: string, cwd: string, out: Found[], inFolder = false): Promise<void> {
  const path = resolve(cwd, arg);
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    throw new InputError(arg, [{ path: '$', message: 'no such file or folder' }]);
  }
  if (!info.isDirectory()) {
    out.push({ path, inFolder });
    return;
  }
  const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.isDirectory()) await collect(join(path, e.name), cwd, out, true);
    else if (e.name.endsWith('.json')) out.push({ path: join(path, e.name), inFolder: true });
  }
}

/** The documents that sit beside scenarios in a project: named by their `format`. */
const OTHER_DOCUMENTS: Record<string, string> = { [FLOW_FORMAT]: 'flow', [WORKSPACE_FORMAT]: 'workspace' };

/** What other document the text is ('a flow document', 'an Amazon Connect flow'), or null for anything else. */
function otherDocument(text: string): string | null {
  const read = readJson(text);
  if (!read.ok || read.value === null || typeof read.value !== 'object') return null;
  const format = (read.value as { format?: unknown }).format;
  if (typeof format === 'string' && Object.hasOwn(OTHER_DOCUMENTS, format)) return `a ${OTHER_DOCUMENTS[format]!} document`;
  // A platform's flow kept beside the scenarios (to import, or as exported) is their company too.
  const platform = detectFormat(read.value);
  return platform.ok ? withArticle(platform.format.documentName) : null;
}

/** Runs a scenario on its documents and compares the result with its expectation. */
function check(report: ScenarioReport, ws: WorkspaceDoc, flow: FlowDoc | undefined, scenario: Scenario & { expect: Expectation }): ScenarioReport {
  const result = runScenario(ws, flow, scenario, report.file);
  const mismatches = checkExpectation(result, scenario.expect);
  // R28: a call that stopped because its flow cannot be followed fails, whatever its expect says.
  const stopped = flowStoppedText(result);
  report.status = mismatches.length === 0 && stopped === null ? 'pass' : 'fail';
  report.messages = [...(stopped === null ? [] : [stopped]), ...mismatches.map(formatMismatch)];
  if (mismatches.some((m) => m.path.startsWith('$.segments'))) report.messages.push(`actual segments: ${segmentText(result)}`);
  if (mismatches.some((m) => m.path.startsWith('$.rejections'))) {
    report.messages.push(`actual rejections: ${result.rejections.map((r) => `${r.at}s ${r.action.type} ${r.code}`).join(', ') || 'none'}`);
  }
  return report;
}

function failed(report: ScenarioReport, e: unknown): ScenarioReport {
  if (!(e instanceof InputError)) throw e;
  report.status = 'error';
  const { shown, more } = capped(e.errors);
  report.messages = shown.map((x) => `${e.file} ${x.path}: ${x.message}`);
  if (more > 0) report.messages.push(andMore(more));
  return report;
}

/** Each saved scenario of a workspace document, run on that workspace; `file` is `<file>#scenarios[i]`. */
function runSaved(ws: WorkspaceDoc, file: string): ScenarioReport[] {
  return ws.scenarios.map((saved, i) => {
    const report: ScenarioReport = { file: `${file}#scenarios[${i}]`, name: saved.scenario.name ?? saved.id, status: 'error', messages: [] };
    const scenario = saved.scenario;
    if (!scenario.expect) return { ...report, status: 'skip', messages: ['no "expect" field'] };
    try {
      // The parser has checked that a scenario running a chosen flow names a flow of the workspace.
      const flow = saved.runs === 'flow' ? ws.flows.find((f) => f.id === saved.flowId) : undefined;
      return check(report, ws, flow, { ...scenario, expect: scenario.expect });
    } catch (e) {
      return failed(report, e);
    }
  });
}

const segmentText = (r: CallResult) => r.segments.map((s) => `${s.start}–${s.end} ${s.endReason}`).join(', ') || 'none';

/** Runs one scenario file (or a workspace's saved scenarios); documents are loaded once per path through `cache`. */
async function runOne({ path, inFolder }: Found, cwd: string, cache: Map<string, Promise<WorkspaceDoc | FlowDoc>>): Promise<ScenarioReport[]> {
  const file = relative(cwd, path) || path;
  const report: ScenarioReport = { file, name: file, status: 'error', messages: [] };
  try {
    const text = await readText(path, file);
    const other = otherDocument(text);
    if (other !== null) {
      const workspace = other === 'a workspace document' ? parseWorkspace(text) : null;
      if (workspace?.ok && workspace.value.scenarios.length > 0) return runSaved(workspace.value, file);
      // In a folder, flows and workspaces are the scenarios' company; named on the command line, a mistake.
      if (inFolder) return [{ ...report, status: 'other', messages: [other] }];
      if (workspace && !workspace.ok) throw new InputError(file, workspace.errors);
      const what = workspace ? 'a workspace document without saved scenarios' : other;
      throw new InputError(file, [{ path: '$.format', message: `this is ${what}, not a scenario` }]);
    }
    const parsedScenario = parseScenario(text);
    if (!parsedScenario.ok) throw new InputError(file, parsedScenario.errors);
    const scenario = parsedScenario.value;
    report.name = scenario.name ?? file;
    if (!scenario.expect) {
      report.status = 'skip';
      report.messages.push('no "expect" field');
      return [report];
    }
    if (!scenario.workspace) throw new InputError(file, [{ path: '$.workspace', message: 'names no workspace file' }]);
    const base = dirname(path);
    const load = <T extends WorkspaceDoc | FlowDoc>(rel: string, parse: (t: string) => ReturnType<typeof parseFlow> | ReturnType<typeof parseWorkspace>) => {
      const abs = resolve(base, rel);
      let p = cache.get(abs);
      if (!p) {
        p = loadDoc(abs, relative(cwd, abs), parse as (t: string) => ReturnType<typeof parseWorkspace>);
        cache.set(abs, p);
      }
      return p as Promise<T>;
    };
    const ws = await load<WorkspaceDoc>(scenario.workspace, parseWorkspace);
    const flow = scenario.flow ? await load<FlowDoc>(scenario.flow, parseFlow) : undefined;
    return [check(report, ws, flow, { ...scenario, expect: scenario.expect })];
  } catch (e) {
    return [failed(report, e)];
  }
}

async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = commandArgs('test', USAGE, args, { json: { type: 'boolean' } }, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length === 0) {
    io.err(`recflow test: give at least one scenario file or folder\n\n${USAGE}`);
    return 2;
  }
  const files: Found[] = [];
  try {
    for (const p of positionals) await collect(p, io.cwd, files);
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`recflow test: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const cache = new Map<string, Promise<WorkspaceDoc | FlowDoc>>();
  const reports: ScenarioReport[] = [];
  for (const f of files) reports.push(...(await runOne(f, io.cwd, cache)));
  const count = (s: ScenarioReport['status']) => reports.filter((r) => r.status === s).length;
  const others = reports.filter((r) => r.status === 'other');
  const scenarios = reports.filter((r) => r.status !== 'other');
  if (values.json) {
    const notScenarios = others.map((r) => ({ file: r.file, kind: r.messages[0] }));
    io.out(
      `${JSON.stringify({ passed: count('pass'), failed: count('fail'), skipped: count('skip'), errors: count('error'), scenarios, notScenarios }, null, 2)}\n`,
    );
  } else {
    for (const r of scenarios) {
      const tag = { pass: 'PASS ', fail: 'FAIL ', skip: 'SKIP ', error: 'ERROR', other: '' }[r.status];
      io.out(`${tag} ${r.file}${r.name !== r.file ? `  ${r.name}` : ''}\n`);
      for (const m of r.messages) io.out(`        ${m}\n`);
    }
    if (others.length > 0) io.out(`\nNot scenarios, left out: ${others.map((r) => `${r.file} (${r.messages[0]})`).join(', ')}\n`);
    io.out(`\n${count('pass')} passed, ${count('fail')} failed, ${count('skip')} skipped, ${count('error')} could not run\n`);
  }
  if (count('error') > 0) return 2;
  return count('fail') > 0 ? 1 : 0;
}

export const testCommand: Command = {
  summary: 'run scenarios with expected results and report pass/fail',
  usage: USAGE,
  run,
};
