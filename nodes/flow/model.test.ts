import { describe, expect, it } from 'vitest';
import { createFlow, parseFlow, serializeFlow } from '../../runtime/document/flow.ts';
import { createWorkspace } from '../../runtime/document/workspace.ts';
import { flowBehavior } from './behavior.ts';
import { flowKind } from './kind.ts';
import { type FlowNodeData, flowModel } from './model.ts';

const ws = createWorkspace();
ws.flows.push(createFlow('support-line', 'Support line'));
const into = (flowId: string, returns = false): FlowNodeData => ({ label: 'Hand over', flowId, returns });

describe('flow model (R28)', () => {
  it('its defaults pass its own schema but still need a flow chosen', () => {
    const d = flowModel.defaults();
    expect(flowModel.schema.safeParse(d).success).toBe(true);
    expect(flowModel.check?.(d, {})).toEqual([{ severity: 'error', code: 'no-flow', message: 'Choose the flow the call continues in.', field: 'flowId' }]);
  });

  it('a freshly placed Flow node saves and reopens', () => {
    const flow = createFlow('f', 'F');
    flow.nodes.push({ id: 'x', kind: 'flow', position: { x: 0, y: 220 }, data: flowModel.defaults() });
    expect(parseFlow(serializeFlow(flow))).toEqual({ ok: true, value: flow });
  });

  it('has a next port only when the flow it enters returns', () => {
    expect(flowModel.hasInput).toBe(true);
    expect(flowModel.ports(into('support-line', true)).map((p) => p.id)).toEqual(['next']);
    expect(flowModel.ports(into('support-line', false))).toEqual([]);
  });

  it('names a flow by its id and says whether it returns, nothing more', () => {
    expect(flowModel.schema.safeParse(into('a b')).success).toBe(false);
    expect(flowModel.schema.safeParse({ ...into('x'), returns: 'yes' }).success).toBe(false);
    expect(flowModel.schema.safeParse({ ...into('x'), version: 2 }).success).toBe(false);
  });

  it('with a workspace, a flow it does not have is an error on flowId', () => {
    expect(flowModel.check?.(into('support-line'), { workspace: ws })).toEqual([]);
    expect(flowModel.check?.(into('claims-line'), { workspace: ws })).toEqual([
      { severity: 'error', code: 'unknown-flow', message: 'No flow "claims-line" in the workspace.', field: 'flowId' },
    ]);
    expect(flowModel.check?.(into('claims-line'), {})).toEqual([]);
  });

  it('is found by its label and the flow it names', () => {
    expect(flowModel.searchText(into('support-line'))).toContain('support-line');
  });
});

describe('flow behaviour (R28)', () => {
  it('enters the other flow; a module that returns comes back by next', () => {
    expect(flowBehavior.enter(into('support-line', true))).toEqual({ kind: 'enterFlow', flowId: 'support-line', returnPort: 'next' });
    expect(flowBehavior.enter(into('support-line', false))).toEqual({ kind: 'enterFlow', flowId: 'support-line', returnPort: null });
  });
});

describe('flow traits', () => {
  const t = flowKind.traits;

  it('C4: a call handed on for good leaves this flow there; one that comes back does not', () => {
    expect(t.leavesFlow?.(into('support-line', false))).toBe(true);
    expect(t.leavesFlow?.(into('support-line', true))).toBe(false);
  });

  it('names its flow (nothing while none is chosen), and keeps naming a deleted one for its check to report', () => {
    expect(t.references?.(into('support-line'))).toEqual([{ type: 'flow', id: 'support-line' }]);
    expect(t.references?.(flowModel.defaults())).toEqual([]);
    const d = into('support-line');
    expect(t.dropReference?.(d, { type: 'flow', id: 'support-line' })).toBe(d);
  });
});
