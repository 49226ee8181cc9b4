/**
 * The current flow's problems, computed once per change of the flow (or of the
 * workspace parts checks read) and shared by the canvas badges, the problems
 * panel, the inspector, the top bar and export.
 */
import { createContext, type ReactNode, useContext, useMemo, useRef } from 'react';
import { checkFlow, type Problem } from '../../runtime/checks/checkFlow.ts';
import type { WorkspaceDoc } from '../../runtime/document/workspace.ts';
import { groupProblems } from '../canvas/reconcile.ts';
import { useCurrentFlow, useEditor, useStore } from '../store/react.tsx';

export interface FlowProblems {
  all: Problem[];
  errors: Problem[];
  warnings: Problem[];
  byNode: Map<string, Problem[]>;
}

const EMPTY: FlowProblems = { all: [], errors: [], warnings: [], byNode: new Map() };
const ProblemsContext = createContext<FlowProblems>(EMPTY);

export function ProblemsProvider({ children }: { children: ReactNode }) {
  const store = useStore();
  const flow = useCurrentFlow();
  const account = useEditor((s) => s.workspace.account);
  const numbers = useEditor((s) => s.workspace.numbers);
  const agents = useEditor((s) => s.workspace.agents);
  const ringGroups = useEditor((s) => s.workspace.ringGroups);
  // Checks read settings, numbers, agents and ring groups, not other flows: edits elsewhere do not re-check.
  const context = useMemo<WorkspaceDoc>(
    () => ({ ...store.getState().workspace, account, numbers, agents, ringGroups }),
    [store, account, numbers, agents, ringGroups],
  );
  const previous = useRef<Map<string, Problem[]>>(new Map());
  const value = useMemo<FlowProblems>(() => {
    if (!flow) return EMPTY;
    const all = checkFlow(flow, { workspace: context });
    const byNode = groupProblems(all, previous.current);
    previous.current = byNode;
    return { all, errors: all.filter((p) => p.severity === 'error'), warnings: all.filter((p) => p.severity === 'warning'), byNode };
  }, [flow, context]);
  return <ProblemsContext.Provider value={value}>{children}</ProblemsContext.Provider>;
}

export function useProblems(): FlowProblems {
  return useContext(ProblemsContext);
}
