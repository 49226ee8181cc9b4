/**
 * What the flow on screen is being compared with, and the difference, kept
 * up to date as either side is edited. Not history and not saved: comparing
 * is a way of looking, like selection. It ends when another flow is opened or
 * the baseline flow (or version) is deleted. The diff code loads on first use
 * (`loadCompare`), so the first screen does not carry it.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useCurrentFlow, useEditor } from '../store/react.tsx';
import type { Baseline, Comparison } from './comparison.ts';

export type { Baseline, Comparison } from './comparison.ts';

let chunk: Promise<typeof import('./compareChunk.ts')> | null = null;
/** The Compare panel, dialog and diff, loaded once. */
export const loadCompare = () => {
  chunk ??= import('./compareChunk.ts');
  return chunk;
};

export interface CompareValue {
  comparison: Comparison | null;
  /** Starts comparing the flow on screen (or version `afterVersion` of it) with `baseline`. */
  compareWith(baseline: Baseline, afterVersion?: number): void;
  stop(): void;
}

const CompareContext = createContext<CompareValue>({ comparison: null, compareWith: () => {}, stop: () => {} });

export function CompareProvider({ children }: { children: ReactNode }) {
  const flows = useEditor((s) => s.workspace.flows);
  const versions = useEditor((s) => s.workspace.versions);
  const draft = useCurrentFlow();
  const [state, setState] = useState<{ baseline: Baseline; forFlowId: string; afterVersion: number | null } | null>(null);
  const [compare, setCompare] = useState<typeof import('./compareChunk.ts')['comparisonOf'] | null>(null);

  const baseline = state?.baseline;
  const versionOf = (flowId: string | undefined, number: number | null | undefined) =>
    number == null ? undefined : versions.find((v) => v.flowId === flowId && v.number === number)?.flow;
  const before = !baseline
    ? undefined
    : baseline.source === 'file'
      ? baseline.flow
      : baseline.source === 'version'
        ? versionOf(baseline.flowId, baseline.number)
        : flows.find((f) => f.id === baseline.flowId);
  const afterVersion = state?.afterVersion ?? null;
  const after = afterVersion === null ? draft : versionOf(draft?.id, afterVersion);
  const active =
    state !== null && draft !== undefined && after !== undefined && state.forFlowId === draft.id && before !== undefined && before !== after;
  useEffect(() => {
    // Another flow opened, or the baseline flow deleted: the comparison no longer says anything.
    if (state && !active) setState(null);
  }, [state, active]);

  const comparison = useMemo(
    () => (active && compare && baseline && before && after ? compare(baseline, before, after, afterVersion) : null),
    [active, compare, baseline, before, after, afterVersion],
  );

  const afterId = draft?.id;
  const compareWith = useCallback(
    (next: Baseline, version?: number) => {
      if (afterId === undefined) return;
      setState({ baseline: next, forFlowId: afterId, afterVersion: version ?? null });
      void loadCompare().then((m) => setCompare(() => m.comparisonOf));
    },
    [afterId],
  );
  const stop = useCallback(() => setState(null), []);
  const value = useMemo(() => ({ comparison, compareWith, stop }), [comparison, compareWith, stop]);
  return <CompareContext.Provider value={value}>{children}</CompareContext.Provider>;
}

export function useCompare(): CompareValue {
  return useContext(CompareContext);
}
