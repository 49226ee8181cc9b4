/**
 * The platform a workspace models (R30), as the editor changes it: what the
 * workspace becomes on another platform, the words for each setting a preset
 * fixes or offers, and the list of what a switch changes, shown before it is
 * made. No React here: the settings panel, the simulator's comparison and
 * their tests share it.
 */
import { produce } from 'immer';
import { type AccountSettings, applyPreset, choosePlatform, type WorkspaceDoc } from '../../runtime/document/workspace.ts';
import { type PlatformId, type PlatformPreset, type PresetSettingName, presetOf } from '../../runtime/platforms/presets.ts';

/** Each preset dimension as an admin reads it: its name and its values in words. */
export const SETTING_TEXT: { [K in PresetSettingName]: { name: string; value(v: AccountSettings[K]): string } } = {
  recordInbound: { name: 'Record inbound calls', value: (v) => (v ? 'on' : 'off') },
  recordOutbound: { name: 'Record outbound calls', value: (v) => (v ? 'on' : 'off') },
  continueOnExternalTransfer: { name: 'Keep recording on external transfer', value: (v) => (v ? 'on' : 'off') },
  agentPause: { name: 'Agents may pause and resume recording', value: (v) => (v ? 'allowed' : 'not allowed') },
  dualChannel: { name: 'Dual-channel (stereo) recording', value: (v) => (v ? 'dual channel' : 'mono') },
  recordedParties: {
    name: 'Sides on tape',
    value: (v) => (v === 'both' ? 'both sides' : v === 'contact' ? 'the contact only' : 'the agent side only'),
  },
  pauseLeaves: {
    name: 'A pause leaves',
    value: (v) => (v === 'gap' ? 'a gap (the paused audio is cut out)' : 'silence (the recording keeps its length)'),
  },
  recordIvr: { name: 'Record the IVR part', value: (v) => (v ? 'yes, from the Recording node' : 'no, from when an agent joins') },
  outsidePartiesChannel: {
    name: 'Outside and conferenced parties',
    value: (v) => (v === 'agent-side' ? 'on the agent side (channel B)' : 'with the contact (channel A)'),
  },
};

/** A setting's value in words, whatever the setting. */
export function settingValueText(name: PresetSettingName, value: unknown): string {
  return (SETTING_TEXT[name].value as (v: unknown) => string)(value);
}

/** Why the platform fixes a setting (R30), in the preset's words, read next to the value it fixes. */
export function whyFixed(preset: PlatformPreset, name: PresetSettingName | 'numberOverrides'): string {
  return preset.why[name] ?? `${preset.name} fixes this setting.`;
}

/**
 * The workspace as it is on `platform` (R30): `choosePlatform` applied to a copy (immer's, so frozen and sharing
 * what did not change), for the preview of a switch and for running a call there.
 */
export function onPlatform(ws: WorkspaceDoc, platform: PlatformId): WorkspaceDoc {
  if (platform === ws.platform) return applyPreset(ws);
  return produce(ws, (draft) => choosePlatform(draft, platform));
}

/** The undo label of a platform switch. */
export function switchLabel(platform: PlatformId): string {
  return `Model ${presetOf(platform).name}`;
}

/** An immer recipe that switches the workspace to `platform`: one store change, one undo step of small patches. */
export function switchPlatform(platform: PlatformId): (draft: WorkspaceDoc) => void {
  return (draft) => choosePlatform(draft, platform);
}

/**
 * What switching `ws` to `platform` changes, one sentence each, for the reviewer to read before confirming:
 * settings that take another value, and number overrides switched off.
 */
export function platformChanges(ws: WorkspaceDoc, platform: PlatformId): string[] {
  if (platform === ws.platform) return [];
  const next = onPlatform(ws, platform);
  const preset = presetOf(platform);
  const out: string[] = [];
  for (const name of Object.keys(SETTING_TEXT) as PresetSettingName[]) {
    const before = ws.account[name];
    const after = next.account[name];
    if (before === after) continue;
    const how = name in preset.fixed ? `fixed by ${preset.name}` : `${preset.name}'s starting value`;
    out.push(`${SETTING_TEXT[name].name}: ${settingValueText(name, before)} → ${settingValueText(name, after)} (${how}).`);
  }
  ws.numbers.forEach((n, i) => {
    if (n.override.enabled && !next.numbers[i]?.override.enabled) {
      out.push(`The override of number ${n.label || n.id} (${n.number}) is switched off: ${preset.name} has no per-number recording settings.`);
    }
  });
  return out;
}
