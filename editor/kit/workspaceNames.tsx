/** Agent, ring-group, flow and phone-number names for node views, memoised so views re-render only when those names change. */
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import type { WorkspaceView } from '../../nodes/kit/workspace.ts';

export interface WorkspaceNames {
  agents: ReadonlyMap<string, string>;
  ringGroups: ReadonlyMap<string, string>;
  flows: ReadonlyMap<string, string>;
  /** A number as people know it: "Support line · +1 555 010 0100" (the number alone when it has no label). */
  numbers: ReadonlyMap<string, string>;
}

const NamesContext = createContext<WorkspaceNames>({ agents: new Map(), ringGroups: new Map(), flows: new Map(), numbers: new Map() });

const SEP = '\u0000';

function numberName(n: { number: string; label: string }): string {
  return n.label ? `${n.label} · ${n.number}` : n.number;
}

export function WorkspaceNamesProvider({
  workspace,
  children,
}: {
  workspace: Pick<WorkspaceView, 'agents' | 'ringGroups' | 'flows' | 'numbers'>;
  children: ReactNode;
}) {
  const { agents, ringGroups, flows, numbers } = workspace;
  // Every edit of a node makes a new flow list; its ids and names alone decide whether views must redraw.
  const flowKey = flows.map((f) => `${f.id}${SEP}${f.name}`).join(SEP);
  const value = useMemo(() => {
    const pairs = flowKey === '' ? [] : flowKey.split(SEP);
    const flowNames = new Map<string, string>();
    for (let i = 0; i + 1 < pairs.length; i += 2) flowNames.set(pairs[i]!, pairs[i + 1]!);
    return {
      agents: new Map(agents.map((a) => [a.id, a.name])),
      ringGroups: new Map(ringGroups.map((g) => [g.id, g.name])),
      flows: flowNames,
      numbers: new Map(numbers.map((n) => [n.id, numberName(n)])),
    };
  }, [agents, ringGroups, flowKey, numbers]);
  return <NamesContext.Provider value={value}>{children}</NamesContext.Provider>;
}

export function useWorkspaceNames(): WorkspaceNames {
  return useContext(NamesContext);
}
