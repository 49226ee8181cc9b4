/**
 * Works out the values a Recording node's "use default" falls through to (R3)
 * for the flow on screen, and provides them to node views (`editor/kit/effective.ts`).
 * A flow can serve several numbers; when they disagree the view says so.
 */
import { type ReactNode, useMemo } from 'react';
import { isEntry, referencesOf } from '../../nodes/index.ts';
import { resolveSettings } from '../../runtime/call/settings.ts';
import type { FlowDoc } from '../../runtime/document/flow.ts';
import type { WorkspaceDoc } from '../../runtime/document/workspace.ts';
import { type EffectiveDefault, type EffectiveDefaults, EffectiveDefaultsContext } from '../kit/effective.ts';

/** The numbers whose calls run this flow: those pointing at it and those its entry lists. */
export function effectiveDefaults(
  ws: Pick<WorkspaceDoc, 'account' | 'numbers'>,
  flowId: string | undefined,
  startNumberIds: readonly string[],
): EffectiveDefaults {
  const numbers = ws.numbers.filter((n) => (flowId !== undefined && n.flowId === flowId) || startNumberIds.includes(n.id));
  // R2: channels are account-wide; only a Recording node changes them.
  const channels: EffectiveDefault<'dual' | 'mono'> = { value: ws.account.dualChannel ? 'dual' : 'mono', source: 'account', varies: false };
  const pauses = numbers.map((n) => {
    const eff = resolveSettings(ws, { direction: 'inbound', numberId: n.id, callerNumber: '' }).agentPause;
    return { value: eff.value, source: eff.source.kind === 'number' ? `number ${n.label || n.number}` : 'account' };
  });
  const first = pauses[0];
  let agentPause: EffectiveDefault<boolean>;
  if (!first) agentPause = { value: ws.account.agentPause, source: 'account', varies: false };
  else if (pauses.every((p) => p.value === first.value)) {
    agentPause = { value: first.value, source: pauses.every((p) => p.source === first.source) ? first.source : 'numbers', varies: false };
  } else agentPause = { value: first.value, source: 'differs by number', varies: true };
  return { channels, agentPause };
}

export function EffectiveProvider({ workspace, flow, children }: { workspace: WorkspaceDoc; flow: FlowDoc | undefined; children: ReactNode }) {
  const { account, numbers } = workspace;
  const entry = flow?.nodes.find(isEntry);
  // A string key keeps the value (and every Recording view) stable while unrelated parts of the flow change.
  const startKey = entry
    ? referencesOf(entry)
        .filter((r) => r.type === 'number')
        .map((r) => r.id)
        .join('\n')
    : '';
  const flowId = flow?.id;
  const value = useMemo(
    () => effectiveDefaults({ account, numbers }, flowId, startKey === '' ? [] : startKey.split('\n')),
    [account, numbers, flowId, startKey],
  );
  return <EffectiveDefaultsContext.Provider value={value}>{children}</EffectiveDefaultsContext.Provider>;
}
