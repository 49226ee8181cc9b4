/**
 * The difference between the flow on screen and the one it is compared with:
 * the flow's properties, nodes added, changed (each field, old → new), moved
 * or removed, and connections added, removed or rewired. A node still in the
 * flow is a button that selects it and brings it into view. Beside them, the
 * saved scenarios of either flow, each run through both versions: those that
 * record differently, how and why (as `recflow diff --calls` says it).
 */
import { useEffect, useMemo, useState } from 'react';
import { recordingFigures } from '../../runtime/call/recordingDiff.ts';
import { type FieldChange, formatValue, type NodeDiff } from '../../runtime/document/diff.ts';
import type { FlowDoc } from '../../runtime/document/flow.ts';
import type { WorkspaceDoc } from '../../runtime/document/workspace.ts';
import { getKind, getModel } from '../../nodes/index.ts';
import { DIFF_WORDS } from '../kit/viewData.ts';
import { KindIcon } from '../kit/icons.tsx';
import { defaultScenarioStorage, type ScenarioStorage } from '../simulator/scenarioStorage.ts';
import type { SavedScenario } from '../simulator/scenarios.ts';
import type { Comparison } from './comparison.ts';
import { type ScenarioChange, type ScenarioChanges, scenarioChanges, scenarioHeadline } from './scenarioChanges.ts';
import './compare.css';

function labelIn(flows: FlowDoc[], id: string): string {
  for (const f of flows) {
    const node = f.nodes.find((n) => n.id === id);
    if (node) return (node.data as { label?: string }).label || node.id;
  }
  return id;
}

function FieldList({ fields, className = 'compare__fields' }: { fields: readonly FieldChange[]; className?: string }) {
  return (
    <ul className={className}>
      {fields.map((f) => (
        <li key={f.field}>
          <code>{f.field}</code> <del>{formatValue(f.before)}</del> → <ins>{formatValue(f.after)}</ins>
        </li>
      ))}
    </ul>
  );
}

function NodeRow({ n, onJump }: { n: NodeDiff; onJump(nodeId: string): void }) {
  const body = (
    <>
      <span className={`diff-tag diff-tag--${n.change} compare__tag`}>{DIFF_WORDS[n.change]}</span>
      <KindIcon kind={getKind(n.kind)} name={n.kind} />
      <span className="compare__name">
        {n.label}
        <span className="compare__kind"> · {getModel(n.kind)?.title ?? n.kind}</span>
      </span>
      {n.change === 'changed' && n.moved ? <span className="compare__also">also moved</span> : null}
    </>
  );
  return (
    <li>
      {n.change === 'removed' ? (
        <div className="compare__item compare__item--gone" title="Only in the flow it is compared with">
          {body}
        </div>
      ) : (
        <button type="button" className="compare__item" onClick={() => onJump(n.id)} title="Select the node and show it">
          {body}
        </button>
      )}
      {n.fields.length > 0 ? <FieldList fields={n.fields} /> : null}
    </li>
  );
}

/** The saved scenarios, read again whenever the comparison changes (one may have been saved meanwhile); null while reading. */
function useSavedScenarios(storage: ScenarioStorage, comparison: Comparison): SavedScenario[] | null {
  const [list, setList] = useState<SavedScenario[] | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read again on each new comparison (an edit, another baseline)
  useEffect(() => {
    let live = true;
    storage.load().then(
      (l) => live && setList(l),
      () => live && setList([]),
    );
    return () => {
      live = false;
    };
  }, [storage, comparison]);
  return list;
}

function ScenarioRow({ change: { name, change } }: { change: ScenarioChange }) {
  const figures = recordingFigures({ ...change, appeared: change.appeared.length, vanished: change.vanished.length });
  return (
    <li className="compare__scenario" data-scenario={name}>
      <div>
        <strong>{name}</strong> <span className="compare__scenario-effect">{change.effect}</span>
      </div>
      {figures ? <div className="compare__scenario-figures">{figures}</div> : null}
      <ul className="compare__fields compare__fields--flow">
        {change.causes.map((cause) => (
          <li key={cause}>because {cause}</li>
        ))}
      </ul>
    </li>
  );
}

function ScenarioSection({ result }: { result: ScenarioChanges | null }) {
  return (
    <section aria-label="Saved scenarios" className="compare__scenarios">
      <h3>Saved scenarios</h3>
      <p className="compare__scenario-headline">{result ? scenarioHeadline(result) : 'running the saved scenarios…'}</p>
      {result && result.changed.length > 0 ? (
        <ul className="compare__list">
          {result.changed.map((c) => (
            <ScenarioRow key={c.saved.id} change={c} />
          ))}
        </ul>
      ) : null}
      {result && result.failed.length > 0 ? (
        <p className="compare__note">
          Could not replay: {result.failed.map((f) => `${f.name} (${f.error})`).join('; ')}
        </p>
      ) : null}
    </section>
  );
}

export interface ComparePanelProps {
  comparison: Comparison;
  /** The workspace the saved scenarios run in. */
  workspace: WorkspaceDoc;
  /** Where saved scenarios are read from (the simulator's store by default). */
  scenarioStorage?: ScenarioStorage;
  onJump(nodeId: string): void;
  onClose(): void;
}

export function ComparePanel({ comparison, workspace, scenarioStorage = defaultScenarioStorage, onJump, onClose }: ComparePanelProps) {
  const { diff, before, after, beforeName, afterName } = comparison;
  const saved = useSavedScenarios(scenarioStorage, comparison);
  // Two versions that differ only in layout, or not at all, send every call the same way: nothing to run.
  const behaviour = useMemo(
    () => (saved && !diff.identical && !diff.layoutOnly ? scenarioChanges(workspace, saved, before, after, diff) : null),
    [saved, workspace, before, after, diff],
  );
  const c = diff.counts;
  const flows = [after, before];
  const summary = diff.identical
    ? 'no differences'
    : [
        c.added ? `${c.added} new` : '',
        c.changed ? `${c.changed} changed` : '',
        c.removed ? `${c.removed} removed` : '',
        c.moved ? `${c.moved} moved` : '',
        c.connections ? `${c.connections} connection ${c.connections === 1 ? 'change' : 'changes'}` : '',
        diff.flow.length ? `${diff.flow.length} flow ${diff.flow.length === 1 ? 'property' : 'properties'}` : '',
      ]
        .filter(Boolean)
        .join(' · ');
  return (
    <section className="dock compare" aria-label="Compare">
      <header className="dock__head">
        <h2>Compare</h2>
        <span
          className="compare__what"
          title={`${afterName} against ${beforeName}: ${summary}${behaviour && behaviour.checked > 0 ? ` · ${scenarioHeadline(behaviour)}` : ''}`}
        >
          {afterName} against {beforeName}: <strong>{summary}</strong>
          {diff.layoutOnly ? <span className="compare__note"> (only the layout: calls go the same way)</span> : null}
          {behaviour && behaviour.checked > 0 ? <span className="compare__behaviour"> · {scenarioHeadline(behaviour)}</span> : null}
        </span>
        <button type="button" className="btn btn--ghost btn--icon" aria-label="Stop comparing" title="Stop comparing" onClick={onClose}>
          ✕
        </button>
      </header>
      {diff.identical ? null : (
        <div className="dock__body">
          {/* First: whether calls record differently is what a reviewer asks before which fields changed. */}
          {diff.layoutOnly ? null : <ScenarioSection result={behaviour} />}
          {diff.nodes.length > 0 ? (
            <section aria-label="Nodes">
              <h3>Nodes</h3>
              <ul className="compare__list">
                {diff.nodes.map((n) => (
                  <NodeRow key={`${n.change}:${n.id}`} n={n} onJump={onJump} />
                ))}
              </ul>
            </section>
          ) : null}
          {diff.connections.length > 0 || diff.flow.length > 0 ? (
            <section aria-label="Connections and flow">
              {diff.connections.length > 0 ? (
                <>
                  <h3>Connections</h3>
                  <ul className="compare__list">
                    {diff.connections.map((x) => (
                      <li key={`${x.source}:${x.port}`} className="compare__conn">
                        <span className={`diff-tag diff-tag--${x.change === 'rewired' ? 'changed' : x.change} compare__tag`}>
                          {x.change}
                        </span>
                        <span>
                          “{labelIn(flows, x.source)}” <code>{x.port}</code>{' '}
                          {x.before !== undefined ? <del>→ “{labelIn(flows, x.before)}”</del> : null}
                          {x.before !== undefined && x.after !== undefined ? ' ' : null}
                          {x.after !== undefined ? <ins>→ “{labelIn(flows, x.after)}”</ins> : null}
                        </span>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              {diff.flow.length > 0 ? (
                <>
                  <h3>Flow</h3>
                  <FieldList fields={diff.flow} className="compare__fields compare__fields--flow" />
                </>
              ) : null}
            </section>
          ) : null}
        </div>
      )}
    </section>
  );
}
