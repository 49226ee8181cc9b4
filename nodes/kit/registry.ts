/**
 * Lookups over a list of kinds: `nodes/index.ts` builds the one the app uses
 * from its list; a test can build one with an extra kind. Every question the
 * runtime and the editor ask about a node's kind goes through here, by trait,
 * never by kind name.
 */
import { type AnyKind, definitionGaps, type NodeBehavior, type NodeModel, type WorkspaceRef } from './contract.ts';

/** The part of a flow node the lookups read. */
export interface NodeLike {
  kind: string;
  data: unknown;
}

export interface KindRegistry {
  /** The kinds in order (palette order, schema order). */
  readonly kinds: readonly AnyKind[];
  readonly kindNames: readonly string[];
  /** The kind calls enter the flow at (C1: one per flow). */
  readonly entryKind: AnyKind;
  isKindName(kind: string): boolean;
  getKind(kind: string): AnyKind | undefined;
  /** The model of a kind, or undefined for a kind this version does not know. */
  getModel(kind: string): NodeModel<unknown> | undefined;
  /** The behaviour of a kind, or undefined for a kind this version does not know. */
  getBehavior(kind: string): NodeBehavior<unknown> | undefined;
  /** C1: whether calls enter the flow at this node. */
  isEntry(node: NodeLike): boolean;
  /** What in the workspace the node names (none for an unknown kind). */
  referencesOf(node: NodeLike): WorkspaceRef[];
}

/**
 * Builds the lookups, refusing a list with an incomplete kind, a kind listed
 * twice, or other than exactly one entry kind: a mistake in `nodes/index.ts`
 * stops every test and the app at once instead of failing one feature silently.
 */
export function createRegistry(kinds: readonly AnyKind[]): KindRegistry {
  const byName = new Map<string, AnyKind>();
  for (const def of kinds) {
    const gaps = definitionGaps(def);
    if (gaps.length > 0) throw new Error(`node kind "${String(def?.kind)}" is incomplete: it needs ${gaps.join('; ')}`);
    if (byName.has(def.kind)) throw new Error(`node kind "${def.kind}" is listed twice`);
    byName.set(def.kind, def);
  }
  const entries = kinds.filter((k) => k.traits.entry === true);
  if (entries.length !== 1) {
    throw new Error(`exactly one node kind must be the flow's entry (traits.entry); found ${entries.map((k) => k.kind).join(', ') || 'none'}`);
  }
  return {
    kinds,
    kindNames: kinds.map((k) => k.kind),
    entryKind: entries[0]!,
    isKindName: (kind) => byName.has(kind),
    getKind: (kind) => byName.get(kind),
    getModel: (kind) => byName.get(kind)?.model,
    getBehavior: (kind) => byName.get(kind)?.behavior,
    isEntry: (node) => byName.get(node.kind)?.traits.entry === true,
    referencesOf: (node) => byName.get(node.kind)?.traits.references?.(node.data) ?? [],
  };
}
