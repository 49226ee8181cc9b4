/**
 * The kind contract: what a node kind gives the runtime and the editor, and
 * the vocabulary they share. A kind is one folder under `nodes/<kind>/` whose
 * `kind.ts` exports one `defineKind({...})`; `nodes/index.ts` lists it once.
 *
 * This is the bottom layer: it imports nothing from `runtime/`, `editor/` or
 * any kind (a test keeps it so), so kinds and the runtime can both depend on
 * it without depending on each other.
 */
import type { Arbitrary, default as FastCheck } from 'fast-check';
import type { z } from 'zod';
import type { ConnectFormat } from './connect.ts';
import type { TwilioFormat } from './twilio.ts';
import type { QueueTarget, TransferTarget } from './fields.ts';
import type { WorkspaceView } from './workspace.ts';

// ---------------------------------------------------------------- model

/** An output port: where the call goes next under one outcome. */
export interface PortSpec {
  id: string;
  label: string;
}

export type Severity = 'error' | 'warning';

/** A problem one node has on its own; flow-wide checks add the node id. */
export interface NodeProblem {
  severity: Severity;
  code: string;
  message: string;
  /** The data field the problem is about, so the inspector can show it beside the field. */
  field?: string;
}

/** A problem as the flow checks report it: a node problem plus the node and port it is about. */
export interface FlowProblem extends NodeProblem {
  nodeId?: string;
  /** The output port the problem is about (an unconnected port, a menu path). */
  port?: string;
}

/** What a node check may look at besides the node's own data. */
export interface CheckContext {
  /** Present when the flow is checked against a workspace (agents, ring groups, numbers). */
  workspace?: WorkspaceView;
}

export interface NodeModel<D = unknown, K extends string = string> {
  kind: K;
  /** Name in the palette and on the node. */
  title: string;
  /** One line saying what the node does to a call. */
  description: string;
  /** Validates the node's `data`. */
  schema: z.ZodType<D>;
  defaults(): D;
  /** False when nothing may connect into the node (the flow's entry). */
  hasInput: boolean;
  /** Output ports for this data (a Menu has one per option). */
  ports(data: D): PortSpec[];
  /** Checks beyond the schema: references, sensible values. */
  check?(data: D, ctx: CheckContext): NodeProblem[];
  /** Text the canvas search matches against (labels and field values). */
  searchText(data: D): string;
}

/** Identity helper that keeps the data type inferred from the schema and the kind name literal. */
export function defineModel<K extends string, S extends z.ZodType>(
  model: NodeModel<z.infer<S>, K> & { schema: S },
): NodeModel<z.infer<S>, K> {
  return model;
}

// ---------------------------------------------------------------- behaviour: the step vocabulary

/** A choice the call offers (a key to press), with the words to show for it. */
export interface StepChoice {
  value: string;
  label: string;
}

/** An internal ringing target: who may answer. */
export type RingTarget = Extract<TransferTarget, { type: 'agent' } | { type: 'ringGroup' }>;
/** An outside party: a private extension (R13) or an outside number (R14/R16). */
export type ConnectTarget = Extract<TransferTarget, { type: 'extension' } | { type: 'external' }>;

/** R5/R6 and R3: what a node sets about recording; `default` falls through to the number and the account. */
export interface RecordingSettings {
  record: 'on' | 'off';
  channels: 'default' | 'dual' | 'mono';
  agentPause: 'default' | 'enabled' | 'disabled';
  /** R29: which sides are on tape: the contact (channel A), the agent side (channel B), or both. */
  parties?: 'default' | 'both' | 'contact' | 'agent';
  /** R31: whether the part before an agent joins (the IVR) is recorded when this node turns recording on. */
  ivr?: 'default' | 'record' | 'skip';
}

/**
 * What the call does on arriving at a node. The step names are verbs of what
 * happens to the call, kept apart from the kinds' names (several kinds may take
 * the same step: an Assign and a Transfer both `ring`).
 * - `pass`: go straight on through `port` (optionally applying recording settings, R5/R6/R3);
 * - `prompt`: play a message for `seconds`, then go on through `port`;
 * - `gather`: wait for a key, or `timeoutSeconds` (null: forever);
 * - `takeMessage`: record the caller's message (R19) up to `maxLengthSeconds`;
 * - `ring`: ring an agent or ring group; after `timeoutSeconds` unanswered, go on through `noAnswerPort`;
 * - `dial`: ring an extension (R13) or outside number (R16); when it answers the flow ends
 *   there, after `timeoutSeconds` unanswered the call goes on through `noAnswerPort`;
 * - `end`: hang up.
 */
export type NodeStep =
  | { kind: 'pass'; port: string; recording?: RecordingSettings }
  | { kind: 'prompt'; seconds: number; port: string }
  | { kind: 'gather'; timeoutSeconds: number | null; digits: StepChoice[] }
  | { kind: 'takeMessage'; maxLengthSeconds: number }
  | { kind: 'ring'; target: RingTarget; timeoutSeconds: number; noAnswerPort: string }
  | { kind: 'dial'; target: ConnectTarget; timeoutSeconds: number; noAnswerPort: string }
  | { kind: 'end' }
  /**
   * R25: wait in a queue served by `target`; an agent answering takes the call (it leaves the flow); after
   * `maxWaitSeconds` the call leaves by `timeoutPort`; the reviewer may say the queue is full or closed
   * (a `choose` of one of `options`, each leading to its port through the behaviour's `choose`).
   */
  | { kind: 'enqueue'; target: QueueTarget; maxWaitSeconds: number; timeoutPort: string; options: StepChoice[] }
  /**
   * R26/R27: the call waits for the reviewer to choose one of `options` (an outcome, an error); after
   * `timeoutSeconds`, when set, it goes on by `timeoutPort` (a step takes `next` unless told otherwise).
   */
  | { kind: 'choose'; options: StepChoice[]; timeoutSeconds: number | null; timeoutPort: string | null }
  /**
   * R28: the call continues in the workspace's flow `flowId` from its entry; when that flow ends without
   * hanging up (a port leading nowhere) and `returnPort` is set, the call comes back and leaves by it.
   */
  | { kind: 'enterFlow'; flowId: string; returnPort: string | null };

/**
 * What a call does when it reaches a node of the kind. Behaviours are pure:
 * they describe a step and the runtime (`runtime/call/`) carries it out.
 */
export interface NodeBehavior<D> {
  /** The step the call takes on arriving at the node. */
  enter(data: D): NodeStep;
  /**
   * A key the caller pressed while the call waits at the node: the port to
   * leave by, or null when the key means nothing here (the press is refused).
   */
  press?(data: D, digit: string): string | null;
  /** The node's timer fell due: the port to leave by, or null to end the call. */
  timeout?(data: D): string | null;
  /** The reviewer chose `option` (one the step offered) while the call waits at the node: the port to leave by. */
  choose?(data: D, option: string): string | null;
}

/** Identity helper that keeps `D` checked against the kind's data. */
export function defineBehavior<D>(behavior: NodeBehavior<D>): NodeBehavior<D> {
  return behavior;
}

// ---------------------------------------------------------------- traits: what used to be "if kind === ..."

/** Something in the workspace a node names. */
export interface WorkspaceRef {
  type: 'agent' | 'ringGroup' | 'number' | 'flow';
  id: string;
}

/** A port the caller takes by mistake or by hesitating (C4 warns when it just ends the call). */
export interface FallbackPort {
  port: string;
  /** `invalid`: a key that means nothing here; `timeout`: no key in time. */
  reason: 'invalid' | 'timeout';
}

/**
 * Facts about a kind that the checks, the runtime and the editor ask for by
 * meaning rather than by kind name. Each is optional; leaving one out means
 * "no" (or "none").
 */
export interface KindTraits<D> {
  /**
   * C1: calls enter the flow here. A flow has exactly one such node, nothing
   * leads into it, a new flow starts with one, and the editor never copies or
   * deletes it. Exactly one registered kind has this trait.
   */
  entry?: true;
  /** C4: the call can leave the flow at this node (hang-up, answered by someone), so a loop through it has a way out. */
  leavesFlow?(data: D): boolean;
  /** R7 / C2: an agent may answer the call here, which starts recording under the inbound default (R13: internal targets). */
  agentAnswers?(data: D): boolean;
  /** C2: the caller hears here that the call is recorded. */
  recordingNotice?(data: D): boolean;
  /** R5/R6/R3, C2: the recording settings the node applies when a call reaches it (present only on kinds that set them). */
  recording?(data: D): RecordingSettings;
  /** C4: ports taken on a wrong key or on silence. */
  fallbackPorts?(data: D): FallbackPort[];
  /** Agents, ring groups, numbers and flows the node names (what breaks when one is removed). */
  references?(data: D): WorkspaceRef[];
  /**
   * The node's data once `ref` is removed from the workspace, when the node can
   * do without it (an entry stops listing a deleted number); otherwise the
   * same data, and the node's check reports what is missing.
   */
  dropReference?(data: D, ref: WorkspaceRef): D;
  /** R13/R16: outside numbers and private extensions the node sends calls to (offered as transfer targets). */
  outsideTargets?(data: D): ConnectTarget[];
}

// ---------------------------------------------------------------- look

/** One shape of a 24×24 icon drawn with the current colour (stroked; `filled` fills it too). */
export type IconShape =
  | { path: string; filled?: boolean }
  | { circle: readonly [cx: number, cy: number, r: number]; filled?: boolean }
  | { rect: readonly [x: number, y: number, width: number, height: number, radius: number]; filled?: boolean };

/** How the editor draws the kind everywhere without naming it: icon, colours, size before measuring. */
export interface KindLook {
  icon: readonly IconShape[];
  /** `#rrggbb` for the light and the dark theme; the editor sets `--kind-<kind>` from these. */
  color: { light: string; dark: string };
  /** Typical drawn height in px (header, key fields, ports row), so large flows open without measuring every node. */
  estimatedHeight: number;
}

// ---------------------------------------------------------------- arbitrary (property tests)

/** Generators every kind's arbitrary may build on, handed in so kinds never import fast-check at run time. */
export interface CommonArbitraries {
  id: Arbitrary<string>;
  label: Arbitrary<string>;
  /** Text of at most `maxUnits` UTF-16 units. */
  text(maxUnits: number): Arbitrary<string>;
  seconds(max: number): Arbitrary<number>;
  transferTarget: Arbitrary<TransferTarget>;
}

// ---------------------------------------------------------------- the definition

/**
 * The React side of a kind (canvas view and inspector form), loaded by the
 * editor through `ui()`. Its shape is the editor's (`editor/kit/ui.ts`); the
 * headless side only knows it is there, so the runtime and the CLI never
 * load React.
 */
export type UiLoader = () => Promise<{ readonly ui: unknown }>;

export interface KindParts<K extends string, D> {
  model: NodeModel<D, K>;
  behavior: NodeBehavior<D>;
  traits: KindTraits<D>;
  look: KindLook;
  /** Any valid data of the kind, for property tests. */
  arbitrary(fc: typeof FastCheck, common: CommonArbitraries): Arbitrary<D>;
  /** `() => import('./ui.tsx')`: an editor-only edge (the architecture test follows it only from the editor). */
  ui: UiLoader;
  /**
   * How the kind reads and writes the platforms' flow formats (`nodes/<kind>/connect.ts`, `twilio.ts`); a kind
   * without one for a format is written as what the format cannot express, and read from nothing. A loader, like
   * `ui`, so that only an import or export loads them (`runtime/platforms/format.ts` loads every kind's at once).
   */
  formats?: () => Promise<KindFormats<D>>;
}

/** A kind's part of each platform format it takes part in. */
export interface KindFormats<D> {
  'amazon-connect'?: ConnectFormat<D>;
  'twilio-studio'?: TwilioFormat<D>;
}

export interface KindDefinition<K extends string = string, D = unknown> extends KindParts<K, D> {
  readonly kind: K;
}

/** A kind with its data type erased, as registries and lookups hold it. */
// biome-ignore lint/suspicious/noExplicitAny: a registry holds kinds of different data types; each kind is checked where it is defined
export type AnyKind = KindDefinition<string, any>;

/** The one export of `nodes/<kind>/kind.ts`. */
export function defineKind<K extends string, D>(parts: KindParts<K, D>): KindDefinition<K, D> {
  return { kind: parts.model.kind, ...parts };
}

const KIND_NAME = /^[a-z][a-zA-Z0-9]{0,31}$/;
const HEX = /^#[0-9a-fA-F]{6}$/;

/**
 * What a kind's definition lacks, in words (empty when complete). TypeScript
 * already refuses a definition without a part; this catches what types cannot:
 * an empty icon, a colour that is not a colour, defaults its own schema refuses.
 */
export function definitionGaps(def: AnyKind): string[] {
  const gaps: string[] = [];
  const need = (ok: unknown, what: string) => {
    if (!ok) gaps.push(what);
  };
  need(typeof def.kind === 'string' && KIND_NAME.test(def.kind), 'a kind name of letters and digits starting with a small letter (it names CSS variables)');
  const m = def.model;
  need(m && m.kind === def.kind, 'a model whose kind is the kind name');
  if (m) {
    need(typeof m.title === 'string' && m.title.trim() !== '', 'a model title');
    need(typeof m.description === 'string' && m.description.trim() !== '', 'a model description');
    need(typeof m.schema?.safeParse === 'function', 'a model schema');
    need(typeof m.defaults === 'function', 'model defaults');
    need(typeof m.hasInput === 'boolean', 'model.hasInput');
    need(typeof m.ports === 'function', 'model ports');
    need(typeof m.searchText === 'function', 'model searchText');
    if (typeof m.defaults === 'function' && typeof m.schema?.safeParse === 'function') {
      need(m.schema.safeParse(m.defaults()).success, 'defaults that pass the schema');
    }
  }
  need(typeof def.behavior?.enter === 'function', 'a behaviour with enter()');
  need(typeof def.traits === 'object' && def.traits !== null, 'traits (an empty object when none apply)');
  need(Array.isArray(def.look?.icon) && def.look.icon.length > 0, 'an icon');
  need(HEX.test(def.look?.color?.light ?? '') && HEX.test(def.look?.color?.dark ?? ''), 'a light and a dark #rrggbb colour');
  need(typeof def.look?.estimatedHeight === 'number' && def.look.estimatedHeight > 0, 'an estimated height');
  need(typeof def.arbitrary === 'function', 'an arbitrary');
  need(typeof def.ui === 'function', 'a ui loader');
  return gaps;
}
