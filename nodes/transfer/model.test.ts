import { describe, expect, it } from 'vitest';
import { createWorkspace } from '../../runtime/document/workspace.ts';
import { describeTarget, isExternalTarget, type TransferTarget } from '../kit/fields.ts';
import { type TransferData, transferModel } from './model.ts';

const to = (target: TransferTarget): TransferData => ({ ...transferModel.defaults(), target });

describe('transfer model', () => {
  it('its defaults pass its own schema and its checks', () => {
    const d = transferModel.defaults();
    expect(transferModel.schema.safeParse(d).success).toBe(true);
    expect(transferModel.check?.(d, { workspace: createWorkspace() })).toEqual([]);
  });

  it('has an input and a "failed" port', () => {
    expect(transferModel.hasInput).toBe(true);
    expect(transferModel.ports(transferModel.defaults()).map((p) => p.id)).toEqual(['failed']);
  });

  it('R13/R16: only a transfer to an outside number is external', () => {
    expect(isExternalTarget({ type: 'external', number: '+15550100' })).toBe(true);
    expect(isExternalTarget({ type: 'agent', agentId: 'a' })).toBe(false);
    expect(isExternalTarget({ type: 'ringGroup', ringGroupId: 'g' })).toBe(false);
    expect(isExternalTarget({ type: 'extension', extension: '2040', system: 'teams' })).toBe(false);
  });

  it('R13: a private extension names its system (PBX, desk phone, Teams)', () => {
    expect(transferModel.schema.safeParse(to({ type: 'extension', extension: '2040', system: 'pbx' })).success).toBe(true);
    expect(transferModel.schema.safeParse({ ...to({ type: 'extension', extension: '2040', system: 'pbx' }), target: { type: 'extension', extension: '2040', system: 'skype' } }).success).toBe(false);
    expect(describeTarget({ type: 'extension', extension: '2040', system: 'teams' })).toBe('extension 2040 (Teams)');
  });

  it('refuses an outside number that is not a phone number', () => {
    expect(transferModel.schema.safeParse(to({ type: 'external', number: 'call me' })).success).toBe(false);
  });

  it('with a workspace, an agent or ring group target must exist', () => {
    const ws = createWorkspace();
    ws.agents.push({ id: 'ana', name: 'Ana', roleId: 'r' });
    expect(transferModel.check?.(to({ type: 'agent', agentId: 'ana' }), { workspace: ws })).toEqual([]);
    expect(transferModel.check?.(to({ type: 'agent', agentId: 'bo' }), { workspace: ws })?.map((p) => [p.code, p.field])).toEqual([['unknown-agent', 'target']]);
    expect(transferModel.check?.(to({ type: 'ringGroup', ringGroupId: 'g' }), { workspace: ws })?.map((p) => p.code)).toEqual(['unknown-ring-group']);
    expect(describeTarget({ type: 'agent', agentId: 'ana' }, ws)).toBe('agent Ana');
  });

  it('is found by its target', () => {
    expect(transferModel.searchText(to({ type: 'external', number: '+15550199' }))).toBe('Transfer outside number +15550199');
    expect(transferModel.searchText(to({ type: 'ringGroup', ringGroupId: 'rg-billing' }))).toBe('Transfer ring group rg-billing');
    expect(transferModel.searchText(to({ type: 'extension', extension: '4410', system: 'pbx' }))).toBe('Transfer extension 4410 (PBX)');
  });
});
