/**
 * Platform presets (R30): the contact-centre platform a workspace models, as
 * data. A preset fixes the recording settings its platform fixes and offers
 * only the ones the platform lets an admin set; the rules read the effective
 * settings and never ask which platform they run on.
 *
 * Each fixed value and each offered setting cites its public source in
 * README.md ("Platform presets"); where no source says, the value is
 * Recflow's decision and says so there.
 */
import { type RecordingBlockOptions, recordingOptionsOf } from '../../nodes/kit/platforms.ts';

export const PLATFORMS = ['talkdesk', 'amazon-connect', 'twilio-studio'] as const;
export type PlatformId = (typeof PLATFORMS)[number];

/** The account-level recording settings a preset fixes or offers (see `AccountSettings`). */
export interface PresetSettings {
  recordInbound: boolean;
  recordOutbound: boolean;
  continueOnExternalTransfer: boolean;
  agentPause: boolean;
  dualChannel: boolean;
  /** R29: which sides of a call are on tape when nothing else says. */
  recordedParties: 'both' | 'contact' | 'agent';
  /** R30: a pause leaves a gap (the paused audio is removed) or silence (the recording keeps its length). */
  pauseLeaves: 'gap' | 'silence';
  /** R31: the part before an agent joins is recorded when a Recording node turns recording on before that. */
  recordIvr: boolean;
  /** R17 / R30: which channel outside parties (and conferenced ones) are on: the agent side (B) or the contact's (A). */
  outsidePartiesChannel: 'agent-side' | 'contact-side';
}

export type PresetSettingName = keyof PresetSettings;

/** What a platform's Recording block can set (R3, R29, R31): the kinds' own table, which their forms and checks read. */
export type NodeOptions = RecordingBlockOptions;

export interface PlatformPreset {
  id: PlatformId;
  name: string;
  /** Values the platform fixes: a workspace on the platform has exactly these. */
  fixed: Partial<PresetSettings>;
  /** The values an admin starts from on this platform for the settings it offers (the rest keep their value). */
  defaults: Partial<PresetSettings>;
  /** R2: whether a phone number can override the account's recording settings. */
  numberOverrides: boolean;
  /** What its recording block sets besides on/off. */
  node: NodeOptions;
  /** Why each fixed value is what it is, in a sentence a reviewer reads next to the setting. */
  why: Partial<Record<PresetSettingName | 'numberOverrides', string>>;
}

export const PRESETS: Record<PlatformId, PlatformPreset> = {
  talkdesk: {
    id: 'talkdesk',
    name: 'Talkdesk',
    fixed: { recordedParties: 'both', pauseLeaves: 'gap', recordIvr: true, outsidePartiesChannel: 'agent-side' },
    defaults: {},
    numberOverrides: true,
    node: recordingOptionsOf('talkdesk'),
    why: {
      recordedParties: 'Talkdesk records the contact and the agent side together.',
      pauseLeaves: 'On Talkdesk the paused audio is left out of the recording (R11).',
      recordIvr: 'A Talkdesk Recording block starts recording the moment it runs, IVR included (R5).',
      outsidePartiesChannel: 'Talkdesk puts every party but the contact on channel B (R17).',
    },
  },
  'amazon-connect': {
    id: 'amazon-connect',
    name: 'Amazon Connect',
    fixed: {
      recordInbound: false,
      recordOutbound: false,
      continueOnExternalTransfer: false,
      dualChannel: true,
      recordedParties: 'both',
      pauseLeaves: 'silence',
      recordIvr: false,
      outsidePartiesChannel: 'contact-side',
    },
    defaults: {},
    numberOverrides: false,
    node: recordingOptionsOf('amazon-connect'),
    why: {
      recordInbound: 'Amazon Connect records a contact only when a flow sets its recording behaviour.',
      recordOutbound: 'Amazon Connect records a contact only when a flow sets its recording behaviour (decision: outbound calls run no Recflow flow).',
      continueOnExternalTransfer: 'Amazon Connect does not record a transfer to an outside number once the agent leaves.',
      dualChannel: 'Amazon Connect records in stereo.',
      recordedParties: 'Each recording block says which participants it records; both unless it says otherwise.',
      pauseLeaves: 'Amazon Connect fills a suspended recording with silence.',
      recordIvr: 'Amazon Connect starts recording the agent conversation when the agent joins unless the block enables IVR recording.',
      outsidePartiesChannel: 'Amazon Connect puts the agent on the right channel and the customer with conferenced parties on the left.',
      numberOverrides: 'Amazon Connect has no per-number recording settings: the flow decides.',
    },
  },
  'twilio-studio': {
    id: 'twilio-studio',
    name: 'Twilio Studio',
    fixed: { recordInbound: false, recordOutbound: false, continueOnExternalTransfer: true, agentPause: true, recordedParties: 'both', recordIvr: true, outsidePartiesChannel: 'agent-side' },
    defaults: { pauseLeaves: 'silence', dualChannel: false },
    numberOverrides: false,
    node: recordingOptionsOf('twilio-studio'),
    why: {
      recordInbound: 'A Studio flow records a call only from a Call Recording widget (or a connected call with its record option).',
      recordOutbound: 'A Studio flow records a call only from a Call Recording widget (decision: outbound calls run no Recflow flow).',
      continueOnExternalTransfer: 'Decision: a Twilio call recording goes on until it is stopped or the call ends; no source says an outside transfer stops it.',
      agentPause: 'Twilio pauses and resumes recordings through its REST API, which any agent tool may call (decision: always allowed).',
      recordedParties: 'A Twilio call recording records the whole call.',
      recordIvr: 'The Call Recording widget starts recording the moment it runs.',
      outsidePartiesChannel: 'Decision: with two channels, the caller is on one and every other leg on the other.',
      numberOverrides: 'Twilio has no per-number recording settings for Studio flows: the flow decides.',
    },
  },
};

export const DEFAULT_PLATFORM: PlatformId = 'talkdesk';

export function presetOf(platform: PlatformId | undefined): PlatformPreset {
  return PRESETS[platform ?? DEFAULT_PLATFORM];
}

/** Whether the platform lets an admin set `setting` (it is not fixed). */
export function offers(preset: PlatformPreset, setting: PresetSettingName): boolean {
  return !(setting in preset.fixed);
}
