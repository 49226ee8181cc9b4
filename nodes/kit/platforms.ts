/**
 * What kinds need to know about the platform a workspace models (R30): its
 * name, and what its recording block can set besides on/off (R3, R29, R31).
 * The presets themselves are runtime data (`runtime/platforms/presets.ts`);
 * kinds may not import the runtime, so this table carries the part their forms
 * and checks read, and a test keeps it equal to the presets.
 */

export type PlatformName = 'talkdesk' | 'amazon-connect' | 'twilio-studio';

/** What a platform's recording block sets besides on/off. */
export interface RecordingBlockOptions {
  /** R3: mono or dual channel. */
  channels: boolean;
  /** R3: whether the controlling agent may pause. */
  agentPause: boolean;
  /** R29: which sides are recorded. */
  parties: boolean;
  /** R31: whether the IVR part before an agent joins is recorded. */
  ivr: boolean;
}

export interface PlatformFacts {
  name: string;
  /** The platform's own name for its recording block, as its admins know it. */
  recordingBlock: string;
  recording: RecordingBlockOptions;
}

const FACTS: Record<PlatformName, PlatformFacts> = {
  talkdesk: {
    name: 'Talkdesk',
    recordingBlock: 'Studio Recording block',
    recording: { channels: true, agentPause: true, parties: false, ivr: false },
  },
  'amazon-connect': {
    name: 'Amazon Connect',
    recordingBlock: 'Set recording and analytics behavior block',
    recording: { channels: false, agentPause: false, parties: true, ivr: true },
  },
  'twilio-studio': {
    name: 'Twilio Studio',
    recordingBlock: 'Call Recording widget',
    recording: { channels: true, agentPause: false, parties: false, ivr: false },
  },
};

/** The facts of `platform`; a workspace that names none models Talkdesk (R30's default). */
export function platformFacts(platform: PlatformName | undefined): PlatformFacts {
  return FACTS[platform ?? 'talkdesk'];
}

/** What the platform's recording block offers besides on/off. */
export function recordingOptionsOf(platform: PlatformName | undefined): RecordingBlockOptions {
  return platformFacts(platform).recording;
}
