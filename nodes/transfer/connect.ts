/**
 * Transfer ↔ Connect's TransferParticipantToThirdParty ("Transfer to phone number") for outside numbers (R16);
 * transfers to an agent or ring group are written as "Set working queue" + "Transfer to queue".
 */
import { bindErrors, type ConnectAction, clip, defineConnect, hintText, numberParam, textParam } from '../kit/connect.ts';
import { toE164 } from '../kit/fields.ts';
import type { ExitBinding, FormatNote, JsonObject, WriteResult } from '../kit/formats.ts';
import type { TransferData } from './model.ts';

const PHONE = /^\+?[0-9 ()-]{3,20}$/;

export const transferConnect = defineConnect<TransferData>({
  reads: ['TransferParticipantToThirdParty'],
  read(action, { hints }) {
    const p = action.Parameters;
    const number = textParam(p, 'ThirdPartyPhoneNumber');
    // A dynamic number ($.Attributes.x) or a voice connector is not an outside number Recflow can ring: kept verbatim.
    if (number === undefined || !PHONE.test(number)) return null;
    const limit = numberParam(p, 'ThirdPartyConnectionTimeoutSeconds');
    const ringTimeoutSeconds = Math.min(600, Math.max(1, Math.round(limit ?? 30)));
    const notes: FormatNote[] = [];
    if (limit === undefined) notes.push({ fidelity: 'approximated', message: 'no connection time limit given: 30 s assumed', at: 'Parameters' });
    const exits: ExitBinding[] = [];
    bindErrors(action, 'failed', ['CallFailed', 'ConnectionTimeLimitExceeded', 'NoMatchingError'], exits, notes);
    if (textParam(p, 'ContinueFlowExecution') !== 'False' && action.Transitions.NextAction !== undefined) {
      notes.push({
        fidelity: 'not-simulated',
        message: "after the outside party hangs up, Connect runs on at the next action; Recflow's call stays with the outside party (R16)",
        at: 'Transitions.NextAction',
        part: true,
      });
    }
    return {
      data: { label: hintText(hints, 'label') ?? clip(`Transfer to ${number}`), target: { type: 'external', number }, ringTimeoutSeconds },
      exits,
      notes,
    };
  },
  write(data, { platformId, original, before }): WriteResult<ConnectAction> {
    const t = data.target;
    const failedExits = [0, 1, 2].map((i) => ({ action: 0, slot: `Errors[${i}]`, port: 'failed' }));
    if (t.type === 'external') {
      // Connect takes ThirdPartyPhoneNumber in E.164 only: a number written for people is compacted; one
      // without a country code is written as it is, and the export check refuses it.
      const number = toE164(t.number) ?? t.number;
      const notes: FormatNote[] =
        toE164(t.number) === undefined
          ? [{ fidelity: 'not-simulated', message: `"${t.number}" is not an E.164 number (+, country code, at most 15 digits): Connect refuses any other form; give it its country code` }]
          : [];
      const Parameters: JsonObject =
        original && before && before.target.type === 'external'
          ? {
              ...original.Parameters,
              ...(before.target.number === t.number ? {} : { ThirdPartyPhoneNumber: number }),
              ...(before.ringTimeoutSeconds === data.ringTimeoutSeconds ? {} : { ThirdPartyConnectionTimeoutSeconds: String(data.ringTimeoutSeconds) }),
            }
          : { ThirdPartyPhoneNumber: number, ThirdPartyConnectionTimeoutSeconds: String(data.ringTimeoutSeconds), ContinueFlowExecution: 'False' };
      const action: ConnectAction = {
        Identifier: '',
        Type: 'TransferParticipantToThirdParty',
        Parameters,
        Transitions: {
          Errors: [
            { NextAction: '', ErrorType: 'CallFailed' },
            { NextAction: '', ErrorType: 'ConnectionTimeLimitExceeded' },
            { NextAction: '', ErrorType: 'NoMatchingError' },
          ],
        },
      };
      return { actions: [action], exits: failedExits, notes, hints: { label: data.label } as JsonObject };
    }
    if (t.type === 'extension') {
      return {
        actions: [],
        exits: [],
        notes: [{ fidelity: 'not-simulated', message: `Connect reaches a private extension (${t.extension}) only through a voice connector, which Recflow cannot write (R13)` }],
      };
    }
    const Parameters: JsonObject = t.type === 'ringGroup' ? { QueueId: platformId({ type: 'ringGroup', id: t.ringGroupId }) } : { AgentId: platformId({ type: 'agent', id: t.agentId }) };
    return {
      actions: [
        { Identifier: '', Type: 'UpdateContactTargetQueue', Parameters, Transitions: { NextAction: '', Errors: [{ NextAction: '', ErrorType: 'NoMatchingError' }] } },
        { Identifier: '', Type: 'TransferContactToQueue', Parameters: {}, Transitions: { Errors: [{ NextAction: '', ErrorType: 'QueueAtCapacity' }, { NextAction: '', ErrorType: 'NoMatchingError' }] } },
      ],
      exits: [
        { action: 0, slot: 'NextAction', to: 1 },
        { action: 0, slot: 'Errors[0]', port: 'failed' },
        { action: 1, slot: 'Errors[0]', port: 'failed' },
        { action: 1, slot: 'Errors[1]', port: 'failed' },
      ],
      notes: [{ fidelity: 'approximated', message: `a transfer to ${t.type === 'agent' ? 'an agent' : 'a ring group'} is written as a transfer to its queue, with no ring timeout (R13, R25)` }],
      hints: { label: data.label, maxWaitSeconds: data.ringTimeoutSeconds },
      carrier: 1,
    };
  },
});
