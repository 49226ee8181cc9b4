/**
 * Copy/paste as JSON text: `{ format: 'recflow.clipboard', nodes, edges }`,
 * so a fragment travels between flows, tabs and windows through the system
 * clipboard. Pasted text is checked like a flow document before anything changes.
 */
import { isEntry } from '../../nodes/index.ts';
import { FLOW_FORMAT, FLOW_VERSION, type FlowDoc, parseFlow } from '../../runtime/document/flow.ts';
import type { Fragment } from '../store/edits.ts';

export const CLIPBOARD_FORMAT = 'recflow.clipboard';

/** The selected nodes (the entry excluded: a flow has one Start) and the edges between them. */
export function copyFragment(flow: FlowDoc, nodeIds: readonly string[]): Fragment | null {
  const ids = new Set(nodeIds);
  const nodes = flow.nodes.filter((n) => ids.has(n.id) && !isEntry(n));
  if (nodes.length === 0) return null;
  const kept = new Set(nodes.map((n) => n.id));
  const edges = flow.edges.filter((e) => kept.has(e.source) && kept.has(e.target));
  return { nodes, edges };
}

export function fragmentToText(fragment: Fragment): string {
  return JSON.stringify({ format: CLIPBOARD_FORMAT, nodes: fragment.nodes, edges: fragment.edges });
}

/** The fragment in clipboard text, or null when the text is not a valid Recflow fragment. */
export function fragmentFromText(text: string): Fragment | null {
  if (text.length > 5 * 1024 * 1024) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== CLIPBOARD_FORMAT) return null;
  const { nodes, edges } = value as { nodes?: unknown; edges?: unknown };
  // The same checks a flow document gets: kinds, data schemas, ports, hostile keys.
  const parsed = parseFlow({ format: FLOW_FORMAT, version: FLOW_VERSION, id: 'clipboard', name: 'clipboard', nodes, edges });
  return parsed.ok ? { nodes: parsed.value.nodes, edges: parsed.value.edges } : null;
}
