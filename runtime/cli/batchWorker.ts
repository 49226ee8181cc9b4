/**
 * A worker thread of `recflow simulate --batch`: parses the workspace and
 * flow once, then simulates each line it is sent (one scenario per line).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseFlow } from '../document/flow.ts';
import { parseWorkspace } from '../document/workspace.ts';
import { parseScenario, simulate } from '../call/scenario.ts';
import { flowForCall, InputError, type BatchReply, type BatchRequest, type BatchWorkerData } from './simulate.ts';

const data = workerData as BatchWorkerData;
const ws = parseWorkspace(data.workspaceText);
const flow = data.flowText === null ? null : parseFlow(data.flowText);
if (!ws.ok || (flow !== null && !flow.ok)) throw new Error('the batch worker was given documents that do not parse');
const workspace = ws.value;
const flowDoc = flow?.ok ? flow.value : undefined;

/** The output line for one input line: the result JSON, an error object, or '' for a blank line. */
function simulateLine(line: string, lineNo: number): string {
  if (line.trim() === '') return '';
  const scenario = parseScenario(line);
  if (!scenario.ok) {
    const why = scenario.errors.map((e) => (e.path === '$' ? e.message : `${e.path}: ${e.message}`)).join('; ');
    return JSON.stringify({ line: lineNo, error: why });
  }
  try {
    return JSON.stringify(simulate(workspace, flowForCall(workspace, flowDoc, scenario.value), scenario.value));
  } catch (e) {
    const why = e instanceof InputError ? e.errors.map((x) => `${x.path}: ${x.message}`).join('; ') : String(e);
    return JSON.stringify({ line: lineNo, error: why });
  }
}

parentPort!.on('message', (req: BatchRequest) => {
  const out: string[] = [];
  req.lines.forEach((line, i) => {
    const text = simulateLine(line, req.first + i);
    if (text !== '') out.push(text);
  });
  const reply: BatchReply = { id: req.id, text: out.join('\n') };
  parentPort!.postMessage(reply);
});
