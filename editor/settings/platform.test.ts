import { applyPatches, enablePatches, produceWithPatches } from 'immer';
import { describe, expect, it } from 'vitest';
import { loadExampleWorkspace } from '../../examples/index.ts';
import { parseWorkspace, serializeWorkspace } from '../../runtime/document/workspace.ts';
import { PLATFORMS, PRESETS } from '../../runtime/platforms/presets.ts';
import { createEditorStore } from '../store/store.ts';
import { onPlatform, platformChanges, switchLabel, switchPlatform, whyFixed } from './platform.ts';

enablePatches();

describe('switching the platform a workspace models (R30)', () => {
  it.each(PLATFORMS)('on %s the workspace has every value the preset fixes, and reads back as a valid document', (platform) => {
    const ws = onPlatform(loadExampleWorkspace(), platform);
    expect(ws.platform).toBe(platform);
    expect(ws.account).toMatchObject(PRESETS[platform].fixed);
    const reread = parseWorkspace(JSON.parse(serializeWorkspace(ws)));
    expect(reread.ok ? [] : reread.errors).toEqual([]);
  });

  it('starts an admin from the preset’s starting values when the platform changes (Twilio Studio: silence, mono)', () => {
    const ws = onPlatform(loadExampleWorkspace(), 'twilio-studio');
    expect(ws.account.pauseLeaves).toBe('silence');
    expect(ws.account.dualChannel).toBe(false);
  });

  it('re-choosing the same platform changes nothing the admin set', () => {
    const ws = loadExampleWorkspace();
    ws.account.agentPause = true;
    expect(onPlatform(ws, 'talkdesk').account).toEqual(ws.account);
    expect(platformChanges(ws, 'talkdesk')).toEqual([]);
  });

  it('switches number overrides off where the platform has none, keeping their values for a switch back', () => {
    const ws = loadExampleWorkspace();
    const payments = ws.numbers.find((n) => n.override.enabled)!;
    const onConnect = onPlatform(ws, 'amazon-connect');
    const after = onConnect.numbers.find((n) => n.id === payments.id)!;
    expect(after.override).toEqual({ ...payments.override, enabled: false });
    // Back on Talkdesk the override stays off until the admin turns it on again; its values are still there.
    expect(onPlatform(onConnect, 'talkdesk').numbers.find((n) => n.id === payments.id)!.override.agentPause).toBe(payments.override.agentPause);
  });

  it('says in words what a switch changes: each setting old → new with why, and each override switched off', () => {
    const ws = loadExampleWorkspace();
    const changes = platformChanges(ws, 'amazon-connect');
    expect(changes).toContain('Record inbound calls: on → off (fixed by Amazon Connect).');
    expect(changes).toContain('A pause leaves: a gap (the paused audio is cut out) → silence (the recording keeps its length) (fixed by Amazon Connect).');
    expect(changes).toContain('Record the IVR part: yes, from the Recording node → no, from when an agent joins (fixed by Amazon Connect).');
    expect(changes).toContain(
      'The override of number Payments line (+1 555 010 0101) is switched off: Amazon Connect has no per-number recording settings.',
    );
    // Settings that keep their value are not listed.
    expect(changes.some((c) => c.startsWith('Sides on tape'))).toBe(false);
    expect(platformChanges(ws, 'twilio-studio')).toContain("Dual-channel (stereo) recording: dual channel → mono (Twilio Studio's starting value).");
  });

  it('is one store change: the recipe gives exactly onPlatform’s workspace, and its inverse patches bring the old one back', () => {
    const ws = loadExampleWorkspace();
    const [next, patches, inverse] = produceWithPatches(ws, switchPlatform('amazon-connect'));
    expect(next).toEqual(onPlatform(ws, 'amazon-connect'));
    expect(patches.length).toBeGreaterThan(0);
    // Only what changes is patched: the flows are untouched.
    expect(patches.every((p) => p.path[0] !== 'flows')).toBe(true);
    expect(applyPatches(next, inverse)).toEqual(ws);
    expect(switchLabel('amazon-connect')).toBe('Model Amazon Connect');
  });

  it('through the editor store it is one undo step, named by the platform', () => {
    const store = createEditorStore(loadExampleWorkspace());
    const before = store.getState().workspace;
    store.change(switchPlatform('twilio-studio'), switchLabel('twilio-studio'));
    expect(store.getState().workspace.platform).toBe('twilio-studio');
    expect(store.getState().past.map((h) => h.label)).toEqual(['Model Twilio Studio']);
    store.undo();
    expect(store.getState().workspace).toEqual(before);
  });

  it('gives the preset’s reason for a fixed setting', () => {
    expect(whyFixed(PRESETS['amazon-connect'], 'pauseLeaves')).toBe('Amazon Connect fills a suspended recording with silence.');
    expect(whyFixed(PRESETS.talkdesk, 'numberOverrides')).toBe('Talkdesk fixes this setting.');
  });
});
