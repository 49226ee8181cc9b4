/**
 * The registry of node kinds: the one table the runtime and the editor read.
 * Adding a kind means adding its folder and its line here.
 */
import { assignModel } from './assign/model.ts';
import { hangupModel } from './hangup/model.ts';
import type { NodeModel } from './kind.ts';
import { menuModel } from './menu/model.ts';
import { playModel } from './play/model.ts';
import { recordingModel } from './recording/model.ts';
import { startModel } from './start/model.ts';
import { transferModel } from './transfer/model.ts';
import { voicemailModel } from './voicemail/model.ts';

export const nodeModels = {
  start: startModel,
  play: playModel,
  menu: menuModel,
  recording: recordingModel,
  assign: assignModel,
  transfer: transferModel,
  voicemail: voicemailModel,
  hangup: hangupModel,
} as const;

export type NodeKindName = keyof typeof nodeModels;
export type NodeDataOf<K extends NodeKindName> = (typeof nodeModels)[K] extends NodeModel<infer D> ? D : never;

export const kindNames = Object.keys(nodeModels) as NodeKindName[];

export function isKindName(kind: string): kind is NodeKindName {
  return Object.hasOwn(nodeModels, kind);
}

/** The model of a kind, or undefined for a kind this version does not know. */
export function getModel(kind: string): NodeModel<unknown> | undefined {
  return isKindName(kind) ? (nodeModels[kind] as NodeModel<unknown>) : undefined;
}
