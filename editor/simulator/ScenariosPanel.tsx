/**
 * Saved scenarios, listed per flow: save the call on screen (its current
 * result becomes the expectation), load one back into the simulator, run
 * them all against the current documents with pass/fail and the
 * differences in words, accept a new result, export them for `recflow test`,
 * import a scenario file (one scenario, or that export), and run one on
 * another platform to see what it would record there (R30).
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { DocError } from '../../runtime/document/errors.ts';
import type { CallStart } from '../../runtime/call/types.ts';
import type { WorkspaceDoc } from '../../runtime/document/workspace.ts';
import { PLATFORMS, type PlatformId, presetOf } from '../../runtime/platforms/presets.ts';
import { onPlatform } from '../settings/platform.ts';
import { HiddenFileInput } from '../ui/HiddenFileInput.tsx';
import { secs } from './format.ts';
import { comparePresets } from './presetCompare.ts';
import { exportScenarios, exportFileName } from './scenarioExport.ts';
import type { ScenarioStorage } from './scenarioStorage.ts';
import { checkScenario, type SavedScenario, type ScenarioOutcome, scenarioOf, stepsOf } from './scenarios.ts';
import { addScenarios, describeAdded, readScenarioFile } from './scenarioTransfer.ts';
import { flowFor, type SimStore } from './simStore.ts';
import Timeline from './Timeline.tsx';
import { useSim } from './useSim.ts';

export interface ScenariosPanelProps {
  workspace: WorkspaceDoc;
  sim: SimStore;
  storage: ScenarioStorage;
  /** The flow on screen: "Generate scenarios" covers it. */
  currentFlowId?: string | null;
}

const newId = () => `sc-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

/** A saved scenario run on the workspace's platform and on another one, with the differences in words (R30). */
function PlatformComparison({ workspace, saved, platform, onClose }: { workspace: WorkspaceDoc; saved: SavedScenario; platform: PlatformId; onClose(): void }) {
  // Re-run on every edit, like the scenarios' own results.
  const c = useMemo(() => comparePresets(workspace, saved, platform), [workspace, saved, platform]);
  const here = presetOf(workspace.platform).name;
  const there = presetOf(platform).name;
  const name = saved.scenario.name ?? 'this call';
  const recorded = (r: typeof c.base.result) => (r ? (r.recorded ? `${secs(r.totalRecordedSeconds)} s recorded` : 'nothing recorded') : 'not replayed');
  const on = onPlatform(workspace, platform);
  const start = saved.scenario.call as CallStart;
  return (
    <section className="sim-compare" aria-label={`${name} on ${there}`}>
      <div className="sim-compare__head">
        <h4>What would this call record on {there}?</h4>
        <button type="button" className="sim-btn" onClick={onClose} aria-label={`Close the comparison with ${there}`}>
          Close
        </button>
      </div>
      <p className="sim-muted" data-testid="compare-totals">
        {here}: {recorded(c.base.result)} · {there}: {recorded(c.other.result)}
      </p>
      {c.differences.length === 0 ? (
        <p className="sim-yes" role="status">
          The same as on {here}: no difference.
        </p>
      ) : (
        <ul className="sim-compare__diff" aria-label={`Differences on ${there}`}>
          {c.differences.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
      {c.other.result ? (
        <details className="sim-compare__timeline">
          <summary>The timeline on {there}</summary>
          <Timeline result={c.other.result} workspace={on} start={start} flow={flowFor(on, start, saved.flowChoice)} />
        </details>
      ) : null}
    </section>
  );
}

function download(name: string, bytes: Uint8Array) {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export default function ScenariosPanel({ workspace, sim, storage, currentFlowId = null }: ScenariosPanelProps) {
  const call = useSim(sim, (s) => s.call);
  const nameId = useId();
  const [scenarios, setScenarios] = useState<SavedScenario[] | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [outcomes, setOutcomes] = useState<Map<string, ScenarioOutcome> | null>(null);
  const [coverage, setCoverage] = useState<string | null>(null);
  const [comparing, setComparing] = useState<{ id: string; platform: PlatformId } | null>(null);
  const [imported, setImported] = useState<{ fileName: string; message: string | null; errors: DocError[] } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const currentFlow = currentFlowId ? workspace.flows.find((f) => f.id === currentFlowId) : undefined;

  useEffect(() => {
    let live = true;
    const load = () =>
      storage.load().then(
        (list) => live && setScenarios(list),
        (e: unknown) => {
          if (!live) return;
          setScenarios([]);
          setError(`Could not read saved scenarios: ${e instanceof Error ? e.message : String(e)}`);
        },
      );
    void load();
    // Scenarios added elsewhere (a workspace or scenario file imported from the toolbar) show here at once.
    const unsubscribe = storage.subscribe(() => void load());
    return () => {
      live = false;
      unsubscribe();
    };
  }, [storage]);

  /** A scenario file (one scenario, or the ZIP "Export for recflow test" writes): the valid scenarios are saved, the rest listed by JSON path. */
  const importFile = async (file: File) => {
    const read = await readScenarioFile(file, workspace, currentFlowId);
    let message: string | null = null;
    if (read.scenarios.length > 0) {
      try {
        const outcome = await addScenarios(storage, read.scenarios);
        message = describeAdded(workspace, outcome);
        if (outcome.added.length > 0 && outcomes) setOutcomes(new Map([...outcomes, ...outcome.added.map((a) => [a.id, checkScenario(workspace, a)] as const)]));
      } catch (e) {
        setError(`Could not save scenarios: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    setImported({ fileName: file.name, message, errors: read.errors });
  };

  const persist = (next: SavedScenario[]) => {
    setScenarios(next);
    storage.save(next).catch((e: unknown) => setError(`Could not save scenarios: ${e instanceof Error ? e.message : String(e)}`));
  };

  // After a run, an edit to the workspace re-runs them: the list shows what the edit did to each scenario.
  const runAll = (list: readonly SavedScenario[]) => new Map(list.map((s) => [s.id, checkScenario(workspace, s)]));
  const ran = outcomes !== null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run only when the documents change after a first run
  useEffect(() => {
    if (ran && scenarios) setOutcomes(runAll(scenarios));
  }, [workspace]);

  const byFlow = useMemo(() => {
    const groups = new Map<string, SavedScenario[]>();
    for (const s of scenarios ?? []) {
      const key = s.flowId ?? '';
      const g = groups.get(key);
      if (g) g.push(s);
      else groups.set(key, [s]);
    }
    return [...groups.entries()];
  }, [scenarios]);

  const flowName = (id: string) => (id === '' ? 'Calls without a flow (outbound, direct numbers)' : (workspace.flows.find((f) => f.id === id)?.name ?? `${id} (flow deleted)`));
  const trimmed = name.trim();

  const save = () => {
    if (!call || !scenarios || trimmed === '') return;
    const scenario: SavedScenario = {
      id: newId(),
      flowId: call.flowId,
      flowChoice: call.flowChoice,
      savedAt: new Date().toISOString(),
      // The steps in effect now (after stepping back, the later ones are not part of it).
      scenario: scenarioOf(trimmed, call.start, call.history.slice(0, call.historyIndex), call.result),
    };
    persist([...scenarios, scenario]);
    setName('');
    if (outcomes) setOutcomes(new Map(outcomes).set(scenario.id, checkScenario(workspace, scenario)));
  };

  const accept = (o: ScenarioOutcome) => {
    if (!scenarios || !o.result) return;
    const sc = o.saved.scenario;
    const updated: SavedScenario = {
      ...o.saved,
      savedAt: new Date().toISOString(),
      scenario: scenarioOf(sc.name ?? '', sc.call as CallStart, stepsOf(sc), o.result),
    };
    persist(scenarios.map((s) => (s.id === updated.id ? updated : s)));
    if (outcomes) setOutcomes(new Map(outcomes).set(updated.id, checkScenario(workspace, updated)));
  };

  /** Calls that together reach every reachable node and port of the flow on screen, saved as scenarios (recflow cover). */
  const generate = async () => {
    if (!scenarios || !currentFlow) return;
    // Loaded on first use: the graph walk is not needed to draw or simulate.
    const { coverFlow } = await import('../../runtime/call/cover.ts');
    const report = coverFlow(workspace, currentFlow);
    const savedAt = new Date().toISOString();
    const generated: SavedScenario[] = report.scenarios.map((c) => ({
      id: newId(),
      flowId: currentFlow.id,
      flowChoice: { kind: 'flow', flowId: currentFlow.id },
      savedAt,
      scenario: scenarioOf(`${currentFlow.name}: ${c.name}`, c.call, c.actions.map(({ at, ...action }) => ({ at, action })), c.result),
    }));
    persist([...scenarios, ...generated]);
    if (outcomes) setOutcomes(new Map([...outcomes, ...generated.map((g) => [g.id, checkScenario(workspace, g)] as const)]));
    const n = report.nodes;
    const p = report.ports;
    const missed = [...n.missed, ...p.missed.map((x) => `${x.nodeId}:${x.port}`)];
    const unreachable = [...n.unreachable, ...p.unreachable.map((x) => `${x.nodeId}:${x.port}`)];
    setCoverage(
      `${generated.length} scenario${generated.length === 1 ? '' : 's'} reach ${n.covered.length} of ${n.reachable.length} nodes and ${p.covered.length} of ${p.reachable.length} ports of “${currentFlow.name}”.` +
        (missed.length ? ` Not reached by any call: ${missed.join(', ')}.` : '') +
        (unreachable.length ? ` Unreachable from Start (not counted): ${unreachable.join(', ')}.` : ''),
    );
  };

  const remove = (s: SavedScenario) => {
    if (!scenarios) return;
    persist(scenarios.filter((x) => x.id !== s.id));
    if (outcomes) {
      const next = new Map(outcomes);
      next.delete(s.id);
      setOutcomes(next);
    }
  };

  if (scenarios === null) return <p className="sim-muted">Loading scenarios…</p>;
  const passed = outcomes ? [...outcomes.values()].filter((o) => o.pass).length : 0;

  return (
    <section className="sim-panel sim-scenarios" aria-label="Scenarios">
      {error ? (
        <p className="sim-note sim-note--error" role="alert">
          {error}
        </p>
      ) : null}
      <form
        className="sim-scenarios__save"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <label htmlFor={nameId}>Scenario name</label>
        <input id={nameId} type="text" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} placeholder="e.g. blind transfer to partner" />
        <button type="submit" className="sim-btn sim-btn--primary" disabled={!call || trimmed === ''}>
          Save current call as scenario
        </button>
        {!call ? <span className="sim-muted">Start a call first.</span> : <span className="sim-muted">Its result now becomes the expectation.</span>}
      </form>

      <div className="sim-scenarios__bar">
        <button type="button" className="sim-btn" disabled={!currentFlow} onClick={generate} title="recflow cover: calls that together reach every node and port of this flow">
          Generate scenarios covering every path
        </button>
        <button type="button" className="sim-btn" disabled={scenarios.length === 0} onClick={() => setOutcomes(runAll(scenarios))}>
          Run all
        </button>
        <button
          type="button"
          className="sim-btn"
          disabled={scenarios.length === 0}
          onClick={() => download(exportFileName(workspace), exportScenarios(workspace, scenarios))}
        >
          Export for recflow test
        </button>
        <button
          type="button"
          className="sim-btn"
          onClick={() => fileInput.current?.click()}
          title="A scenario file (.json), or the .zip Export for recflow test writes"
        >
          Import scenario file…
        </button>
        <HiddenFileInput ref={fileInput} testId="scenario-import-input" onFile={(file) => void importFile(file)} />
        {outcomes ? (
          <span role="status" className={passed === outcomes.size ? 'sim-yes' : 'sim-no'}>
            {passed} of {outcomes.size} passed
          </span>
        ) : null}
      </div>

      {imported ? (
        <div className={imported.errors.length > 0 ? 'sim-note sim-note--error' : 'sim-note'} role="status" aria-label="Scenario import">
          <p>
            <strong>{imported.fileName}</strong>: {imported.message ?? 'nothing was imported.'}
          </p>
          {imported.errors.length > 0 ? (
            <>
              <p>{imported.message ? 'Some of it was not imported:' : 'The file has these problems:'}</p>
              <ul className="error-list" aria-label="Problems of the scenario file">
                {imported.errors.slice(0, 50).map((e, i) => (
                  <li key={i}>
                    <code>{e.path}</code> <span>{e.message}</span>
                  </li>
                ))}
              </ul>
              {imported.errors.length > 50 ? <p className="sim-muted">…and {imported.errors.length - 50} more.</p> : null}
            </>
          ) : null}
          <button type="button" className="sim-btn" onClick={() => setImported(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
      {coverage ? (
        <p className="sim-note" role="status" aria-label="Coverage">
          {coverage}
        </p>
      ) : null}
      {scenarios.length === 0 ? <p className="sim-muted">No scenarios yet. Simulate a call, then save it here as a regression check.</p> : null}
      {byFlow.map(([flowId, list]) => (
        <div key={flowId} className="sim-scenarios__group">
          <h3>{flowName(flowId)}</h3>
          <ul className="sim-scenarios__list" aria-label={`Scenarios of ${flowName(flowId)}`}>
            {list.map((s) => {
              const o = outcomes?.get(s.id);
              return (
                <li key={s.id} data-scenario={s.scenario.name} data-status={o ? (o.pass ? 'pass' : 'fail') : 'not-run'}>
                  <div className="sim-scenarios__row">
                    {o ? <span className={o.pass ? 'sim-pill sim-pill--pass' : 'sim-pill sim-pill--fail'}>{o.pass ? 'pass' : 'fail'}</span> : <span className="sim-pill">not run</span>}
                    <strong>{s.scenario.name}</strong>
                    <span className="sim-muted">
                      {s.scenario.call.direction}, {s.scenario.actions.length} steps
                    </span>
                    <span className="sim-scenarios__actions">
                      <button type="button" className="sim-btn" onClick={() => sim.load(s.scenario.call as CallStart, s.flowChoice, stepsOf(s.scenario))}>
                        Load
                      </button>
                      {o && !o.pass ? (
                        <button type="button" className="sim-btn" onClick={() => accept(o)}>
                          Accept new result
                        </button>
                      ) : null}
                      {PLATFORMS.filter((p) => p !== workspace.platform).map((p) => (
                        <button
                          key={p}
                          type="button"
                          className="sim-btn"
                          aria-pressed={comparing?.id === s.id && comparing.platform === p}
                          aria-label={`What would ${s.scenario.name} record on ${presetOf(p).name}?`}
                          title={`Run this scenario on ${presetOf(p).name} and list what differs (R30)`}
                          onClick={() => setComparing(comparing?.id === s.id && comparing.platform === p ? null : { id: s.id, platform: p })}
                        >
                          On {presetOf(p).name}?
                        </button>
                      ))}
                      <button type="button" className="sim-btn" onClick={() => remove(s)} aria-label={`Delete scenario ${s.scenario.name}`}>
                        Delete
                      </button>
                    </span>
                  </div>
                  {comparing?.id === s.id && comparing.platform !== workspace.platform ? (
                    <PlatformComparison workspace={workspace} saved={s} platform={comparing.platform} onClose={() => setComparing(null)} />
                  ) : null}
                  {o && !o.pass ? (
                    <ul className="sim-scenarios__diff" aria-label={`Differences in ${s.scenario.name}`}>
                      {o.differences.map((d, i) => (
                        <li key={i}>{d}</li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
