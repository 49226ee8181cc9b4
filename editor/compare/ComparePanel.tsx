/**
 * The difference between the flow on screen and the one it is compared with:
 * the flow's properties, nodes added, changed (each field, old → new), moved
 * or removed, and connections added, removed or rewired. A node still in the
 * flow is a button that selects it and brings it into view.
 */
import { type FieldChange, formatValue, type NodeDiff } from '../../runtime/document/diff.ts';
import type { FlowDoc } from '../../runtime/document/flow.ts';
import { getKind, getModel } from '../../nodes/index.ts';
import { DIFF_WORDS } from '../kit/viewData.ts';
import { KindIcon } from '../kit/icons.tsx';
import type { Comparison } from './comparison.ts';
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

export interface ComparePanelProps {
  comparison: Comparison;
  onJump(nodeId: string): void;
  onClose(): void;
}

export function ComparePanel({ comparison, onJump, onClose }: ComparePanelProps) {
  const { diff, before, after, beforeName, afterName } = comparison;
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
        <span className="compare__what" title={`${afterName} against ${beforeName}: ${summary}`}>
          {afterName} against {beforeName}: <strong>{summary}</strong>
          {diff.layoutOnly ? <span className="compare__note"> (only the layout: calls go the same way)</span> : null}
        </span>
        <button type="button" className="btn btn--ghost btn--icon" aria-label="Stop comparing" title="Stop comparing" onClick={onClose}>
          ✕
        </button>
      </header>
      {diff.identical ? null : (
        <div className="dock__body">
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
