/**
 * How a kind reads and writes the flow formats of the platforms Recflow
 * imports from and exports to (Amazon Connect's flow language; Twilio
 * Studio's flow definition next). The envelope of each format (its top-level
 * fields, how transitions become edges, positions, limits, refusals) is the
 * runtime's (`runtime/platforms/<format>/`); what one platform action means
 * for one kind is the kind's, in its own folder (`nodes/<kind>/connect.ts`),
 * so nothing outside `nodes/` names a kind.
 *
 * The types here are the same for every format: a format only fixes `A`, the
 * shape of one of its actions (a Connect action, a Twilio state).
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** The formats kinds may read and write. */
export type FormatName = 'amazon-connect' | 'twilio-studio';

/**
 * How far a Recflow simulation follows what an imported action does on the platform:
 * - `simulated`: the call takes the same path and records the same way;
 * - `approximated`: the path is the same but a value is Recflow's estimate (a prompt's length, a wait);
 * - `not-simulated`: what the action does is outside the simulation (a Lex bot's answer, a Lambda's result);
 *   the reviewer chooses the outcome.
 */
export type Fidelity = 'simulated' | 'approximated' | 'not-simulated';

/** One remark about how an action was read or a node written: what is estimated, left out or refused. */
export interface FormatNote {
  fidelity: Fidelity;
  message: string;
  /** Where in the action it is about, relative to the action (`Parameters.Text`, `Transitions.Errors[1]`). */
  at?: string;
  /**
   * The note is about one part of the action that the simulation leaves out (a transition it never takes, an
   * option kept but not modelled, what the platform does once the call has left the flow), not about what the
   * action does to the call: listed with its fidelity, it leaves the row's fidelity to the rest.
   */
  part?: true;
}

/**
 * One transition of a platform action, by its place in the action: for Connect
 * `NextAction`, `Conditions[2]`, `Errors[0]`; for Twilio an event name.
 */
export type ExitSlot = string;

/** A transition of the action that became one output port of the node. */
export interface ExitBinding {
  slot: ExitSlot;
  port: string;
}

/** Something on the platform an action names, that the workspace holds as its own thing. */
export interface PlatformRef {
  /** A queue (served by a ring group), another flow or module, a phone number. */
  type: 'queue' | 'agentQueue' | 'flow' | 'number';
  /** The platform's id, ARN or name, as written. */
  value: string;
}

export interface ReadContext<A> {
  /** The Recflow id of something the action names (the same id every time for the same value). */
  ref(ref: PlatformRef): string;
  /** Actions whose transitions lead straight to this one (a queue reads the working queue set before it). */
  predecessors: readonly A[];
  /** Simulation-only values a Recflow export left beside the action (a prompt's length); absent otherwise. */
  hints?: JsonObject;
  /**
   * The action an exit slot of this one leads to, when this action is the only way into it (and it is not where
   * the flow starts): a kind may read the two as one node (`ReadResult.absorbs`). Undefined otherwise, and in
   * formats that offer no such reading.
   */
  follow?(slot: ExitSlot): A | undefined;
}

/** The slot `slot` of the action that `via` leads to (an action the node absorbed): `transitions[0]>transitions[2]`. */
export const throughSlot = (via: ExitSlot, slot: ExitSlot): ExitSlot => `${via}>${slot}`;

/** A slot split into the slot that leads to an absorbed action (if any) and the slot within that action. */
export function splitSlot(slot: ExitSlot): { via?: ExitSlot; slot: ExitSlot } {
  const at = slot.indexOf('>');
  return at < 0 ? { slot } : { via: slot.slice(0, at), slot: slot.slice(at + 1) };
}

/** A kind's reading of one action: the node's data, which exits became which ports, and what is not simulated. */
export interface ReadResult<D> {
  data: D;
  exits: ExitBinding[];
  notes: FormatNote[];
  /**
   * Actions read as part of this node: the one each `slot` leads to (as `ReadContext.follow` gave it). The
   * transition in `slot` stays inside the node (no edge); the absorbed action's exits are bound through it
   * (`throughSlot`). `notes` are about the absorbed action (`at` relative to it).
   */
  absorbs?: Array<{ slot: ExitSlot; notes: FormatNote[] }>;
}

/** What writing a node needs besides its data: the action it was imported from, and names for what it refers to. */
export interface WriteContext<A, D> {
  /** The action the node was imported from, when it was: an edit changes only what it touched. */
  original?: A;
  /** The data the original action was read as (present with `original`): compare to see what the edit touched. */
  before?: D;
  /** The original actions the node absorbed on import (`ReadResult.absorbs`), in that order; empty when none. */
  absorbed?: A[];
  /** The name the first action will have in the file, where actions refer to each other by name (Studio's `{{widgets.<name>…}}`). */
  name?: string;
  /** The platform's id or ARN for a workspace thing the node names (a ring group's queue, a flow). */
  platformId(ref: { type: 'ringGroup' | 'agent' | 'flow'; id: string }): string;
}

/**
 * A kind's writing of one node: the actions it becomes (calls enter at the first), how their transitions lead
 * on (to a port's target, or to another of these actions), what Connect cannot express, and simulation-only
 * values to keep beside the action (read back as `hints`).
 */
export interface WriteResult<A> {
  actions: A[];
  /** `action` indexes `actions`; `to` is another of `actions` (by index) or the node's `port`. */
  exits: Array<{ action: number; slot: ExitSlot } & ({ port: string } | { to: number })>;
  notes: FormatNote[];
  hints?: JsonObject;
  /** The action the node is read back from (and its `hints` kept beside): the first unless said. */
  carrier?: number;
}

/**
 * What one kind knows of one format. A kind lists the action types it reads; one kind of the registry also
 * reads every other type (`readsOtherTypes`), keeping the action verbatim, so nothing imported is dropped.
 */
export interface KindFormat<D, A> {
  /** The action types this kind reads. */
  reads: readonly string[];
  /** This kind reads every type no kind lists, and any action a kind declined (its `read` gave null). */
  readsOtherTypes?: true;
  /** Reads one action; null when this action is one the kind cannot hold (the other-types kind keeps it instead). */
  read(action: A, ctx: ReadContext<A>): ReadResult<D> | null;
  /**
   * The node as platform actions. An empty `actions` means the format cannot express the node at all (the
   * notes say why); the format's envelope puts its nearest stand-in there.
   */
  write(data: D, ctx: WriteContext<A, D>): WriteResult<A>;
  /** The whole original action, when the kind's data keeps it verbatim (so the node need not keep it twice). */
  keeps?(data: D): A | undefined;
}

/** Identity helper that keeps `D` checked against the kind's data. */
export function defineFormat<D, A>(format: KindFormat<D, A>): KindFormat<D, A> {
  return format;
}

/** Deep equality of JSON values (key order aside), for "was this node edited since import". */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => sameJson(x, bb[i]));
  }
  const ak = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const bk = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
