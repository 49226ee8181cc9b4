/**
 * The problems of the flow on screen, errors apart from warnings. Clicking
 * one selects its node and brings it into view.
 */
import type { Problem } from '../../runtime/checks/checkFlow.ts';
import type { FlowDoc } from '../../runtime/document/flow.ts';
import { Icon } from '../ui/icons.tsx';
import { useProblems } from './ProblemsContext.tsx';
import './problems.css';

function nodeLabel(flow: FlowDoc, id: string | undefined): string | null {
  if (id === undefined) return null;
  const node = flow.nodes.find((n) => n.id === id);
  if (!node) return id;
  return (node.data as { label?: string }).label || node.id;
}

interface GroupProps {
  title: string;
  tone: 'error' | 'warning';
  problems: Problem[];
  flow: FlowDoc;
  onJump(nodeId: string): void;
  onEndCall?: (nodeId: string, port: string) => void;
}

function Group({ title, tone, problems, flow, onJump, onEndCall }: GroupProps) {
  if (problems.length === 0) return null;
  return (
    <section className={`problems__group problems__group--${tone}`} aria-label={title}>
      <h3>
        {title} <span className="problems__count">{problems.length}</span>
      </h3>
      <ul>
        {problems.map((p, i) => {
          const label = nodeLabel(flow, p.nodeId);
          const body = (
            <>
              <Icon name={tone} />
              <span className="problems__msg">{p.message}</span>
              {label ? <span className="problems__node">{label}</span> : null}
              <code className="problems__code">{p.code}</code>
            </>
          );
          // C1 offers two ways out of an open port; "ends the call" is a one-click fix.
          const fix =
            onEndCall && p.code === 'C1-port-unconnected' && p.nodeId !== undefined && p.port !== undefined ? (
              <button type="button" className="btn problems__fix" onClick={() => onEndCall(p.nodeId!, p.port!)}>
                Mark “{p.port}” as ending the call
              </button>
            ) : null;
          return (
            <li key={`${p.code}-${p.nodeId ?? ''}-${p.port ?? ''}-${i}`}>
              {p.nodeId !== undefined ? (
                <button type="button" className="problems__item" onClick={() => onJump(p.nodeId!)} title="Select the node and show it">
                  {body}
                </button>
              ) : (
                <div className="problems__item problems__item--flow">{body}</div>
              )}
              {fix}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function ProblemsPanel({
  flow,
  onJump,
  onEndCall,
  onClose,
}: {
  flow: FlowDoc;
  onJump(nodeId: string): void;
  /** Offers "mark as ending the call" on open ports (C1) when given. */
  onEndCall?: (nodeId: string, port: string) => void;
  onClose(): void;
}) {
  const { errors, warnings } = useProblems();
  const clean = errors.length === 0 && warnings.length === 0;
  return (
    <section className={clean ? 'dock problems problems--clean' : 'dock problems'} aria-label="Problems">
      <header className="dock__head problems__head">
        <h2>Problems</h2>
        <span className="problems__summary">
          <span className={errors.length ? 'count-error' : ''}>
            {errors.length} {errors.length === 1 ? 'error' : 'errors'}
          </span>
          {' · '}
          <span className={warnings.length ? 'count-warning' : ''}>
            {warnings.length} {warnings.length === 1 ? 'warning' : 'warnings'}
          </span>
          {errors.length > 0 ? <span className="problems__note">Errors block export to production; warnings do not.</span> : null}
        </span>
        {clean ? (
          <p className="problems__none">
            <Icon name="check" /> No problems: every port is connected or ends the call, and the checks C1–C4 pass.
          </p>
        ) : null}
        <button type="button" className="btn btn--ghost btn--icon" aria-label="Hide problems" onClick={onClose}>
          ✕
        </button>
      </header>
      {clean ? null : (
        <div className="dock__body">
          <Group title="Errors" tone="error" problems={errors} flow={flow} onJump={onJump} onEndCall={onEndCall} />
          <Group title="Warnings" tone="warning" problems={warnings} flow={flow} onJump={onJump} onEndCall={onEndCall} />
        </div>
      )}
    </section>
  );
}
