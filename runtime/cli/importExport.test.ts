/**
 * `recflow import` and `recflow export` as a user runs them (through `main`, with the output captured): a Connect
 * flow and a Twilio Studio flow imported with its workspace, simulated-ready (validate, cover), exported back unchanged; refusals with
 * their JSON path and exit 2.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliIO, main } from './main.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = 'runtime/platforms/amazon-connect/fixtures';
const dir = mkdtempSync(join(tmpdir(), 'recflow-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function recflow(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    out: (t) => {
      stdout += t;
    },
    err: (t) => {
      stderr += t;
    },
    cwd: ROOT,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

describe('recflow import / export (Amazon Connect)', () => {
  it('imports a Connect flow and its workspace, which validate and cover; exports it back action for action', async () => {
    const flow = join(dir, 'support.json');
    const ws = join(dir, 'support-ws.json');
    const imported = await recflow('import', `${FIXTURES}/support-line.json`, '-o', flow, '--workspace-out', ws);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('Amazon Connect: 6 actions imported — 2 simulated, 4 approximated, 0 not simulated');
    expect(imported.stdout).toContain('approximated  TransferContactToQueue → queue "to-queue"  $.Actions[4]');
    expect(imported.stdout).toContain(`wrote ${flow} and ${ws}`);
    expect((await recflow('validate', flow, '--workspace', ws)).code).toBe(0);
    const cover = await recflow('cover', flow, '--workspace', ws);
    expect(cover.code).toBe(0);
    const out = join(dir, 'support-connect.json');
    const exported = await recflow('export', flow, '--to', 'amazon-connect', '-o', out);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain('queue "to-queue" (unchanged) → TransferContactToQueue "to-queue"');
    const source = JSON.parse(readFileSync(join(ROOT, FIXTURES, 'support-line.json'), 'utf8'));
    const written = JSON.parse(readFileSync(out, 'utf8'));
    const core = (a: Record<string, unknown>) => JSON.stringify([a.Identifier, a.Type, a.Parameters, a.Transitions]);
    expect(written.Actions.map(core)).toEqual(source.Actions.map(core));
    expect(written.StartAction).toBe(source.StartAction);
  });

  it('--json gives the report, the flow and the workspace; --from names the format', async () => {
    const r = await recflow('import', `${FIXTURES}/ivr-menu.json`, '--from', 'amazon-connect', '--json');
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body.ok).toBe(true);
    expect(body.report.rows).toHaveLength(8);
    expect(body.report.rows[1]).toMatchObject({ actionId: 'main-menu', kind: 'menu', path: '$.Actions[1]' });
    expect(body.flow.format).toBe('recflow.flow');
    expect(body.workspace.platform).toBe('amazon-connect');
  });

  it.each([
    ['refused/start-names-nothing.json', '$.StartAction: names no action: there is no action "welcome"'],
    ['refused/duplicate-identifiers.json', '$.Actions[2].Identifier: duplicate identifier "hello"'],
    ['refused/older-export.json', '$.modules: an older Amazon Connect console export (modules[])'],
    ['refused/not-connect.json', '$: not an Amazon Connect flow'],
  ])('refuses %s with exit 2 and the JSON path', async (file, line) => {
    const r = await recflow('import', `${FIXTURES}/${file}`, '--from', 'amazon-connect');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(line);
    expect(r.stdout).toBe('');
  });

  it('export names what Connect cannot express, by node, and needs --to', async () => {
    const r = await recflow('export', 'examples/flows/support-line.json', '--to', 'amazon-connect', '--json');
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    const voicemail = body.report.rows.find((row: { kind: string }) => row.kind === 'voicemail');
    expect(voicemail).toMatchObject({ fidelity: 'not-simulated', actions: [{ type: 'DisconnectParticipant' }] });
    expect(voicemail.notes[0].message).toBe('Amazon Connect has no Voicemail block');
    expect(body.document.Version).toBe('2019-10-30');
    const missing = await recflow('export', 'examples/flows/support-line.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--to');
  });
});

const STUDIO = 'runtime/platforms/twilio-studio/fixtures';

describe('recflow import / export (Twilio Studio)', () => {
  it('imports a Studio flow told from its content, with its workspace on the twilio-studio preset; exports it back state for state', async () => {
    const flow = join(dir, 'studio.json');
    const ws = join(dir, 'studio-ws.json');
    const imported = await recflow('import', `${STUDIO}/support-line.json`, '-o', flow, '--workspace-out', ws);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('Twilio Studio: 9 widgets imported — 6 simulated, 3 approximated, 0 not simulated (3 with a part not simulated)');
    // The gather and the split on its digits are one Menu.
    expect(imported.stdout).toContain('simulated     gather-input-on-call → menu "main_menu"  $.states[3]');
    expect(imported.stdout).toContain('simulated     split-based-on → menu "main_menu"  $.states[5]');
    expect(JSON.parse(readFileSync(ws, 'utf8')).platform).toBe('twilio-studio');
    expect((await recflow('validate', flow, '--workspace', ws)).code).toBe(0);
    expect((await recflow('cover', flow, '--workspace', ws)).code).toBe(0);
    const out = join(dir, 'studio-back.json');
    const exported = await recflow('export', flow, '--to', 'twilio-studio', '-o', out);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain('recording "start_recording" (unchanged) → record-call "start_recording"');
    const source = JSON.parse(readFileSync(join(ROOT, STUDIO, 'support-line.json'), 'utf8'));
    const written = JSON.parse(readFileSync(out, 'utf8'));
    const core = (s: { name: string; type: string; transitions: unknown; properties: Record<string, unknown> }) => JSON.stringify([s.name, s.type, s.transitions, { ...s.properties, offset: undefined }]);
    // Studio finds states by name; the split is written beside the gather it was read with.
    expect(written.states.map(core).sort()).toEqual(source.states.map(core).sort());
    expect([written.initial_state, written.flags, written.description]).toEqual([source.initial_state, source.flags, source.description]);
  });

  it.each([
    ['refused/legacy-export.json', "$.InitialState: Twilio's legacy export (InitialState, ConnectCaller)"],
    ['refused/initial-names-nothing.json', '$.initial_state: names no state: there is no state "Start"'],
    ['refused/next-names-nothing.json', '$.states[1].transitions[0].next: names no state'],
    ['refused/duplicate-names.json', '$.states[2].name: duplicate state name "hello"'],
    ['refused/not-studio.json', '$: not a Twilio Studio flow definition'],
  ])('refuses %s with exit 2 and the JSON path', async (file, line) => {
    const r = await recflow('import', `${STUDIO}/${file}`, '--from', 'twilio-studio');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(line);
    expect(r.stdout).toBe('');
  });

  it('export of a drawn flow names what Studio cannot express, by node', async () => {
    const r = await recflow('export', 'examples/flows/support-line.json', '--to', 'twilio-studio', '--json');
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body.document.states[0]).toMatchObject({ type: 'trigger' });
    expect(body.document.initial_state).toBe(body.document.states[0].name);
    expect(body.report.format).toBe('twilio-studio');
    expect(body.report.rows.every((row: { origin: string }) => row.origin === 'drawn')).toBe(true);
  });
});
