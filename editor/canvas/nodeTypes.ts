/**
 * The canvas views of all kinds, found by file name: `nodes/<kind>/<Kind>Node.tsx`
 * exporting `<Kind>Node`. Adding a kind needs no edit here; a kind without a
 * view gets the generic frame.
 */
import type { NodeProps, NodeTypes } from '@xyflow/react';
import { createElement, memo } from 'react';
import { kindNames } from '../../nodes/index.ts';
import { NodeShell } from './NodeShell.tsx';
import type { FlowRFNode } from './nodeViewData.ts';

const modules = import.meta.glob<Record<string, unknown>>('../../nodes/*/*Node.tsx', { eager: true });

const GenericNode = memo(function GenericNode({ data, selected }: NodeProps<FlowRFNode>) {
  return createElement(NodeShell, { node: data.node, problems: data.problems, sim: data.sim, selected });
});

function capitalise(kind: string): string {
  return kind.charAt(0).toUpperCase() + kind.slice(1);
}

export function viewFor(kind: string): NodeTypes[string] | undefined {
  const name = `${capitalise(kind)}Node`;
  const view = modules[`../../nodes/${kind}/${name}.tsx`]?.[name];
  // React.memo returns an object, a plain component a function.
  return typeof view === 'function' || (typeof view === 'object' && view !== null) ? (view as NodeTypes[string]) : undefined;
}

export const nodeTypes: NodeTypes = Object.fromEntries(kindNames.map((kind) => [kind, viewFor(kind) ?? (GenericNode as NodeTypes[string])]));
