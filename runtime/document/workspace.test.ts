import { describe, expect, it } from 'vitest';
import { RESERVED_IDS } from '../../nodes/kit/fields.ts';
import { parseScenario } from '../call/scenario.ts';
import type { DocError } from './errors.ts';
import { createFlow, parseFlow } from './flow.ts';
import {
  choosePlatform,
  createWorkspace,
  defaultAccountSettings,
  defaultRole,
  parseWorkspace,
  serializeWorkspace,
  WORKSPACE_FORMAT,
  WORKSPACE_VERSION,
  type WorkspaceDoc,
} from './workspace.ts';

type Json = Record<string, unknown>;

const envelope = (extra: Json = {}): Json => ({ format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION, ...extra });

function parsed(input: unknown): WorkspaceDoc {
  const result = parseWorkspace(input);
  if (!result.ok) throw new Error(`expected the workspace to parse: ${JSON.stringify(result.errors)}`);
  return result.value;
}

function errorsOf(input: unknown): DocError[] {
  const result = parseWorkspace(input);
  if (result.ok) throw new Error('expected the workspace to be refused');
  return result.errors;
}

describe('parseWorkspace', () => {
  it('R1: fills every account setting left out with its default', () => {
    const ws = parsed(envelope());
    expect(ws.account).toEqual({
      recordInbound: true,
      recordOutbound: true,
      continueOnExternalTransfer: true,
      agentPause: false,
      dualChannel: true,
      autoDelete: { enabled: true, months: 6 },
      // R29–R31 (Talkdesk, the default platform): both sides, a pause leaves a gap, IVR recorded, outside parties on B.
      recordedParties: 'both',
      pauseLeaves: 'gap',
      recordIvr: true,
      outsidePartiesChannel: 'agent-side',
    });
    expect(ws.account).toEqual(defaultAccountSettings());
    expect(ws).toMatchObject({ name: 'Workspace', numbers: [], agents: [], ringGroups: [], roles: [], flows: [] });
  });

  it('R1: keeps the settings given and defaults the rest, down to retention months', () => {
    const ws = parsed(envelope({ account: { dualChannel: false, autoDelete: { enabled: false } } }));
    expect(ws.account.dualChannel).toBe(false);
    expect(ws.account.recordInbound).toBe(true);
    expect(ws.account.autoDelete).toEqual({ enabled: false, months: 6 });
  });

  it('R1: refuses a retention period outside 1–120 months', () => {
    expect(errorsOf(envelope({ account: { autoDelete: { months: 0 } } }))).toEqual([
      { path: '$.account.autoDelete.months', message: 'must be at least 1' },
    ]);
  });

  it('R2: a number without overrides gets the switch off and every setting at inherit', () => {
    const ws = parsed(envelope({ numbers: [{ id: 'n1', number: '+15550100' }] }));
    expect(ws.numbers[0]).toEqual({
      id: 'n1',
      number: '+15550100',
      label: '',
      flowId: null,
      override: { enabled: false, inbound: 'inherit', outbound: 'inherit', agentPause: 'inherit' },
    });
  });

  it('R2: each overridable setting is a tri-state', () => {
    const ws = parsed(envelope({ numbers: [{ id: 'n1', number: '+15550100', override: { enabled: true, inbound: 'disabled', agentPause: 'enabled' } }] }));
    expect(ws.numbers[0]!.override).toEqual({ enabled: true, inbound: 'disabled', outbound: 'inherit', agentPause: 'enabled' });
    expect(errorsOf(envelope({ numbers: [{ id: 'n1', number: '+15550100', override: { inbound: true } }] }))).toEqual([
      { path: '$.numbers[0].override.inbound', message: 'must be one of "inherit", "enabled", "disabled"' },
    ]);
  });

  it('R2: continue-on-external-transfer, dual channel and retention cannot be overridden per number', () => {
    const errors = errorsOf(envelope({ numbers: [{ id: 'n1', number: '+15550100', override: { dualChannel: 'disabled', continueOnExternalTransfer: 'enabled' } }] }));
    expect(errors).toEqual([
      { path: '$.numbers[0].override.dualChannel', message: 'is not a field this document has' },
      { path: '$.numbers[0].override.continueOnExternalTransfer', message: 'is not a field this document has' },
    ]);
  });

  it('refuses a phone number that is not one', () => {
    expect(errorsOf(envelope({ numbers: [{ id: 'n1', number: 'call me' }] }))).toEqual([
      { path: '$.numbers[0].number', message: 'must be a phone number such as +15550100' },
    ]);
  });

  it('R22: a role given only its name may view and listen to all, and download nothing', () => {
    const ws = parsed(envelope({ roles: [{ id: 'agent', name: 'Agent' }] }));
    expect(ws.roles[0]).toEqual({
      id: 'agent',
      name: 'Agent',
      view: true,
      listen: { allowed: true, scope: 'all' },
      download: { allowed: false, scope: 'all' },
    });
    expect(ws.roles[0]).toEqual(defaultRole('agent', 'Agent'));
  });

  it('R22/R23: a scope is all, ringGroup or agent', () => {
    const ws = parsed(envelope({ roles: [{ id: 'sup', name: 'Supervisor', download: { allowed: true, scope: 'ringGroup' } }] }));
    expect(ws.roles[0]!.download).toEqual({ allowed: true, scope: 'ringGroup' });
    expect(errorsOf(envelope({ roles: [{ id: 'sup', name: 'S', listen: { scope: 'team' } }] }))).toEqual([
      { path: '$.roles[0].listen.scope', message: 'must be one of "all", "ringGroup", "agent"' },
    ]);
  });

  it('refuses an agent whose role does not exist and a ring group member who is not an agent', () => {
    const errors = errorsOf(
      envelope({
        roles: [{ id: 'agent', name: 'Agent' }],
        agents: [{ id: 'a1', name: 'Ana', roleId: 'boss' }],
        ringGroups: [{ id: 'rg', name: 'Support', memberIds: ['a1', 'ghost'] }],
      }),
    );
    expect(errors).toEqual([
      { path: '$.agents[0].roleId', message: 'no role "boss"' },
      { path: '$.ringGroups[0].memberIds[1]', message: 'no agent "ghost"' },
    ]);
  });

  it('refuses duplicate ids in each list', () => {
    const errors = errorsOf(
      envelope({
        numbers: [
          { id: 'n', number: '+15550100' },
          { id: 'n', number: '+15550101' },
        ],
        roles: [
          { id: 'r', name: 'A' },
          { id: 'r', name: 'B' },
        ],
        agents: [
          { id: 'a', name: 'A', roleId: 'r' },
          { id: 'a', name: 'B', roleId: 'r' },
        ],
        ringGroups: [
          { id: 'g', name: 'A', memberIds: [] },
          { id: 'g', name: 'B', memberIds: [] },
        ],
      }),
    );
    expect(errors).toEqual([
      { path: '$.numbers[1].id', message: 'duplicate phone number id "n"' },
      { path: '$.agents[1].id', message: 'duplicate agent id "a"' },
      { path: '$.ringGroups[1].id', message: 'duplicate ring group id "g"' },
      { path: '$.roles[1].id', message: 'duplicate role id "r"' },
    ]);
  });

  it('parses the flows it holds, reporting their errors under $.flows[i]', () => {
    const good = createFlow('f1', 'One');
    const bad = { ...createFlow('f2', 'Two'), nodes: [{ id: 's', kind: 'fax', position: { x: 0, y: 0 }, data: {} }] };
    expect(parsed(envelope({ flows: [good] })).flows).toEqual([good]);
    expect(errorsOf(envelope({ flows: [good, bad] }))).toEqual([{ path: '$.flows[1].nodes[0].kind', message: 'unknown node kind "fax"' }]);
    expect(errorsOf(envelope({ flows: [good, good] }))).toEqual([{ path: '$.flows[1].id', message: 'duplicate flow id "f1"' }]);
  });

  it('migrates old flows held inside a workspace', () => {
    const old = { format: 'recflow.flow', version: 1, id: 'old', name: 'Old', nodes: [{ id: 's', type: 'start', position: { x: 0, y: 0 }, data: { label: '', numberIds: [] } }], edges: [] };
    expect(parsed(envelope({ flows: [old] })).flows[0]!.nodes[0]!.kind).toBe('start');
  });

  it('refuses invalid JSON, another format, hostile keys and newer versions', () => {
    expect(errorsOf('{').map((e) => e.path)).toEqual(['$']);
    expect(errorsOf(envelope({ format: 'recflow.flow' }))).toEqual([{ path: '$.format', message: 'must be "recflow.workspace"' }]);
    expect(errorsOf('{"format":"recflow.workspace","version":1,"account":{"__proto__":{"x":1}}}')).toEqual([
      { path: '$.account.__proto__', message: 'the key "__proto__" is not allowed' },
    ]);
    const newer = errorsOf(envelope({ version: WORKSPACE_VERSION + 1 }));
    expect(newer).toHaveLength(1);
    expect(newer[0]!.path).toBe('$.version');
    expect(newer[0]!.message).toContain('newer than this Recflow understands');
  });

  describe('published versions', () => {
    const version = (extra: Json = {}): Json => ({
      flowId: 'f1',
      number: 1,
      note: 'First',
      publishedAt: '2026-11-30T09:15:00.000Z',
      publisher: 'Ana Admin',
      flow: createFlow('f1', 'One'),
      ...extra,
    });

    it('keeps each version with its number, note, time, publisher and the flow as published', () => {
      const ws = parsed(envelope({ flows: [createFlow('f1', 'One')], versions: [version(), version({ number: 2, note: '' })] }));
      expect(ws.versions.map((v) => [v.flowId, v.number, v.note, v.publisher])).toEqual([
        ['f1', 1, 'First', 'Ana Admin'],
        ['f1', 2, '', 'Ana Admin'],
      ]);
      expect(ws.versions[0]!.flow).toEqual(createFlow('f1', 'One'));
    });

    it('refuses a version of a missing flow, holding another flow, reusing a number, or with a bad time', () => {
      const flows = [createFlow('f1', 'One')];
      expect(errorsOf(envelope({ flows, versions: [version({ flowId: 'gone', flow: createFlow('gone', 'Gone') })] }))).toEqual([
        { path: '$.versions[0].flowId', message: 'no flow "gone" in the workspace' },
      ]);
      expect(errorsOf(envelope({ flows, versions: [version({ flow: createFlow('f2', 'Two') })] }))).toEqual([
        { path: '$.versions[0].flow.id', message: 'a version of flow "f1" must hold that flow, not "f2"' },
      ]);
      expect(errorsOf(envelope({ flows, versions: [version(), version()] }))).toEqual([
        { path: '$.versions[1].number', message: 'flow "f1" already has a version 1' },
      ]);
      expect(errorsOf(envelope({ flows, versions: [version({ publishedAt: 'yesterday' })] })).map((e) => e.path)).toEqual(['$.versions[0].publishedAt']);
    });

    it('validates the flow a version holds as a flow document, with paths under $.versions[i].flow', () => {
      const bad = { ...createFlow('f1', 'One'), nodes: [{ id: 's', kind: 'fax', position: { x: 0, y: 0 }, data: {} }] };
      expect(errorsOf(envelope({ flows: [createFlow('f1', 'One')], versions: [version({ flow: bad })] }))).toEqual([
        { path: '$.versions[0].flow.nodes[0].kind', message: 'unknown node kind "fax"' },
      ]);
    });

  });

  it('lists every problem at once: an unknown top-level field does not hide the problems of the flows', () => {
    const bad = { ...createFlow('f2', 'Two'), nodes: [{ id: 's', kind: 'fax', position: { x: 0, y: 0 }, data: {} }] };
    expect(errorsOf(envelope({ colour: 'blue', flows: [bad] }))).toEqual([
      { path: '$.colour', message: 'is not a field this document has' },
      { path: '$.flows[0].nodes[0].kind', message: 'unknown node kind "fax"' },
    ]);
  });

  it('migrates a version 1 workspace: it has published no versions', () => {
    const v1 = { format: WORKSPACE_FORMAT, version: 1, name: 'Old', flows: [createFlow('f1', 'One')] };
    const ws = parsed(v1);
    expect(ws.version).toBe(WORKSPACE_VERSION);
    expect(ws.versions).toEqual([]);
    expect(ws.flows.map((f) => f.id)).toEqual(['f1']);
  });

  it('round-trips through serializeWorkspace', () => {
    const ws = createWorkspace('Round trip');
    ws.roles.push(defaultRole('agent', 'Agent'));
    ws.agents.push({ id: 'a1', name: 'Ana', roleId: 'agent' });
    ws.ringGroups.push({ id: 'rg', name: 'Support', memberIds: ['a1'] });
    ws.flows.push(createFlow('f1', 'Flow'));
    ws.versions.push({ flowId: 'f1', number: 1, note: 'Go live', publishedAt: '2026-11-30T09:15:00.000Z', publisher: 'Ana', flow: createFlow('f1', 'Flow') });
    expect(parseWorkspace(serializeWorkspace(ws))).toEqual({ ok: true, value: ws });
  });
});

describe('R30: the platform a workspace models', () => {
  it('R30: a workspace names no platform and models Talkdesk, or names one of the three', () => {
    expect(parsed(envelope()).platform).toBe('talkdesk');
    expect(parsed(envelope({ platform: 'twilio-studio' })).platform).toBe('twilio-studio');
  });

  it('R30: a platform that does not exist is refused at $.platform, naming the ones that do', () => {
    const [error] = errorsOf(envelope({ platform: 'genesys' }));
    expect(error?.path).toBe('$.platform');
    expect(error?.message).toMatch(/talkdesk.*amazon-connect.*twilio-studio/);
  });

  it('R30: a value the platform fixes otherwise is refused at its path, with the reason', () => {
    expect(errorsOf(envelope({ platform: 'amazon-connect', account: { recordInbound: true, pauseLeaves: 'gap' } }))).toEqual([
      {
        path: '$.account.recordInbound',
        message: 'Amazon Connect has no such setting: it is always false. Amazon Connect records a contact only when a flow sets its recording behaviour.',
      },
      { path: '$.account.pauseLeaves', message: 'Amazon Connect has no such setting: it is always "silence". Amazon Connect fills a suspended recording with silence.' },
    ]);
  });

  it('R30/R2: a number override on a platform without them is refused at the number', () => {
    const number = { id: 'n', number: '+15550100', override: { enabled: true, inbound: 'disabled' } };
    const [error] = errorsOf(envelope({ platform: 'twilio-studio', numbers: [number] }));
    expect(error).toEqual({ path: '$.numbers[0].override.enabled', message: expect.stringContaining('Twilio Studio has no per-number recording overrides') });
  });

  it('R30: the values a platform fixes are filled in when the document leaves them out', () => {
    const ws = parsed(envelope({ platform: 'amazon-connect' }));
    expect(ws.account).toMatchObject({ recordInbound: false, pauseLeaves: 'silence', recordIvr: false, outsidePartiesChannel: 'contact-side' });
  });

  it('R30: choosing a platform changes what it requires and nothing else, and the result reads back', () => {
    const ws = parsed(
      envelope({
        account: { agentPause: true, autoDelete: { months: 12 } },
        numbers: [{ id: 'n', number: '+15550100', override: { enabled: true, inbound: 'disabled' } }],
      }),
    );
    choosePlatform(ws, 'twilio-studio');
    expect(ws.platform).toBe('twilio-studio');
    // Fixed by Twilio, then Twilio's starting values for what it offers (PauseBehavior silence, mono).
    expect(ws.account).toMatchObject({ recordInbound: false, continueOnExternalTransfer: true, pauseLeaves: 'silence', dualChannel: false });
    expect(ws.account.autoDelete.months).toBe(12);
    // The override is switched off, its values kept for a platform that has overrides.
    expect(ws.numbers[0]!.override).toMatchObject({ enabled: false, inbound: 'disabled' });
    expect(parseWorkspace(serializeWorkspace(ws)).ok).toBe(true);
    choosePlatform(ws, 'amazon-connect');
    expect(parsed(serializeWorkspace(ws)).account).toMatchObject({ dualChannel: true, recordIvr: false });
  });
});


describe('ids JavaScript reserves', () => {
  it('the reserved list is exactly the names every plain object has, and prototype', () => {
    expect([...RESERVED_IDS].sort()).toEqual([...Object.getOwnPropertyNames(Object.prototype), 'prototype'].sort());
  });

  it('agents, ring groups, roles, numbers, flows and their nodes may not use one as id, anywhere an id is read', () => {
    for (const id of ['__proto__', 'constructor', 'toString']) {
      const errors = errorsOf(
        envelope({
          roles: [{ ...defaultRole('r', 'Role'), id }],
          agents: [{ id, name: 'Ana', roleId: id }],
          ringGroups: [{ id, name: 'G', memberIds: [id] }],
        }),
      );
      const paths = errors.filter((e) => /JavaScript objects reserve/.test(e.message)).map((e) => e.path);
      expect(paths).toEqual(
        expect.arrayContaining(['$.roles[0].id', '$.agents[0].id', '$.agents[0].roleId', '$.ringGroups[0].id', '$.ringGroups[0].memberIds[0]']),
      );
      const flow = parseFlow({ ...createFlow(id, 'F'), nodes: [{ id, kind: 'hangup', position: { x: 0, y: 0 }, data: {} }] });
      expect(flow.ok ? [] : flow.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['$.id', '$.nodes[0].id']));
      const scenario = parseScenario({ call: { direction: 'outbound', agentId: id, fromNumberId: 'n', contactNumber: '+15550100' }, actions: [] });
      expect(scenario).toMatchObject({ ok: false, errors: [{ path: '$.call.agentId', message: expect.stringMatching(/JavaScript objects reserve/) }] });
    }
    // Ids that merely contain such a name stay allowed.
    expect(parsed(envelope({ roles: [defaultRole('constructor-2', 'Role')] })).roles[0]?.id).toBe('constructor-2');
  });
});

describe('saved scenarios in the workspace (version 4)', () => {
  const flow = () => ({ ...createFlow('support', 'Support'), nodes: [{ id: 'start', kind: 'start', position: { x: 0, y: 0 }, data: { label: 'In', numberIds: [] } }] });
  const scenario = {
    format: 'recflow.scenario',
    version: 1,
    name: 'Caller hangs up',
    call: { direction: 'inbound', numberId: 'num-support', callerNumber: '+15550111' },
    actions: [{ at: 5, type: 'hangUp', party: 'contact' }],
    expect: { recorded: false, segments: [], totalRecordedSeconds: 0 },
  };
  const saved = (extra: Json = {}) => ({ id: 'sc-1', flowId: 'support', runs: 'flow', savedAt: '2026-11-30T09:00:00.000Z', scenario, ...extra });

  it('an exported workspace with saved scenarios parses back to the same scenarios, expectations included', () => {
    const ws = parsed(envelope({ flows: [flow()], scenarios: [saved(), saved({ id: 'sc-2', flowId: null, runs: 'number' })] }));
    const again = parsed(serializeWorkspace(ws));
    expect(again.scenarios).toEqual([saved(), saved({ id: 'sc-2', flowId: null, runs: 'number' })]);
    expect(again.scenarios[0]?.scenario.expect).toEqual(scenario.expect);
    expect(again.version).toBe(4);
  });

  it('a version 3 workspace (written before scenarios were kept in it) still opens, with none', () => {
    const v3 = { format: WORKSPACE_FORMAT, version: 3, name: 'Old', flows: [flow()] };
    const ws = parsed(v3);
    expect(ws.scenarios).toEqual([]);
    expect(ws.version).toBe(4);
    expect(JSON.parse(serializeWorkspace(ws))).toMatchObject({ version: 4, scenarios: [] });
    // Runs, when left out, is the number's flow.
    expect(parsed(envelope({ flows: [flow()], scenarios: [{ ...saved(), runs: undefined }] })).scenarios[0]?.runs).toBe('number');
  });

  it('refuses scenarios of a flow it does not hold, duplicate ids, a chosen flow without an id, file paths and bad scenarios, by JSON path', () => {
    const errors = errorsOf(
      envelope({
        flows: [flow()],
        scenarios: [
          saved({ flowId: 'gone' }),
          saved(),
          saved({ id: 'sc-3', flowId: null, runs: 'flow' }),
          saved({ id: 'sc-4', scenario: { ...scenario, workspace: '../workspace.json', flow: '../flows/support.json' } }),
        ],
      }),
    );
    expect(errors).toEqual([
      { path: '$.scenarios[1].id', message: 'duplicate scenario id "sc-1"' },
      { path: '$.scenarios[0].flowId', message: 'no flow "gone" in the workspace' },
      { path: '$.scenarios[2].runs', message: 'a scenario that runs a chosen flow must name it in flowId' },
      {
        path: '$.scenarios[3].scenario.workspace',
        message: 'a scenario in a workspace runs on that workspace and its flows: leave out the file path',
      },
      { path: '$.scenarios[3].scenario.flow', message: 'a scenario in a workspace runs on that workspace and its flows: leave out the file path' },
    ]);
    // A scenario the scenario format refuses is refused where it sits.
    const backwards = { ...scenario, actions: [{ at: 9, type: 'wait' }, { at: 3, type: 'wait' }] };
    expect(errorsOf(envelope({ flows: [flow()], scenarios: [saved({ scenario: backwards })] }))).toEqual([
      { path: '$.scenarios[0].scenario.actions[1].at', message: 'time goes backwards: 3s comes after 9s' },
    ]);
  });
});
