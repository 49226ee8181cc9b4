/**
 * A call log for the batch bench: the example scenarios (examples/scenarios/)
 * repeated with varied timings, one scenario per NDJSON line, and the example
 * workspace holding the three example flows (so each inbound call runs its
 * number's flow, as a real mixed log would).
 *
 * Timings vary by a seeded generator: each gap between actions is scaled by
 * 0.5–2× and shifted by up to ±3 s (never below 0), so calls take other
 * branches (menu timeouts, refused presses, longer talks) and results differ.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exampleFlowJson } from '../examples/index.ts';
import { prng } from '../runtime/checks/generateFlow.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

interface ScenarioJson {
  call: unknown;
  actions: Array<{ at: number } & Record<string, unknown>>;
  runUntil?: number;
}

/** The example scenarios, without names, expectations or file paths (a log line carries only the call). */
export function exampleCalls(): ScenarioJson[] {
  const dir = join(root, 'examples/scenarios');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const s = JSON.parse(readFileSync(join(dir, f), 'utf8')) as ScenarioJson;
      const call: ScenarioJson = { call: s.call, actions: s.actions };
      if (s.runUntil !== undefined) call.runUntil = s.runUntil;
      return call;
    });
}

/** One example call with its gaps rescaled: times stay whole seconds and never go backwards. */
export function varyTimings(s: ScenarioJson, random: () => number): ScenarioJson {
  let prevIn = 0;
  let prevOut = 0;
  const actions = s.actions.map((a) => {
    const gap = a.at - prevIn;
    prevIn = a.at;
    const scaled = Math.max(0, Math.round(gap * (0.5 + random() * 1.5) + (random() * 6 - 3)));
    prevOut += scaled;
    return { ...a, at: prevOut };
  });
  const out: ScenarioJson = { call: s.call, actions };
  if (s.runUntil !== undefined) out.runUntil = Math.max(prevOut, s.runUntil);
  return out;
}

/** `count` NDJSON lines (each ending in a newline) cycling through the example calls with varied timings. */
export function callLogLines(count: number, seed = 13): string[] {
  const calls = exampleCalls();
  const random = prng(seed);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) lines.push(`${JSON.stringify(varyTimings(calls[i % calls.length]!, random))}\n`);
  return lines;
}

/** The example workspace document with the example flows in it, as text. */
export function workspaceWithFlowsText(): string {
  const ws = JSON.parse(readFileSync(join(root, 'examples/workspace.json'), 'utf8')) as Record<string, unknown>;
  ws.flows = Object.values(exampleFlowJson);
  return JSON.stringify(ws);
}
