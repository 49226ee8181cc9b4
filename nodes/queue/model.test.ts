import { describe, expect, it } from 'vitest';
import { createFlow, parseFlow, serializeFlow } from '../../runtime/document/flow.ts';
import { createWorkspace } from '../../runtime/document/workspace.ts';
import { queueBehavior } from './behavior.ts';
import { queueKind } from './kind.ts';
import { type QueueData, queueModel } from './model.ts';

const ws = createWorkspace();
ws.ringGroups.push({ id: 'rg-claims', name: 'Claims', memberIds: ['ana'] });
ws.agents.push({ id: 'ana', name: 'Ana', roleId: 'agent' }, { id: 'ben', name: 'Ben', roleId: 'agent' });

const byGroup = (ringGroupId: string): QueueData => ({ ...queueModel.defaults(), target: { type: 'ringGroup', ringGroupId } });
const byAgents = (...agentIds: string[]): QueueData => ({ ...queueModel.defaults(), target: { type: 'agents', agentIds } });

describe('queue model (R25)', () => {
  it('its defaults pass its own schema but still need a ring group chosen', () => {
    const d = queueModel.defaults();
    expect(queueModel.schema.safeParse(d).success).toBe(true);
    expect(d).toMatchObject({ maxWaitSeconds: 300, queueName: '' });
    expect(queueModel.check?.(d, {})).toEqual([{ severity: 'error', code: 'no-target', message: 'Choose who serves the queue.', field: 'target' }]);
  });

  it('a freshly placed Queue saves and reopens', () => {
    const flow = createFlow('f', 'F');
    flow.nodes.push({ id: 'q', kind: 'queue', position: { x: 0, y: 220 }, data: queueModel.defaults() });
    expect(parseFlow(serializeFlow(flow))).toEqual({ ok: true, value: flow });
  });

  it('has an input and the ports timeout and error', () => {
    expect(queueModel.hasInput).toBe(true);
    expect(queueModel.ports(queueModel.defaults()).map((p) => p.id)).toEqual(['timeout', 'error']);
  });

  it('is served by a ring group or at least one agent, waits 1 s to a day, and keeps a platform name of at most 200 characters', () => {
    const ok = (d: unknown) => queueModel.schema.safeParse(d).success;
    expect(ok(byAgents('ana', 'ben'))).toBe(true);
    expect(ok(byAgents())).toBe(false);
    expect(ok({ ...byGroup('x'), target: { type: 'agent', agentId: 'ana' } })).toBe(false);
    expect(ok({ ...byGroup('x'), target: { type: 'external', number: '+15550100' } })).toBe(false);
    expect(ok({ ...byGroup('x'), maxWaitSeconds: 86400 })).toBe(true);
    expect(ok({ ...byGroup('x'), maxWaitSeconds: 86401 })).toBe(false);
    expect(ok({ ...byGroup('x'), maxWaitSeconds: 0 })).toBe(false);
    expect(ok({ ...byGroup('x'), queueName: 'arn:aws:connect:eu-west-2:1:instance/x/queue/y' })).toBe(true);
    expect(ok({ ...byGroup('x'), queueName: 'q'.repeat(201) })).toBe(false);
    expect(ok({ ...byGroup('x'), priority: 1 })).toBe(false);
  });

  it('a refused value is reported with its JSON path', () => {
    const flow = createFlow('f', 'F');
    flow.nodes.push({ id: 'q', kind: 'queue', position: { x: 0, y: 220 }, data: byAgents() });
    const parsed = parseFlow(serializeFlow(flow));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors).toContainEqual({ path: '$.nodes[1].data.target.agentIds', message: 'must name at least one agent' });
  });

  it('with a workspace, the ring group and every agent must exist', () => {
    expect(queueModel.check?.(byGroup('rg-claims'), { workspace: ws })).toEqual([]);
    expect(queueModel.check?.(byGroup('rg-gone'), { workspace: ws })?.map((p) => p.code)).toEqual(['unknown-ring-group']);
    expect(queueModel.check?.(byAgents('ana', 'bo', 'cy'), { workspace: ws })).toEqual([
      expect.objectContaining({ code: 'unknown-agent', message: 'No agent "bo" in the workspace.', field: 'target' }),
      expect.objectContaining({ code: 'unknown-agent', message: 'No agent "cy" in the workspace.', field: 'target' }),
    ]);
    expect(queueModel.check?.(byGroup('rg-gone'), {})).toEqual([]);
  });

  it('is found by its label, platform name and who serves it', () => {
    const d = { ...byGroup('rg-claims'), label: 'Claims queue', queueName: 'ClaimsQ' };
    expect(queueModel.searchText(d)).toContain('Claims queue');
    expect(queueModel.searchText(d)).toContain('ClaimsQ');
    expect(queueModel.searchText(d)).toContain('rg-claims');
    expect(queueModel.searchText(byAgents('ana', 'ben'))).toContain('ben');
  });
});

describe('queue behaviour (R25)', () => {
  it('enqueues the call with its servers and wait; the wait running out leaves by timeout', () => {
    const d = { ...byGroup('rg-claims'), maxWaitSeconds: 120 };
    expect(queueBehavior.enter(d)).toEqual({
      kind: 'enqueue',
      target: { type: 'ringGroup', ringGroupId: 'rg-claims' },
      maxWaitSeconds: 120,
      timeoutPort: 'timeout',
      options: [{ value: 'error', label: 'queue full or closed' }],
    });
    expect(queueBehavior.timeout?.(d)).toBe('timeout');
  });

  it('a queue full or closed leaves by error; nothing else may be chosen', () => {
    const d = byGroup('rg-claims');
    expect(queueBehavior.choose?.(d, 'error')).toBe('error');
    expect(queueBehavior.choose?.(d, 'timeout')).toBeNull();
    expect(queueBehavior.choose?.(d, 'next')).toBeNull();
  });
});

describe('queue traits', () => {
  const t = queueKind.traits;

  it('R7/C2: an agent answers there, and C4: the call leaves the flow there', () => {
    expect(t.agentAnswers?.(byGroup('rg-claims'))).toBe(true);
    expect(t.leavesFlow?.(byGroup('rg-claims'))).toBe(true);
  });

  it('names its ring group or each agent once, and nothing while none is chosen', () => {
    expect(t.references?.(byGroup('rg-claims'))).toEqual([{ type: 'ringGroup', id: 'rg-claims' }]);
    expect(t.references?.(byAgents('ana', 'ben', 'ana'))).toEqual([
      { type: 'agent', id: 'ana' },
      { type: 'agent', id: 'ben' },
    ]);
    expect(t.references?.(queueModel.defaults())).toEqual([]);
  });

  it('drops an agent who left while another serves the queue; keeps its only server named for the check to report', () => {
    expect(t.dropReference?.(byAgents('ana', 'ben'), { type: 'agent', id: 'ana' })).toEqual(byAgents('ben'));
    const alone = byAgents('ana');
    expect(t.dropReference?.(alone, { type: 'agent', id: 'ana' })).toBe(alone);
    const group = byGroup('rg-claims');
    expect(t.dropReference?.(group, { type: 'ringGroup', id: 'rg-claims' })).toBe(group);
    const other = byAgents('ana', 'ben');
    expect(t.dropReference?.(other, { type: 'agent', id: 'cy' })).toBe(other);
  });
});
