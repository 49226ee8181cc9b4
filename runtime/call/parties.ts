/** Party ids (see `PartyId` in types.ts) and their display labels. */
import type { TransferTarget } from '../../nodes/kit/fields.ts';
import type { WorkspaceIndex } from './lookup.ts';
import type { PartyId, PartyKind } from './types.ts';

export const CONTACT: PartyId = 'contact';

export const agentParty = (agentId: string): PartyId => `agent:${agentId}`;

/** The party a connect-at-once target becomes (outside number or extension). */
export function outsideParty(target: Extract<TransferTarget, { type: 'external' } | { type: 'extension' }>): PartyId {
  return target.type === 'external' ? `external:${target.number}` : `extension:${target.system}:${target.extension}`;
}

export function partyKind(id: PartyId): PartyKind {
  // Called on every event (phase of the timeline): prefix tests, no substrings.
  if (id.startsWith('agent:')) return 'agent';
  if (id.startsWith('external:')) return 'external';
  if (id.startsWith('extension:')) return 'extension';
  return 'contact';
}

/** The agent id of an `agent:` party, or null. */
export function agentIdOf(id: PartyId): string | null {
  return id.startsWith('agent:') ? id.slice(6) : null;
}

export function partyLabel(id: PartyId, ws: WorkspaceIndex, contactNumber: string): string {
  const kind = partyKind(id);
  if (kind === 'contact') return `contact ${contactNumber}`;
  if (kind === 'agent') {
    const agentId = id.slice(6);
    return ws.agents.get(agentId)?.name ?? agentId;
  }
  if (kind === 'external') return `outside ${id.slice(9)}`;
  return `extension ${id.slice(id.lastIndexOf(':') + 1)}`;
}
