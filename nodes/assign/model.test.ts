import { describe, expect, it } from 'vitest';
import { createFlow, parseFlow, serializeFlow } from '../../runtime/document/flow.ts';
import { createWorkspace } from '../../runtime/document/workspace.ts';
import { type AssignData, assignModel } from './model.ts';

const ws = createWorkspace();
ws.ringGroups.push({ id: 'rg-support', name: 'Support', memberIds: [] });
ws.agents.push({ id: 'ana', name: 'Ana', roleId: 'agent' });

const toGroup = (ringGroupId: string): AssignData => ({ ...assignModel.defaults(), target: { type: 'ringGroup', ringGroupId } });

describe('assign model', () => {
  it('its defaults pass its own schema but still need a target chosen', () => {
    const d = assignModel.defaults();
    expect(assignModel.schema.safeParse(d).success).toBe(true);
    expect(assignModel.check?.(d, {})).toEqual([{ severity: 'error', code: 'no-target', message: 'Choose who to ring.', field: 'target' }]);
  });

  it('a freshly placed Assign (no target yet) still saves and reopens', () => {
    const flow = createFlow('f', 'F');
    flow.nodes.push({ id: 'a', kind: 'assign', position: { x: 0, y: 220 }, data: assignModel.defaults() });
    expect(parseFlow(serializeFlow(flow))).toEqual({ ok: true, value: flow });
  });

  it('has an input and a "noAnswer" port', () => {
    expect(assignModel.hasInput).toBe(true);
    expect(assignModel.ports(assignModel.defaults()).map((p) => p.id)).toEqual(['noAnswer']);
  });

  it('rings a ring group or one agent, nothing else', () => {
    expect(assignModel.schema.safeParse({ ...toGroup('x'), target: { type: 'external', number: '+15550100' } }).success).toBe(false);
    expect(assignModel.schema.safeParse({ ...toGroup('x'), target: { type: 'agent', agentId: 'ana' } }).success).toBe(true);
  });

  it('refuses a ring timeout outside 1–600 whole seconds', () => {
    expect(assignModel.schema.safeParse({ ...toGroup('x'), ringTimeoutSeconds: 0 }).success).toBe(false);
    expect(assignModel.schema.safeParse({ ...toGroup('x'), ringTimeoutSeconds: 601 }).success).toBe(false);
  });

  it('with a workspace, the ring group or agent must exist', () => {
    expect(assignModel.check?.(toGroup('rg-support'), { workspace: ws })).toEqual([]);
    expect(assignModel.check?.(toGroup('rg-none'), { workspace: ws })?.map((p) => p.code)).toEqual(['unknown-ring-group']);
    expect(assignModel.check?.({ ...toGroup('x'), target: { type: 'agent', agentId: 'bo' } }, { workspace: ws })?.map((p) => p.code)).toEqual([
      'unknown-agent',
    ]);
    expect(assignModel.check?.(toGroup('rg-none'), {})).toEqual([]);
  });

  it('is found by its target', () => {
    expect(assignModel.searchText(toGroup('rg-support'))).toContain('rg-support');
  });
});
