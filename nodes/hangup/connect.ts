/** Hang up ↔ Connect's DisconnectParticipant ("Disconnect / hang up"). */
import { clip, defineConnect, hintText } from '../kit/connect.ts';
import type { HangupData } from './model.ts';

export const hangupConnect = defineConnect<HangupData>({
  reads: ['DisconnectParticipant'],
  read: (_action, { hints }) => ({ data: { label: clip(hintText(hints, 'label') ?? 'Disconnect') }, exits: [], notes: [] }),
  write: (data, { original }) => ({
    actions: [{ Identifier: '', Type: 'DisconnectParticipant', Parameters: original?.Parameters ?? {}, Transitions: {} }],
    exits: [],
    notes: [],
    hints: { label: data.label },
  }),
});
