/**
 * The inspector: the selected node's form, a summary of a multi-selection,
 * or, with nothing selected, the flow's own properties. Pure: it reads props
 * and reports edits; the app's layout wires it to the store.
 */
import { z } from 'zod';
import { getModel, type NodeKindName } from '../../nodes/index.ts';
import type { FlowProblem, NodeProblem } from '../../nodes/kit/contract.ts';
import { labelSchema } from '../../nodes/kit/fields.ts';
import type { FlowDoc, FlowNode } from '../../runtime/document/flow.ts';
import type { WorkspaceDoc } from '../../runtime/document/workspace.ts';
import { uiOf } from '../kindUi.ts';
import type { AnyFieldsComponent } from '../kit/form.ts';
import { ProblemList, TextField, useSchemaForm } from '../kit/widgets.tsx';

export interface FlowPatch {
  name?: string;
  description?: string;
}

export interface InspectorProps {
  workspace: WorkspaceDoc;
  /** The flow being edited; null when the workspace has none open. */
  flow: FlowDoc | null;
  selectedNodeIds: readonly string[];
  /** Problems of the whole flow; the inspector picks those of the selected node. */
  problems: readonly FlowProblem[];
  onChangeNode(nodeId: string, data: FlowNode['data']): void;
  onChangeFlow(patch: FlowPatch): void;
}

/** The kind's inspector form (the `Form` of its `ui.tsx`); undefined only for a kind the registry does not know. */
export function fieldsFor(kind: string): AnyFieldsComponent | undefined {
  return uiOf(kind)?.Form as AnyFieldsComponent | undefined;
}

function toNodeProblems(problems: readonly FlowProblem[], nodeId: string): NodeProblem[] {
  return problems
    .filter((p) => p.nodeId === nodeId)
    .map((p) => {
      const out: NodeProblem = { severity: p.severity, code: p.code, message: p.message };
      if (p.field !== undefined) out.field = p.field;
      return out;
    });
}

export default function Inspector({ workspace, flow, selectedNodeIds, problems, onChangeNode, onChangeFlow }: InspectorProps) {
  if (!flow) {
    return (
      <aside className="rf-inspector" aria-label="Inspector">
        <h2>Inspector</h2>
        <p className="rf-empty">No flow is open. Create or open a flow to edit it here.</p>
      </aside>
    );
  }
  const selected = selectedNodeIds
    .map((id) => flow.nodes.find((n) => n.id === id))
    .filter((n): n is FlowNode => n !== undefined);
  return (
    <aside className="rf-inspector" aria-label="Inspector">
      {selected.length === 1 && selected[0] ? (
        <NodeInspector
          key={selected[0].id}
          node={selected[0]}
          workspace={workspace}
          problems={toNodeProblems(problems, selected[0].id)}
          onChangeNode={onChangeNode}
        />
      ) : selected.length > 1 ? (
        <SelectionSummary nodes={selected} problems={problems} />
      ) : (
        <FlowProperties key={flow.id} flow={flow} problems={problems} onChangeFlow={onChangeFlow} />
      )}
    </aside>
  );
}

function NodeInspector({
  node,
  workspace,
  problems,
  onChangeNode,
}: {
  node: FlowNode;
  workspace: WorkspaceDoc;
  problems: NodeProblem[];
  onChangeNode(nodeId: string, data: FlowNode['data']): void;
}) {
  const model = getModel(node.kind);
  const Fields = fieldsFor(node.kind);
  const fieldNames = Object.keys(node.data as object);
  const unplaced = problems.filter((p) => p.field === undefined || !fieldNames.includes(p.field.split('.')[0] ?? ''));
  return (
    <section className="rf-form" aria-labelledby={`rf-node-${node.id}`}>
      <header className="rf-kind-header">
        <span className="rf-kind-tag">{model?.title ?? node.kind} node</span>
        <h2 id={`rf-node-${node.id}`}>{(node.data as { label?: string }).label || model?.title || node.kind}</h2>
        {model ? <p className="rf-muted">{model.description}</p> : null}
      </header>
      <ProblemList problems={unplaced} title="Node problems" />
      {Fields ? (
        <Fields
          data={node.data}
          problems={problems}
          workspace={workspace}
          onChange={(next) => onChangeNode(node.id, next as FlowNode['data'])}
        />
      ) : (
        <p className="rf-empty">This version of Recflow does not know “{node.kind}” nodes.</p>
      )}
    </section>
  );
}

function SelectionSummary({ nodes, problems }: { nodes: FlowNode[]; problems: readonly FlowProblem[] }) {
  const byKind = new Map<NodeKindName, number>();
  for (const n of nodes) byKind.set(n.kind, (byKind.get(n.kind) ?? 0) + 1);
  const ids = new Set(nodes.map((n) => n.id));
  const mine = problems.filter((p) => p.nodeId !== undefined && ids.has(p.nodeId));
  const errors = mine.filter((p) => p.severity === 'error').length;
  const warnings = mine.length - errors;
  return (
    <section className="rf-form" aria-label="Selection">
      <header className="rf-kind-header">
        <h2>{nodes.length} nodes selected</h2>
        <p className="rf-muted">Select a single node to edit its settings.</p>
      </header>
      <ul className="rf-summary-list">
        {[...byKind].map(([kind, count]) => (
          <li key={kind}>
            {count} × {getModel(kind)?.title ?? kind}
          </li>
        ))}
      </ul>
      <p className="rf-muted">
        {errors === 0 && warnings === 0
          ? 'No problems in the selection.'
          : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in the selection.`}
      </p>
    </section>
  );
}

const flowPropsSchema = z.strictObject({
  name: labelSchema.refine((s) => s.trim() !== '', 'The flow needs a name.'),
  description: z.string().max(2000, 'must be at most 2000 characters'),
});

function FlowProperties({
  flow,
  problems,
  onChangeFlow,
}: {
  flow: FlowDoc;
  problems: readonly FlowProblem[];
  onChangeFlow(patch: FlowPatch): void;
}) {
  const current = { name: flow.name, description: flow.description ?? '' };
  const form = useSchemaForm(flowPropsSchema, (next) => {
    const patch: FlowPatch = {};
    if (next.name !== flow.name) patch.name = next.name;
    if (next.description !== (flow.description ?? '')) patch.description = next.description;
    onChangeFlow(patch);
  });
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return (
    <section className="rf-form" aria-label="Flow properties">
      <header className="rf-kind-header">
        <span className="rf-kind-tag">Flow</span>
        <h2>{flow.name}</h2>
        <p className="rf-muted">Nothing is selected: these are the flow's own properties. Select a node to edit it.</p>
      </header>
      <TextField
        label="Flow name"
        value={form.text('name', flow.name)}
        error={form.error('name')}
        onText={(raw) => form.edit('name', raw, { ...current, name: raw })}
      />
      <TextField
        label="Description"
        multiline
        rows={4}
        value={form.text('description', current.description)}
        error={form.error('description')}
        hint="What the flow is for; shown to whoever opens it next."
        onText={(raw) => form.edit('description', raw, { ...current, description: raw })}
      />
      <dl className="rf-stats">
        <dt>Nodes</dt>
        <dd>{flow.nodes.length}</dd>
        <dt>Connections</dt>
        <dd>{flow.edges.length}</dd>
        <dt>Problems</dt>
        <dd>
          {errors} error{errors === 1 ? '' : 's'}, {warnings} warning{warnings === 1 ? '' : 's'}
        </dd>
      </dl>
    </section>
  );
}
