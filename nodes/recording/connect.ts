/**
 * Recording ↔ Connect's "Set recording and analytics behavior" block: UpdateContactRecordingBehavior, and
 * UpdateContactRecordingAndAnalyticsBehavior that the current console writes for it. Which participants are
 * recorded is R29's sides; IVR recording is R31's IVR part. Connect's block sets neither channels (always
 * stereo) nor whether agents may pause (R30).
 */
import { type ConnectAction, defineConnect, hintText, NEXT } from '../kit/connect.ts';
import type { FormatNote, JsonObject, JsonValue } from '../kit/formats.ts';
import type { RecordingData } from './model.ts';

const OLD = 'UpdateContactRecordingBehavior';
const NEW = 'UpdateContactRecordingAndAnalyticsBehavior';

/** The object holding `RecordedParticipants`, and its path in the parameters (the newer action nests it per channel). */
function findVoiceRecording(v: JsonValue, path: string[] = []): { at: string[]; behavior: JsonObject } | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  if (Array.isArray((v as JsonObject).RecordedParticipants)) return { at: path, behavior: v as JsonObject };
  for (const [k, x] of Object.entries(v)) {
    if (/chat|email|screen/i.test(k)) continue;
    const found = findVoiceRecording(x, [...path, k]);
    if (found) return found;
  }
  return undefined;
}

const SIDES = { both: ['Agent', 'Customer'], agent: ['Agent'], contact: ['Customer'] } as const;

export const recordingConnect = defineConnect<RecordingData>({
  reads: [OLD, NEW],
  read(action, { hints }) {
    const found = findVoiceRecording(action.Parameters);
    if (!found) return null;
    const at = `Parameters.${found.at.join('.')}`;
    const people = (found.behavior.RecordedParticipants as JsonValue[]).filter((x): x is string => typeof x === 'string');
    const agent = people.includes('Agent');
    const customer = people.includes('Customer');
    const ivrValue = found.behavior.IVRRecordingBehavior;
    const notes: FormatNote[] = [];
    const unknown = people.filter((p) => p !== 'Agent' && p !== 'Customer');
    if (unknown.length > 0) notes.push({ fidelity: 'not-simulated', message: `participants ${unknown.join(', ')} are not Recflow sides`, at: `${at}.RecordedParticipants` });
    // Analytics, screen and chat settings beside the voice recording (at the top, or beside it in its channel).
    const besides: Array<[string, JsonObject]> = [['Parameters', action.Parameters]];
    if (found.at.length > 1) besides.push([`Parameters.${found.at.slice(0, -1).join('.')}`, found.at.slice(0, -1).reduce<JsonObject>((o, k) => o[k] as JsonObject, action.Parameters)]);
    for (const [where, obj] of besides) {
      for (const key of Object.keys(obj)) {
        if (key !== found.at[0] && key !== found.at[found.at.length - 1] && /analytic|chat|email/i.test(key)) {
          notes.push({ fidelity: 'not-simulated', message: `${key} (analytics or chat) is kept but not simulated`, at: `${where}.${key}`, part: true });
        }
      }
    }
    if (Array.isArray(found.behavior.ScreenRecordedParticipants) && found.behavior.ScreenRecordedParticipants.length > 0) {
      notes.push({ fidelity: 'not-simulated', message: 'screen recording is kept but not simulated', at: `${at}.ScreenRecordedParticipants`, part: true });
    }
    const data: RecordingData = {
      label: hintText(hints, 'label') ?? (agent || customer ? 'Set recording behavior' : 'Stop recording'),
      record: agent || customer ? 'on' : 'off',
      channels: 'default',
      agentPause: 'default',
      parties: agent && customer ? 'both' : agent ? 'agent' : customer ? 'contact' : 'default',
      ivr: ivrValue === 'Enabled' ? 'record' : ivrValue === 'Disabled' ? 'skip' : 'default',
    };
    return { data, exits: action.Transitions.NextAction === undefined ? [] : [{ slot: NEXT, port: 'next' }], notes };
  },
  write(data, { original, before }) {
    const notes: FormatNote[] = [];
    if (data.channels !== 'default') notes.push({ fidelity: 'approximated', message: `Connect always records in stereo: channels "${data.channels}" is not written (R30)` });
    if (data.agentPause !== 'default') notes.push({ fidelity: 'approximated', message: `Connect's block cannot set whether agents may pause: "${data.agentPause}" is not written (R30)` });
    const participants: string[] = data.record === 'off' ? [] : [...SIDES[data.parties === 'default' ? 'both' : data.parties]];
    if (data.record === 'on' && data.parties === 'default') notes.push({ fidelity: 'approximated', message: "the account's sides are written as Agent and Customer (Connect's block names them)" });
    let Parameters: JsonObject;
    const found = original ? findVoiceRecording(original.Parameters) : undefined;
    if (original && before && found) {
      // Change only what the edit touched, where the original holds it.
      Parameters = structuredClone(original.Parameters);
      const target = findVoiceRecording(Parameters)!.behavior;
      if (before.record !== data.record || before.parties !== data.parties) target.RecordedParticipants = participants;
      if (before.ivr !== data.ivr) {
        if (data.ivr === 'default') delete target.IVRRecordingBehavior;
        else target.IVRRecordingBehavior = data.ivr === 'record' ? 'Enabled' : 'Disabled';
      }
    } else {
      const behavior: JsonObject = { RecordedParticipants: participants };
      if (data.ivr !== 'default') behavior.IVRRecordingBehavior = data.ivr === 'record' ? 'Enabled' : 'Disabled';
      Parameters = { RecordingBehavior: behavior };
    }
    const action: ConnectAction = { Identifier: '', Type: original?.Type ?? OLD, Parameters, Transitions: { NextAction: '' } };
    return { actions: [action], exits: [{ action: 0, slot: NEXT, port: 'next' }], notes, hints: { label: data.label } };
  },
});
