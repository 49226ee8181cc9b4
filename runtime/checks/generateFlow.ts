/**
 * A generator of large, valid, realistic flows for benchmarks and property
 * tests: a Start, a recording notice, Recording on, then menus branching into
 * messages, assigns with voicemail fallbacks, transfers, card-capture pauses,
 * decisions, integration steps, queues and other flows, every open path
 * ending at a shared Hang up. Deterministic per seed.
 */
import type { NodeDataOf, NodeKindName } from '../../nodes/index.ts';
import { FLOW_FORMAT, FLOW_VERSION, type FlowDoc, type FlowEdge, type FlowNode, type FlowNodeOf } from '../document/flow.ts';

/** mulberry32: a small seeded PRNG, so a seed always yields the same flow. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Slot {
  from: string;
  port: string;
}

export interface GenerateFlowOptions {
  /** Flow id; defaults to `generated-<count>-<seed>`. */
  id?: string;
  /** Numbers the Start serves. */
  numberIds?: string[];
  /** Ring groups assigns and queues ring. */
  ringGroupIds?: string[];
  /** Flows that Flow nodes continue calls in. */
  flowIds?: string[];
}

const TIERS = ['gold', 'silver', 'bronze'];
const MENU_WORDS = ['Sales', 'Support', 'Billing', 'Returns', 'Opening hours', 'Technical help', 'Account', 'Operator'];

/**
 * Builds a flow with exactly `nodeCount` nodes (at least 1) that parses and
 * has no C1 errors: one Start, every node reachable, every port connected.
 * Nodes are laid out top to bottom by depth, 220 px apart.
 *
 * @example
 * const flow = generateFlow(1000, 42);
 * checkFlow(flow); // no errors
 */
export function generateFlow(nodeCount: number, seed = 1, options: GenerateFlowOptions = {}): FlowDoc {
  const count = Math.max(1, Math.floor(nodeCount));
  const rand = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const ringGroups = options.ringGroupIds ?? ['rg-support', 'rg-sales'];
  const flowIds = options.flowIds ?? ['other-flow'];
  const nodes: FlowNode[] = [];
  const edges: FlowEdge[] = [];
  const slots: Slot[] = [];

  const add = <K extends NodeKindName>(kind: K, data: NodeDataOf<K>): string => {
    const id = `${kind}-${nodes.length + 1}`;
    const node: FlowNodeOf<K> = { id, kind, position: { x: 0, y: 0 }, data };
    nodes.push(node as FlowNode);
    return id;
  };
  const connect = (slot: Slot, target: string) => {
    edges.push({ id: `e${edges.length + 1}`, source: slot.from, sourcePort: slot.port, target });
  };
  const takeSlot = (): Slot => {
    const i = Math.floor(rand() * slots.length);
    const slot = slots[i]!;
    slots[i] = slots[slots.length - 1]!;
    slots.pop();
    return slot;
  };

  const startId = add('start', { label: 'Incoming call', numberIds: options.numberIds ?? ['num-main'] });
  if (count === 1) {
    nodes[0]!.endsCall = ['next'];
    return finish(nodes, edges, options.id ?? `generated-1-${seed}`, startId);
  }
  slots.push({ from: startId, port: 'next' });
  // One node is kept for the shared Hang up every leftover path ends at.
  let remaining = count - 2;

  /** Places a node at a slot and returns its id. */
  const place = <K extends NodeKindName>(slot: Slot, kind: K, data: NodeDataOf<K>): string => {
    const id = add(kind, data);
    connect(slot, id);
    remaining--;
    return id;
  };

  const addMenu = (slot: Slot) => {
    const optionCount = 2 + Math.floor(rand() * 3);
    const options = (['1', '2', '3', '4'] as const).slice(0, optionCount).map((digit) => ({ digit, label: pick(MENU_WORDS) }));
    const id = place(slot, 'menu', {
      label: 'Menu',
      prompt: options.map((o) => `Press ${o.digit} for ${o.label.toLowerCase()}.`).join(' '),
      options,
      timeoutSeconds: 5 + Math.floor(rand() * 10),
    });
    for (const o of options) slots.push({ from: id, port: o.digit });
    slots.push({ from: id, port: 'timeout' });
    if (remaining > 0 && rand() < 0.5) {
      // The usual retry loop: a wrong key hears a short message and returns to the menu (C4: the options leave it).
      const sorry = place({ from: id, port: 'invalid' }, 'play', {
        label: 'Invalid key',
        text: 'Sorry, that is not a valid choice.',
        durationSeconds: 2,
        recordingNotice: false,
      });
      connect({ from: sorry, port: 'next' }, id);
    } else {
      slots.push({ from: id, port: 'invalid' });
    }
  };

  // The preamble every realistic inbound flow has (C2: notice before recording starts).
  const preamble: Array<(slot: Slot) => void> = [
    (s) => {
      const id = place(s, 'play', {
        label: 'Recording notice',
        text: 'This call may be recorded for quality and training.',
        durationSeconds: 4,
        recordingNotice: true,
      });
      slots.push({ from: id, port: 'next' });
    },
    (s) => {
      const id = place(s, 'recording', { label: 'Record call', record: 'on', channels: 'default', agentPause: 'default', parties: 'default', ivr: 'default' });
      slots.push({ from: id, port: 'next' });
    },
    addMenu,
  ];
  for (const step of preamble) {
    if (remaining <= 0) break;
    step(takeSlot());
  }

  while (remaining > 0 && slots.length > 0) {
    const slot = takeSlot();
    const r = rand();
    if (slots.length < 2 || (r < 0.14 && remaining >= 2)) {
      addMenu(slot);
    } else if (r < 0.34) {
      const id = place(slot, 'play', { label: 'Message', text: 'Thank you for waiting.', durationSeconds: 1 + Math.floor(rand() * 8), recordingNotice: false });
      slots.push({ from: id, port: 'next' });
    } else if (r < 0.56) {
      const id = place(slot, 'assign', {
        label: 'Ring agents',
        target: { type: 'ringGroup', ringGroupId: pick(ringGroups) },
        ringTimeoutSeconds: 20 + Math.floor(rand() * 20),
      });
      if (remaining > 0 && rand() < 0.6) {
        // Voicemail when nobody answers (R19).
        const vm = place({ from: id, port: 'noAnswer' }, 'voicemail', {
          label: 'Voicemail',
          prompt: 'Nobody is free. Please leave a message.',
          maxLengthSeconds: 120,
        });
        slots.push({ from: vm, port: 'next' });
      } else {
        slots.push({ from: id, port: 'noAnswer' });
      }
    } else if (r < 0.66) {
      const external = rand() < 0.5;
      const id = place(slot, 'transfer', {
        label: external ? 'Partner line' : 'Desk phone',
        target: external ? { type: 'external', number: '+15550199' } : { type: 'extension', extension: '2040', system: 'deskPhone' },
        ringTimeoutSeconds: 30,
      });
      slots.push({ from: id, port: 'failed' });
    } else if (r < 0.76 && remaining >= 3) {
      // Card capture: recording off, the prompt, recording on again (R6, R5).
      const off = place(slot, 'recording', { label: 'Pause for card', record: 'off', channels: 'default', agentPause: 'default', parties: 'default', ivr: 'default' });
      const card = place({ from: off, port: 'next' }, 'play', {
        label: 'Card capture',
        text: 'Please enter your card number followed by the hash key.',
        durationSeconds: 20,
        recordingNotice: false,
      });
      const on = place({ from: card, port: 'next' }, 'recording', { label: 'Resume recording', record: 'on', channels: 'default', agentPause: 'default', parties: 'default', ivr: 'default' });
      slots.push({ from: on, port: 'next' });
    } else if (r < 0.86) {
      const id = place(slot, 'voicemail', { label: 'Voicemail', prompt: 'Please leave a message after the tone.', maxLengthSeconds: 90 });
      slots.push({ from: id, port: 'next' });
    } else if (r < 0.89) {
      // A decision on a contact attribute (R26): a port per outcome, and noMatch.
      const tiers = TIERS.slice(0, 2 + Math.floor(rand() * 2));
      const id = place(slot, 'decision', {
        label: 'Customer tier',
        source: 'attribute tier',
        outcomes: tiers.map((name) => ({ name, condition: `$.Attributes.tier = ${name}` })),
      });
      for (const name of tiers) slots.push({ from: id, port: name });
      slots.push({ from: id, port: 'noMatch' });
    } else if (r < 0.92) {
      // An integration step (R27): next, or error when it fails.
      const id = place(slot, 'step', { label: 'Look up the caller', action: pick(['http', 'lambda', 'set-variables'] as const), system: 'CRM', seconds: 1 });
      slots.push({ from: id, port: 'next' }, { from: id, port: 'error' });
    } else if (r < 0.95) {
      // A queue (R25): an agent answering takes the call; otherwise timeout or error.
      const id = place(slot, 'queue', {
        label: 'Queue',
        target: { type: 'ringGroup', ringGroupId: pick(ringGroups) },
        maxWaitSeconds: 60 + Math.floor(rand() * 240),
        queueName: '',
      });
      slots.push({ from: id, port: 'timeout' }, { from: id, port: 'error' });
    } else if (r < 0.97) {
      // Another flow of the workspace (R28): a module returns by next; a hand-over does not come back.
      const returns = rand() < 0.5;
      const id = place(slot, 'flow', { label: returns ? 'Verify identity' : 'Hand over', flowId: pick(flowIds), returns });
      if (returns) slots.push({ from: id, port: 'next' });
    } else {
      place(slot, 'hangup', { label: 'Goodbye' });
    }
  }

  // Every step consumes one open path and opens at least one, so some are always left to end here.
  const hangup = add('hangup', { label: 'Hang up' });
  for (const slot of slots) connect(slot, hangup);
  return finish(nodes, edges, options.id ?? `generated-${count}-${seed}`, startId);
}

/** Lays nodes out top to bottom by their depth from Start (220 px per level, 280 px apart in a level). */
function finish(nodes: FlowNode[], edges: FlowEdge[], id: string, startId: string): FlowDoc {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    const list = next.get(e.source);
    if (list) list.push(e.target);
    else next.set(e.source, [e.target]);
  }
  const depth = new Map<string, number>([[startId, 0]]);
  const queue = [startId];
  for (let head = 0; head < queue.length; head++) {
    const at = queue[head]!;
    for (const t of next.get(at) ?? []) {
      if (depth.has(t)) continue;
      depth.set(t, depth.get(at)! + 1);
      queue.push(t);
    }
  }
  const perLevel = new Map<number, number>();
  for (const node of nodes) {
    const d = depth.get(node.id) ?? 0;
    const slot = perLevel.get(d) ?? 0;
    perLevel.set(d, slot + 1);
    node.position = { x: slot * 280, y: d * 220 };
  }
  return { format: FLOW_FORMAT, version: FLOW_VERSION, id, name: `Generated flow (${nodes.length} nodes)`, nodes, edges };
}
