/**
 * Stateful wrappers for the pure, controlled editor components: they hold
 * the document the way the editor's store does, so a story can be typed into, and
 * report every change to the story's spy so play functions can assert it.
 */
import { produce } from 'immer';
import { type ComponentType, useState } from 'react';
import Inspector, { type FlowPatch, type InspectorProps } from '../editor/inspector/Inspector.tsx';
import type { FieldsProps } from '../editor/kit/form.ts';
import SettingsArea from '../editor/settings/SettingsArea.tsx';
import type { NodeModel, NodeProblem } from '../nodes/kit/contract.ts';
import type { WorkspaceView } from '../nodes/kit/workspace.ts';
import { checkFlow } from '../runtime/checks/checkFlow.ts';
import type { FlowNode } from '../runtime/document/flow.ts';
import type { WorkspaceDoc } from '../runtime/document/workspace.ts';

/** A kind's form with its data held in state and its problems recomputed by the model's own check. */
export function FieldsHarness<D>({
  Fields,
  model,
  initial,
  workspace,
  extraProblems = [],
  onChange,
}: {
  Fields: ComponentType<FieldsProps<D>>;
  model: NodeModel<D>;
  initial: D;
  workspace: WorkspaceView;
  /** Problems beyond the model's check (flow-level ones such as C2), shown as given. */
  extraProblems?: NodeProblem[];
  onChange(next: D): void;
}) {
  const [data, setData] = useState(initial);
  const problems = [...(model.check?.(data, { workspace }) ?? []), ...extraProblems];
  return (
    <div className="rf-inspector" style={{ width: 340 }}>
      <Fields
        data={data}
        problems={problems}
        workspace={workspace}
        onChange={(next) => {
          setData(next);
          onChange(next);
        }}
      />
    </div>
  );
}

/** The Inspector over a workspace held in state; problems come from the real flow checks. */
export function InspectorHarness(props: InspectorProps & { problemsFromChecks?: boolean }) {
  const [ws, setWs] = useState(props.workspace);
  const flowIndex = ws.flows.findIndex((f) => f.id === props.flow?.id);
  const flow = flowIndex >= 0 ? (ws.flows[flowIndex] ?? null) : props.flow;
  const problems = props.problemsFromChecks && flow ? checkFlow(flow, { workspace: ws }) : props.problems;
  return (
    <div style={{ width: 340 }}>
      <Inspector
        workspace={ws}
        flow={flow}
        selectedNodeIds={props.selectedNodeIds}
        problems={problems}
        onChangeNode={(nodeId: string, data: FlowNode['data']) => {
          setWs((prev) =>
            produce(prev, (d) => {
              const node = d.flows[flowIndex]?.nodes.find((n) => n.id === nodeId);
              if (node) node.data = data;
            }),
          );
          props.onChangeNode(nodeId, data);
        }}
        onChangeFlow={(patch: FlowPatch) => {
          setWs((prev) =>
            produce(prev, (d) => {
              const f = d.flows[flowIndex];
              if (!f) return;
              if (patch.name !== undefined) f.name = patch.name;
              if (patch.description !== undefined) f.description = patch.description;
            }),
          );
          props.onChangeFlow(patch);
        }}
      />
    </div>
  );
}

/** The settings area over a workspace held in state, applying each recipe with immer as the store does. */
export function SettingsHarness({
  workspace,
  onChange,
  initialTab,
}: {
  workspace: WorkspaceDoc;
  onChange(recipe: (draft: WorkspaceDoc) => void, label: string): void;
  initialTab?: Parameters<typeof SettingsArea>[0]['initialTab'];
}) {
  const [ws, setWs] = useState(workspace);
  return (
    <div style={{ maxWidth: 760 }}>
      <SettingsArea
        workspace={ws}
        initialTab={initialTab}
        onChange={(recipe, label) => {
          setWs((prev) => produce(prev, recipe));
          onChange(recipe, label);
        }}
      />
    </div>
  );
}

/** One settings panel over a workspace held in state. */
export function PanelHarness({
  Panel,
  workspace,
  onChange,
}: {
  Panel: ComponentType<{ workspace: WorkspaceDoc; onChange(recipe: (draft: WorkspaceDoc) => void, label: string): void }>;
  workspace: WorkspaceDoc;
  onChange(recipe: (draft: WorkspaceDoc) => void, label: string): void;
}) {
  const [ws, setWs] = useState(workspace);
  return (
    <div className="rf-settings" style={{ maxWidth: 760 }}>
      <Panel
        workspace={ws}
        onChange={(recipe, label) => {
          setWs((prev) => produce(prev, recipe));
          onChange(recipe, label);
        }}
      />
    </div>
  );
}
