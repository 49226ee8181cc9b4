/** Canvas search: matches each node's kind, id and its model's `searchText` (labels and field values). */
import { getModel } from '../../nodes/index.ts';
import type { FlowDoc, FlowNode } from '../../runtime/document/flow.ts';

export interface SearchHit {
  node: FlowNode;
  title: string;
  label: string;
  /** The matched text around the query, for the result list. */
  excerpt: string;
}

export function searchNodes(flow: FlowDoc, query: string, limit = 50): SearchHit[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const node of flow.nodes) {
    const model = getModel(node.kind);
    const fields = model ? model.searchText(node.data) : '';
    const lower = `${model?.title ?? node.kind} ${node.id} ${fields}`.toLowerCase();
    if (!words.every((w) => lower.includes(w))) continue;
    // The excerpt shows the field text around the first word, when the match is in a field.
    const text = fields;
    const at = Math.max(0, text.toLowerCase().indexOf(words[0]!));
    const from = Math.max(0, at - 24);
    const excerpt = `${from > 0 ? '…' : ''}${text.slice(from, at + 56).trim()}${at + 56 < text.length ? '…' : ''}`;
    hits.push({ node, title: model?.title ?? node.kind, label: (node.data as { label?: string }).label ?? node.id, excerpt });
    if (hits.length >= limit) break;
  }
  return hits;
}
