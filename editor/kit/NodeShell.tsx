/**
 * The frame every node view shares: kind header, label, problem badge, the
 * input handle and one labelled output handle per port (handle id = port id).
 * Views put their key fields inside as `<NodeField>` rows.
 */
import { Handle, Position } from '@xyflow/react';
import { createContext, type ReactNode, useContext, useId } from 'react';
import type { FlowProblem } from '../../nodes/kit/contract.ts';
import { KindIcon } from './icons.tsx';
import { useKind } from './kindLookup.ts';
import { DIFF_WORDS, type DiffMark, INPUT_HANDLE, type KindNode, type SimHighlight } from './viewData.ts';

/** What the canvas lets a port do; absent (stories) the ports are display-only. */
export interface PortActions {
  /** Marks an unconnected port as ending the call, or clears the mark (C1). */
  toggleEndsCall(nodeId: string, port: string): void;
}

export const PortActionsContext = createContext<PortActions | null>(null);

export interface NodeShellProps {
  node: KindNode;
  problems: FlowProblem[];
  sim: SimHighlight;
  /** Its difference from the flow it is being compared with, if any. */
  diff?: DiffMark | undefined;
  selected: boolean;
  children?: ReactNode;
}

const DIFF_TITLES = {
  added: 'Not in the flow it is compared with',
  changed: 'Changed since the flow it is compared with',
  moved: 'Only moved since the flow it is compared with',
} as const;

function ProblemBadge({ problems }: { problems: FlowProblem[] }) {
  const tipId = useId();
  if (problems.length === 0) return null;
  const errors = problems.filter((p) => p.severity === 'error').length;
  const tone = errors > 0 ? 'error' : 'warning';
  const summary = `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`;
  return (
    <span className={`node-badge node-badge--${tone}`} role="img" aria-label={summary} aria-describedby={tipId}>
      {tone === 'error' ? '!' : '⚠'} {problems.length}
      <span className="node-badge__tip" role="tooltip" id={tipId}>
        {problems.map((p, i) => (
          <span key={i} className={`node-badge__line node-badge__line--${p.severity}`}>
            {p.message}
          </span>
        ))}
      </span>
    </span>
  );
}

export function NodeShell({ node, problems, sim, diff, selected, children }: NodeShellProps) {
  const portActions = useContext(PortActionsContext);
  const kind = useKind(node.kind);
  const model = kind?.model;
  const ports = model ? model.ports(node.data) : [];
  const ends = new Set(node.endsCall ?? []);
  const portProblems = new Set(problems.filter((p) => p.port !== undefined).map((p) => p.port));
  const label = (node.data as { label?: string }).label;
  const classes = ['fnode', `fnode--${node.kind}`];
  if (selected) classes.push('is-selected');
  if (sim) classes.push(`is-${sim}`);
  if (diff) classes.push(`is-diff-${diff}`);
  if (problems.some((p) => p.severity === 'error')) classes.push('has-error');
  return (
    <div
      className={classes.join(' ')}
      style={{ ['--kind-color' as string]: `var(--kind-${node.kind}, var(--muted))`, minWidth: Math.max(208, ports.length * 72) }}
      data-node-id={node.id}
      data-kind={node.kind}
    >
      <Handle
        type="target"
        position={Position.Top}
        id={INPUT_HANDLE}
        // Start takes no incoming edge; its handle exists so a refused drop can say why.
        className={model?.hasInput ? 'handle-in' : 'handle-in handle-in--closed'}
        isConnectableStart={false}
      />
      <div className="fnode__head">
        <KindIcon kind={kind} name={node.kind} />
        <div className="fnode__titles">
          <span className="fnode__kind">{model?.title ?? node.kind}</span>
          <span className="fnode__label" title={label}>
            {label || <em className="fnode__placeholder">Untitled</em>}
          </span>
        </div>
        <ProblemBadge problems={problems} />
        {sim === 'active' ? <span className="fnode__sim">in call</span> : null}
        {diff ? (
          <span className={`diff-tag diff-tag--${diff} fnode__diff`} title={DIFF_TITLES[diff]}>
            {DIFF_WORDS[diff]}
          </span>
        ) : null}
      </div>
      {children ? <div className="fnode__body">{children}</div> : null}
      {ports.length > 0 ? (
        <div className="fnode__ports">
          {ports.map((p) => (
            <div
              key={p.id}
              className={`fport${ends.has(p.id) ? ' fport--ends' : ''}${portProblems.has(p.id) ? ' fport--problem' : ''}`}
              title={
                ends.has(p.id)
                  ? `${p.label}: the call ends here (double-click to undo)`
                  : `${p.label}${portActions ? ' (double-click: the call ends here)' : ''}`
              }
              onDoubleClick={
                portActions
                  ? (e) => {
                      e.stopPropagation();
                      portActions.toggleEndsCall(node.id, p.id);
                    }
                  : undefined
              }
            >
              <span className="fport__label">{p.label}</span>
              <Handle type="source" position={Position.Bottom} id={p.id} className="handle-out" isConnectableEnd={false} />
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}

/** One "name: value" row of a node's key fields; `hint` marks a value that comes from elsewhere (R3 defaults). */
export function NodeField({ name, children, hint }: { name: string; children: ReactNode; hint?: string }) {
  return (
    <div className="ffield">
      <span className="ffield__name">{name}</span>
      <span className="ffield__value" title={hint}>
        {children}
      </span>
    </div>
  );
}
