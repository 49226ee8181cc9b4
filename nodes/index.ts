/**
 * The registry of node kinds: the one list the runtime and the editor read.
 * Adding a kind means adding its folder (`nodes/<kind>/kind.ts` exports its
 * whole definition) and one entry in `kindList` with its import.
 */
import { assignKind } from './assign/kind.ts';
import { decisionKind } from './decision/kind.ts';
import { flowKind } from './flow/kind.ts';
import { hangupKind } from './hangup/kind.ts';
import type { AnyKind, NodeBehavior, NodeModel } from './kit/contract.ts';
import { createRegistry } from './kit/registry.ts';
import { menuKind } from './menu/kind.ts';
import { playKind } from './play/kind.ts';
import { queueKind } from './queue/kind.ts';
import { recordingKind } from './recording/kind.ts';
import { startKind } from './start/kind.ts';
import { stepKind } from './step/kind.ts';
import { transferKind } from './transfer/kind.ts';
import { voicemailKind } from './voicemail/kind.ts';

/** Every node kind, in palette and schema order. */
export const kindList = [startKind, playKind, menuKind, decisionKind, stepKind, recordingKind, assignKind, queueKind, transferKind, flowKind, voicemailKind, hangupKind] as const;

type Listed = (typeof kindList)[number];
export type NodeKindName = Listed['kind'];
export type NodeDataOf<K extends NodeKindName> = ReturnType<Extract<Listed, { kind: K }>['model']['defaults']>;

/**
 * The registry's exports for a list of kinds. The app uses the list above; a
 * test replaces this module with the exports for that list plus a throwaway
 * kind, to show a new kind needs nothing outside its folder and this file.
 */
export function registryFor(list: readonly AnyKind[]) {
  const r = createRegistry(list);
  /** A kind name, or any string: unknown kinds are answered with undefined. */
  type KindName = NodeKindName | (string & {});
  return {
    kinds: r.kinds,
    kindNames: r.kindNames as readonly NodeKindName[],
    /** The kind calls enter a flow at (C1: one per flow). */
    entryKind: r.entryKind,
    isKindName: r.isKindName as (kind: string) => kind is NodeKindName,
    getKind: r.getKind as (kind: KindName) => AnyKind | undefined,
    getModel: r.getModel as (kind: KindName) => NodeModel<unknown> | undefined,
    getBehavior: r.getBehavior as (kind: KindName) => NodeBehavior<unknown> | undefined,
    isEntry: r.isEntry,
    referencesOf: r.referencesOf,
    /** The models alone, by kind name. */
    nodeModels: Object.fromEntries(r.kinds.map((k) => [k.kind, k.model])) as { [K in NodeKindName]: Extract<Listed, { kind: K }>['model'] },
  };
}

export const { kinds, kindNames, entryKind, isKindName, getKind, getModel, getBehavior, isEntry, referencesOf, nodeModels } =
  registryFor(kindList);
