/**
 * C1 (workspace, R4): a phone number served by more than one flow, as the editor checks it — the flow being
 * edited counts as it is now (saved or not), and the message names every flow serving the number.
 */
import { describe, expect, it } from 'vitest';
import type { FlowDoc } from '../document/flow.ts';
import { checkFlow, type Problem } from './checkFlow.ts';
import { flow, node, servingFlow, workspaceWithSupportNumber } from './testkit.ts';

const twoFlows = (ps: Problem[]) => ps.filter((p) => p.code === 'C1-number-two-flows');

describe('C1 (R4): a number served by several flows', () => {
  it('names every flow serving the number, the last after “and”', () => {
    const a = servingFlow('a', 'Support line', ['num-support']);
    const ws = workspaceWithSupportNumber(a, servingFlow('b', 'Night line', ['num-support']), servingFlow('c', 'Holiday line', ['num-support']));
    const [shared, ...more] = twoFlows(checkFlow(a, { workspace: ws }));
    expect(more).toEqual([]);
    expect(shared!.message).toBe(
      'Phone number +15550100 (Support) is served by 3 flows: “Support line”, “Night line” and “Holiday line”. A call to it can enter only one (R4); take it out of all but one.',
    );
  });

  it('a flow not saved in the workspace yet is checked against the saved ones', () => {
    const draft = servingFlow('draft', 'Draft line', ['num-support']);
    const ws = workspaceWithSupportNumber(servingFlow('b', 'Night line', ['num-support']));
    const [shared] = twoFlows(checkFlow(draft, { workspace: ws }));
    expect(shared).toMatchObject({ severity: 'error', nodeId: 'start', field: 'numberIds' });
    expect(shared!.message).toContain('served by 2 flows: “Night line” and “Draft line”');
  });

  it('the flow being edited counts as it is now: a number taken out of its Start no longer clashes', () => {
    const saved = servingFlow('a', 'Support line', ['num-support']);
    const edited = servingFlow('a', 'Support line', []);
    const ws = workspaceWithSupportNumber(saved, servingFlow('b', 'Night line', ['num-support']));
    expect(twoFlows(checkFlow(edited, { workspace: ws }))).toEqual([]);
  });

  it('the flow being edited counts as it is now: a number just added to its Start clashes with the flow that had it', () => {
    const saved = servingFlow('a', 'Support line', []);
    const edited = servingFlow('a', 'Support line', ['num-support']);
    const ws = workspaceWithSupportNumber(saved, servingFlow('b', 'Night line', ['num-support']));
    const [shared] = twoFlows(checkFlow(edited, { workspace: ws }));
    expect(shared!.message).toContain('served by 2 flows: “Support line” and “Night line”');
  });

  it('a clash between two other flows is not this flow’s problem', () => {
    const ws = workspaceWithSupportNumber(servingFlow('b', 'Night line', ['num-support']), servingFlow('c', 'Holiday line', ['num-support']));
    expect(twoFlows(checkFlow(servingFlow('a', 'Support line', []), { workspace: ws }))).toEqual([]);
  });

  it('a flow without a Start that a number runs gets its missing Start reported, and no clash to hang on a Start', () => {
    const noStart: FlowDoc = { ...flow([node('bye', 'hangup')]), id: 'a', name: 'Support line' };
    const ws = workspaceWithSupportNumber(noStart, servingFlow('b', 'Night line', ['num-support']));
    ws.numbers[0]!.flowId = 'a';
    const problems = checkFlow(noStart, { workspace: ws });
    expect(twoFlows(problems)).toEqual([]);
    expect(problems.map((p) => p.code)).toContain('C1-no-start');
  });
});
