/**
 * The registry of node kinds: the one table the runtime and the editor read.
 * Adding a kind means adding its folder and its line in `nodeKinds`.
 */
import type { NodeBehavior } from '../runtime/call/behavior.ts';
import { assignBehavior } from './assign/behavior.ts';
import { assignModel } from './assign/model.ts';
import { hangupBehavior } from './hangup/behavior.ts';
import { hangupModel } from './hangup/model.ts';
import type { NodeModel } from './kind.ts';
import { menuBehavior } from './menu/behavior.ts';
import { menuModel } from './menu/model.ts';
import { playBehavior } from './play/behavior.ts';
import { playModel } from './play/model.ts';
import { recordingBehavior } from './recording/behavior.ts';
import { recordingModel } from './recording/model.ts';
import { startBehavior } from './start/behavior.ts';
import { startModel } from './start/model.ts';
import { transferBehavior } from './transfer/behavior.ts';
import { transferModel } from './transfer/model.ts';
import { voicemailBehavior } from './voicemail/behavior.ts';
import { voicemailModel } from './voicemail/model.ts';

/** One line per kind: its model (data, ports, checks) and its behaviour (what a call does there). */
export const nodeKinds = {
  start: { model: startModel, behavior: startBehavior },
  play: { model: playModel, behavior: playBehavior },
  menu: { model: menuModel, behavior: menuBehavior },
  recording: { model: recordingModel, behavior: recordingBehavior },
  assign: { model: assignModel, behavior: assignBehavior },
  transfer: { model: transferModel, behavior: transferBehavior },
  voicemail: { model: voicemailModel, behavior: voicemailBehavior },
  hangup: { model: hangupModel, behavior: hangupBehavior },
} as const;

type KindTable = typeof nodeKinds;

/** The models alone, for code that needs no behaviour (documents, editor). */
export const nodeModels = Object.fromEntries(Object.entries(nodeKinds).map(([k, v]) => [k, v.model])) as {
  [K in keyof KindTable]: KindTable[K]['model'];
};

export type NodeKindName = keyof typeof nodeModels;
export type NodeDataOf<K extends NodeKindName> = (typeof nodeModels)[K] extends NodeModel<infer D> ? D : never;

export const kindNames = Object.keys(nodeModels) as NodeKindName[];

export function isKindName(kind: string): kind is NodeKindName {
  return Object.hasOwn(nodeModels, kind);
}

/** The behaviour of a kind, or undefined for a kind this version does not know. */
export function getBehavior(kind: string): NodeBehavior<unknown> | undefined {
  return isKindName(kind) ? (nodeKinds[kind].behavior as NodeBehavior<unknown>) : undefined;
}

/** The model of a kind, or undefined for a kind this version does not know. */
export function getModel(kind: string): NodeModel<unknown> | undefined {
  return isKindName(kind) ? (nodeModels[kind] as NodeModel<unknown>) : undefined;
}
