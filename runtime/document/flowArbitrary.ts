/**
 * fast-check arbitraries for property tests: any valid flow document, built
 * from every kind's data shape with awkward but legal values (unicode labels,
 * boundary numbers, open ports, ports marked as ending the call). Used by
 * tests only; the runtime never imports it.
 */
import fc from 'fast-check';
import { entryKind, getModel, kinds, type NodeDataOf, type NodeKindName } from '../../nodes/index.ts';
import type { CommonArbitraries } from '../../nodes/kit/contract.ts';
import { RESERVED_IDS } from '../../nodes/kit/fields.ts';
import { FLOW_FORMAT, FLOW_VERSION, type FlowDoc, type FlowEdge, type FlowNode } from './flow.ts';

/** Any legal id; the names JavaScript objects reserve (`valueOf`, …) are not legal ids. */
const idArb = fc.stringMatching(/^[A-Za-z0-9_.:-]{1,64}$/).filter((id) => !RESERVED_IDS.includes(id));
/** Code points may take two UTF-16 units, so half of each limit keeps generated text legal. */
const textArb = (maxUnits: number) => fc.string({ unit: 'binary', maxLength: Math.floor(maxUnits / 2) });
const labelArb = textArb(200);
const secondsArb = (max: number) => fc.integer({ min: 1, max });
const coordArb = fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => (x === 0 ? 0 : x)); // JSON has no -0

const transferTargetArb = fc.oneof(
  idArb.map((agentId) => ({ type: 'agent' as const, agentId })),
  idArb.map((ringGroupId) => ({ type: 'ringGroup' as const, ringGroupId })),
  fc.record({
    type: fc.constant('extension' as const),
    extension: fc.string({ unit: 'binary', minLength: 1, maxLength: 32 }),
    system: fc.constantFrom('pbx' as const, 'deskPhone' as const, 'teams' as const),
  }),
  fc.stringMatching(/^\+?[0-9 ()-]{3,20}$/).map((number) => ({ type: 'external' as const, number })),
);

/** What each kind's arbitrary builds on (`arbitrary(fc, common)` in its kind.ts). */
export const commonArbitraries: CommonArbitraries = { id: idArb, label: labelArb, text: textArb, seconds: secondsArb, transferTarget: transferTargetArb };

/** Every kind's data, valid by its schema, from the kind's own arbitrary. */
export const nodeDataArbitraries = Object.fromEntries(kinds.map((k) => [k.kind, k.arbitrary(fc, commonArbitraries)])) as {
  [K in NodeKindName]: fc.Arbitrary<NodeDataOf<K>>;
};

type KindAndData = { [K in NodeKindName]: { kind: K; data: NodeDataOf<K> } }[NodeKindName];

const otherKinds = kinds.filter((k) => !k.traits.entry).map((k) => k.kind as NodeKindName);
const kindAndDataArb: fc.Arbitrary<KindAndData> = fc
  .constantFrom(...otherKinds)
  .chain((kind) => (nodeDataArbitraries[kind] as fc.Arbitrary<unknown>).map((data) => ({ kind, data }) as KindAndData));

const MAX_GENERATED_NODES = 12;

/**
 * Any valid flow: a Start plus up to 12 nodes of any kind, each port either
 * connected to some other node (never Start, never itself), marked as ending
 * the call, or left open. Validity here is `parseFlow`'s, not `checkFlow`'s:
 * open ports and unreachable nodes are legal documents.
 */
export const validFlowArbitrary: fc.Arbitrary<FlowDoc> = fc
  .record({
    id: idArb,
    name: fc.string({ unit: 'binary', minLength: 1, maxLength: 100 }),
    description: fc.option(textArb(400), { nil: undefined }),
    start: nodeDataArbitraries[entryKind.kind as NodeKindName],
    others: fc.array(kindAndDataArb, { maxLength: MAX_GENERATED_NODES }),
    ids: fc.uniqueArray(idArb, { minLength: MAX_GENERATED_NODES + 1, maxLength: MAX_GENERATED_NODES + 1 }),
    positions: fc.array(fc.record({ x: coordArb, y: coordArb }), { minLength: MAX_GENERATED_NODES + 1, maxLength: MAX_GENERATED_NODES + 1 }),
    choices: fc.array(fc.nat(), { minLength: 16 * (MAX_GENERATED_NODES + 1), maxLength: 16 * (MAX_GENERATED_NODES + 1) }),
  })
  .map(({ id, name, description, start, others, ids, positions, choices }) => {
    const parts = [{ kind: entryKind.kind, data: start }, ...others] as KindAndData[];
    const nodes = parts.map((p, i) => ({ id: ids[i]!, kind: p.kind, position: positions[i]!, data: p.data }) as FlowNode);
    const edges: FlowEdge[] = [];
    let c = 0;
    nodes.forEach((node, i) => {
      const ends: string[] = [];
      for (const port of getModel(node.kind)!.ports(node.data)) {
        const choice = choices[c++ % choices.length]!;
        const targets = nodes.filter((t, j) => j !== i && getModel(t.kind)!.hasInput);
        if (choice % 3 === 0 && targets.length > 0) {
          edges.push({ id: `e${edges.length}`, source: node.id, sourcePort: port.id, target: targets[(choice >> 2) % targets.length]!.id });
        } else if (choice % 3 === 1) {
          ends.push(port.id);
        }
      }
      if (ends.length > 0) node.endsCall = ends;
    });
    const flow: FlowDoc = { format: FLOW_FORMAT, version: FLOW_VERSION, id, name, nodes, edges };
    if (description !== undefined) flow.description = description;
    return flow;
  });
