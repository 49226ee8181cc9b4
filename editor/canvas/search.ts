/**
 * Canvas search: matches each node's kind, id and its model's `searchText`
 * (labels and field values). Ids of the workspace's numbers, agents and ring
 * groups in that text read as their names, in the match and in the excerpt.
 */
import { getModel } from '../../nodes/index.ts';
import type { FlowDoc, FlowNode } from '../../runtime/document/flow.ts';
import type { WorkspaceDoc } from '../../runtime/document/workspace.ts';

/** The name a person knows each workspace id by: a number with its label, an agent's or a ring group's name. */
export function workspaceNames(ws: WorkspaceDoc): Map<string, string> {
  const names = new Map<string, string>();
  for (const n of ws.numbers) names.set(n.id, n.label ? `${n.number} (${n.label})` : n.number);
  for (const a of ws.agents) names.set(a.id, a.name);
  for (const g of ws.ringGroups) names.set(g.id, g.name);
  return names;
}

function withNames(text: string, names: ReadonlyMap<string, string>): string {
  if (names.size === 0) return text;
  return text.replace(/[A-Za-z0-9_.:-]+/g, (word) => names.get(word) ?? word);
}

export interface SearchHit {
  node: FlowNode;
  title: string;
  label: string;
  /** The matched text around the query, for the result list. */
  excerpt: string;
}

export function searchNodes(flow: FlowDoc, query: string, limit = 50, names: ReadonlyMap<string, string> = new Map()): SearchHit[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const node of flow.nodes) {
    const model = getModel(node.kind);
    const raw = model ? model.searchText(node.data) : '';
    const fields = withNames(raw, names);
    // Ids still match (an engineer may search by them), but the excerpt shows names.
    const lower = `${model?.title ?? node.kind} ${node.id} ${fields} ${raw === fields ? '' : raw}`.toLowerCase();
    if (!words.every((w) => lower.includes(w))) continue;
    // The excerpt shows the field text around the first word, when the match is in a field.
    const text = fields;
    const found = text.toLowerCase().indexOf(words[0]!);
    const at = Math.max(0, found);
    const from = Math.max(0, at - 24);
    const excerpt = `${from > 0 ? '…' : ''}${text.slice(from, at + 56).trim()}${at + 56 < text.length ? '…' : ''}`;
    hits.push({ node, title: model?.title ?? node.kind, label: (node.data as { label?: string }).label ?? node.id, excerpt });
    if (hits.length >= limit) break;
  }
  return hits;
}
