/** Agent and ring-group names for node views, memoised so views re-render only when those lists change. */
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import type { WorkspaceView } from '../../nodes/kit/workspace.ts';

export interface WorkspaceNames {
  agents: ReadonlyMap<string, string>;
  ringGroups: ReadonlyMap<string, string>;
}

const NamesContext = createContext<WorkspaceNames>({ agents: new Map(), ringGroups: new Map() });

export function WorkspaceNamesProvider({ workspace, children }: { workspace: Pick<WorkspaceView, 'agents' | 'ringGroups'>; children: ReactNode }) {
  const { agents, ringGroups } = workspace;
  const value = useMemo(
    () => ({ agents: new Map(agents.map((a) => [a.id, a.name])), ringGroups: new Map(ringGroups.map((g) => [g.id, g.name])) }),
    [agents, ringGroups],
  );
  return <NamesContext.Provider value={value}>{children}</NamesContext.Provider>;
}

export function useWorkspaceNames(): WorkspaceNames {
  return useContext(NamesContext);
}
