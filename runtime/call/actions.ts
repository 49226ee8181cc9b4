/**
 * The call actions, each defined once: its fields (the zod schema the
 * scenario format, the CLI and the simulator validate against, and from
 * which the `CallAction` type is derived) and when the simulator offers it
 * (`offer`, read from the call machine's snapshot). What an action does is
 * the call machine's transitions for its event (`machine.ts`); the machine's
 * event type is derived from the same table, so an action cannot exist in
 * one place and be missing in another.
 */
import { z } from 'zod';
import { idSchema, transferTargetSchema } from '../../nodes/kit/fields.ts';
import type { CallView } from './callData.ts';
import { agentIdOf, CONTACT, outsideParty, partyKind } from './parties.ts';
import { pauseRefusal } from './rules.ts';
import type { AvailableAction, Choice, PartyId, RejectionInfo, TargetChoice, TransferTarget } from './types.ts';

/** The seconds an action happens at: from the call's start, at most a week. */
export const secondsSchema = z.number().finite().min(0, 'must be ≥ 0 seconds').max(7 * 24 * 3600, 'must be at most a week (604800 s)');

export const partySchema = z
  .string()
  .regex(/^(contact|agent:.+|external:.+|extension:.+)$/, 'must be "contact", "agent:<id>", "external:<number>" or "extension:<system>:<ext>"');

const agent = { agentId: idSchema };

/** At most this many parties besides the contact on one call (a conference is full at this size). */
export const MAX_PARTIES = 8;

interface ActionDefinition {
  /** The action's own fields besides `type` (and `at` in scenarios). */
  fields: z.ZodRawShape;
  /** What the simulator offers now, with the choices for the action's fields; null when the call does not allow it. */
  offer(view: CallView): AvailableAction | null;
}

const agentChoice = (view: CallView, id: string): Choice => ({ value: id, label: view.d.wsIx.agents.get(id)?.name ?? id });

function onCallAgents(view: CallView): string[] {
  const out: string[] = [];
  for (const c of view.d.onCall) if (partyKind(c.id) === 'agent') out.push(agentIdOf(c.id)!);
  return out;
}

/** Agents on a connected call: who may hold, pause, transfer or conference (nobody outside `talking`). */
function talkingAgents(view: CallView): Choice[] | null {
  if (view.where.area !== 'talking') return null;
  const agents = onCallAgents(view);
  return agents.length > 0 ? agents.map((a) => agentChoice(view, a)) : null;
}

function pauseOffer(view: CallView, type: 'pause' | 'resume'): AvailableAction | null {
  const agents = talkingAgents(view);
  if (!agents) return null;
  const refusals: Record<string, RejectionInfo> = {};
  for (const a of agents) {
    const r = pauseRefusal(view.d, view.recording, a.value, type === 'pause');
    if (r) refusals[a.value] = r;
  }
  return { type, agents, refusals };
}

/** Transfer and conference targets the call may use now: agents not on it, ring groups, the flow's outside targets. */
function targetChoices(view: CallView): TargetChoice[] {
  const { d } = view;
  const out: TargetChoice[] = [];
  for (const a of d.ws.agents) {
    if (!d.isOn(`agent:${a.id}`)) out.push({ target: { type: 'agent', agentId: a.id }, label: `agent ${a.name}`, external: false });
  }
  for (const g of d.ws.ringGroups) {
    out.push({ target: { type: 'ringGroup', ringGroupId: g.id }, label: `ring group ${g.name}`, external: false });
  }
  const outside: TransferTarget[] = [...(d.flowIx?.outsideTargets ?? [])];
  if (!outside.some((t) => t.type === 'external')) outside.push({ type: 'external', number: '+15550100' });
  if (!outside.some((t) => t.type === 'extension')) outside.push({ type: 'extension', extension: '200', system: 'pbx' });
  for (const t of outside) {
    if ((t.type === 'external' || t.type === 'extension') && !d.isOn(outsideParty(t))) {
      out.push({ target: t, label: d.describe(t), external: t.type === 'external' });
    }
  }
  return out;
}

/**
 * Every action, in the order the simulator lists them. Adding one here adds
 * it to the scenario schema, the `CallAction` type and the machine's event
 * type; the machine then refuses it everywhere until a state handles it.
 */
export const callActions = {
  /** The caller presses a key (a Menu; `#` also ends a voicemail message). */
  press: {
    fields: { digit: z.string().regex(/^[0-9*#]$/, 'must be one key: 0-9, * or #') },
    offer: (view) => {
      if (view.where.step === 'gather') return { type: 'press', digits: view.d.menuDigits };
      if (view.where.step === 'takeMessage') return { type: 'press', digits: [{ value: '#', label: '# (end the message)' }] };
      return null;
    },
  },
  /** An agent picks up a ringing call (from an Assign node, a transfer or a conference invitation). */
  answer: {
    fields: agent,
    offer: (view) => {
      const { d } = view;
      const ring = d.ring ?? d.consult?.ring ?? d.invite?.ring ?? null;
      if (!ring || ring.candidates.length === 0) return null;
      return { type: 'answer', agents: ring.candidates.map((a) => agentChoice(view, a)), ringGroupId: ring.ringGroupId };
    },
  },
  /** Outbound: the dialled contact picks up (R8). */
  contactAnswer: {
    fields: {},
    offer: (view) => (view.where.area === 'dialling' ? { type: 'contactAnswer' } : null),
  },
  /** The outside number or extension a flow Transfer node is ringing picks up (R16: the external portion begins). */
  outsideAnswer: {
    fields: {},
    offer: (view) => {
      const target = view.d.outsideRing;
      if (!target) return null;
      const party = outsideParty(target);
      return { type: 'outsideAnswer', party: { value: party, label: view.d.label(party) } };
    },
  },
  /** An agent on the call puts the contact on hold. Recording is not affected (no rule stops it). */
  hold: {
    fields: agent,
    offer: (view) => {
      const agents = talkingAgents(view);
      return agents && !view.d.held ? { type: 'hold', agents } : null;
    },
  },
  /** An agent takes the contact off hold. */
  unhold: {
    fields: agent,
    offer: (view) => {
      const agents = talkingAgents(view);
      return agents && view.d.held ? { type: 'unhold', agents } : null;
    },
  },
  /** R10–R12: agent-initiated pause; offered with the refusal each agent would get. */
  pause: { fields: agent, offer: (view) => pauseOffer(view, 'pause') },
  /** R10–R12: agent-initiated resume. */
  resume: { fields: agent, offer: (view) => pauseOffer(view, 'resume') },
  /**
   * R13–R15: blind transfer (the agent drops at once) or warm transfer (the
   * agent first consults the target; then `completeTransfer` or `cancelTransfer`).
   */
  transfer: {
    fields: { ...agent, mode: z.enum(['blind', 'warm']), target: transferTargetSchema },
    offer: (view) => {
      const agents = talkingAgents(view);
      if (!agents || view.d.consult || view.d.onCall.length !== 1) return null;
      return { type: 'transfer', agents, modes: ['blind', 'warm'], targets: targetChoices(view) };
    },
  },
  /** The consulting agent completes a warm transfer once the target answered (R15). */
  completeTransfer: {
    fields: agent,
    offer: (view) => {
      const consult = view.d.consult;
      return talkingAgents(view) && consult?.party ? { type: 'completeTransfer', agents: [agentChoice(view, consult.agentId)] } : null;
    },
  },
  /** The consulting agent cancels a warm transfer: nothing changes (R15). */
  cancelTransfer: {
    fields: agent,
    offer: (view) => {
      const consult = view.d.consult;
      return talkingAgents(view) && consult ? { type: 'cancelTransfer', agents: [agentChoice(view, consult.agentId)] } : null;
    },
  },
  /** R12/R15: an agent on the call brings another party in. Agents and ring groups ring first and join on `answer`. */
  conference: {
    fields: { ...agent, target: transferTargetSchema },
    offer: (view) => {
      const agents = talkingAgents(view);
      const { d } = view;
      if (!agents || d.consult || d.invite || d.onCall.length >= MAX_PARTIES) return null;
      return { type: 'conference', agents, targets: targetChoices(view) };
    },
  },
  /**
   * A party hangs up (R9). For an agent or outside party in a conference this
   * is leaving the call; when the contact hangs up the call ends.
   */
  hangUp: {
    fields: { party: partySchema },
    offer: (view) => {
      const parties: Choice<PartyId>[] = [{ value: CONTACT, label: view.d.label(CONTACT) }];
      for (const c of view.d.onCall) parties.push({ value: c.id, label: view.d.label(c.id) });
      return { type: 'hangUp', parties };
    },
  },
  /** Only moves the clock to the action's time, firing any timer due by then. */
  wait: {
    fields: {},
    offer: (view) => ({ type: 'wait', nextTimerAt: view.d.timerAt }),
  },
} satisfies Record<string, ActionDefinition>;

type Definitions = typeof callActions;
export type CallActionType = keyof Definitions;

/**
 * Something that happens to a call at a moment in time, derived from
 * {@link callActions}. Applying an action the call does not allow records a
 * rejection; it never throws.
 *
 * @example
 * session.apply({ type: 'press', digit: '2' }, 4);
 * session.apply({ type: 'transfer', agentId: 'ana', mode: 'warm', target: { type: 'external', number: '+15550100' } }, 60);
 */
export type CallAction = {
  [K in CallActionType]: { type: K } & { -readonly [F in keyof Definitions[K]['fields']]: z.infer<Definitions[K]['fields'][F]> };
}[CallActionType];

/** An action with the time it happens: the events the call machine receives. */
export type TimedAction = CallAction & { at: number };

export const actionTypes = Object.keys(callActions) as CallActionType[];

/** Whether a string names a call action (events the machine raises for itself do not). */
export function isActionType(type: string): type is CallActionType {
  return Object.hasOwn(callActions, type);
}

function unionOf(withTime: boolean): z.ZodType {
  const options = actionTypes.map((type) =>
    z.strictObject({ ...(withTime ? { at: secondsSchema } : {}), type: z.literal(type), ...callActions[type].fields }),
  );
  return z.discriminatedUnion('type', options as unknown as [z.ZodObject, ...z.ZodObject[]]);
}

/** One action as the simulator applies it (no time). */
export const callActionSchema = unionOf(false) as z.ZodType<CallAction>;
/** One timed action of a scenario: `at` (seconds from the call's start) and the action's own fields. */
export const timedActionSchema = unionOf(true) as z.ZodType<TimedAction>;

/** What the call allows now, in the table's order. */
export function availableActions(view: CallView): AvailableAction[] {
  const out: AvailableAction[] = [];
  if (view.where.area === 'ended') return out;
  for (const type of actionTypes) {
    const offer = callActions[type].offer(view);
    if (offer) out.push(offer);
  }
  return out;
}
