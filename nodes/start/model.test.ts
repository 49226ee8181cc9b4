import { describe, expect, it } from 'vitest';
import { createWorkspace } from '../../runtime/document/workspace.ts';
import { startModel } from './model.ts';

describe('start model', () => {
  it('its defaults pass its own schema', () => {
    expect(startModel.schema.safeParse(startModel.defaults()).success).toBe(true);
  });

  it('C1: has no input (nothing may lead into Start) and one "next" port', () => {
    expect(startModel.hasInput).toBe(false);
    expect(startModel.ports(startModel.defaults()).map((p) => p.id)).toEqual(['next']);
  });

  it('refuses number ids that are not ids', () => {
    expect(startModel.schema.safeParse({ label: 'x', numberIds: ['has space'] }).success).toBe(false);
    expect(startModel.schema.safeParse({ label: 'x' }).success).toBe(false);
  });

  it('R4: with a workspace, every number it serves must exist', () => {
    const ws = createWorkspace();
    ws.numbers.push({ id: 'main', number: '+15550100', label: '', flowId: null, override: { enabled: false, inbound: 'inherit', outbound: 'inherit', agentPause: 'inherit' } });
    const data = { label: 'In', numberIds: ['main', 'gone'] };
    expect(startModel.check?.(data, {})).toEqual([]);
    expect(startModel.check?.(data, { workspace: ws })).toEqual([
      { severity: 'error', code: 'unknown-number', message: 'No phone number "gone" in the workspace.', field: 'numberIds' },
    ]);
  });

  it('is found by its label and numbers', () => {
    expect(startModel.searchText({ label: 'Incoming', numberIds: ['main'] })).toContain('main');
  });
});
