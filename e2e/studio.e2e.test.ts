/**
 * Issue 12 item 5 in real Chromium on the built editor: a Twilio Studio flow
 * definition dropped on the canvas is drawn and its import report opens (per
 * widget, with the JSON path of its state); on the Twilio Studio preset a call
 * through it records from the Call Recording widget, IVR included (R31), and an
 * agent's pause through Twilio's API leaves silence (R30); exported back, the
 * definition has the same states; after a reload the flow is still there. A
 * legacy, broken or foreign file is refused with the JSON path of what is
 * wrong and the workspace keeps everything it had.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { roundTripDifferences } from '../runtime/platforms/twilio-studio/document.ts';
import { tooManyStates } from '../runtime/platforms/twilio-studio/fixtures/tooManyStates.ts';
import { act, clickNode, dropFile, nodes, openFlowMenu, readDownload, segmentsOn, setupEditor, simStatus, waitSaved } from './helpers.ts';

const editor = setupEditor();

const studio = (name: string) => readFile(new URL(`../runtime/platforms/twilio-studio/fixtures/${name}`, import.meta.url), 'utf8');

describe('Twilio Studio flow definitions in the editor', () => {
  it('drops a Studio definition, reads its report, simulates a call on the Studio preset, exports it back and finds it after a reload', async () => {
    const { page } = editor.current;
    const original = await studio('renewals-line.json');
    await dropFile(page, 'renewals-line.json', original);

    // Drawn: one node per state (the trigger is the entry), the gather and the split on its digits one Menu; the
    // report opens with one row per widget.
    const report = page.getByRole('region', { name: 'Import report' });
    await expect.poll(() => report.count()).toBe(1);
    await expect.poll(() => nodes(page).count()).toBe(9);
    await expect.poll(() => report.textContent()).toContain('Twilio Studio: 10 widgets imported — 6 simulated, 3 approximated, 1 not simulated (3 with a part not simulated)');
    // A note about one part the simulation leaves out says so, as the CLI does; its row keeps its fidelity.
    await expect.poll(() => report.textContent()).toContain("not simulated (one part) the task's attributes are not simulated");
    const widgets = report.getByRole('list', { name: 'Widgets' });
    await expect.poll(() => widgets.getByRole('button').count()).toBe(10);
    await expect.poll(() => report.textContent()).toContain('send-to-flex → queue');
    await expect.poll(() => report.textContent()).toContain('$.states[7].properties.record');
    // A row selects its node on the canvas.
    await widgets.getByRole('button', { name: /record-call → recording/ }).click();
    await expect.poll(() => page.locator('.react-flow__node.selected').getAttribute('data-id')).toBe('start_recording');
    await expect.poll(() => page.getByRole('button', { name: /^Undo Import Twilio Studio flow/ }).count()).toBe(1);

    // The sample workspace models Talkdesk: the report offers Twilio Studio.
    await report.getByRole('button', { name: 'Model Twilio Studio' }).click();
    await expect.poll(() => page.getByRole('button', { name: /^Platform: / }).textContent()).toContain('Twilio Studio');
    await expect.poll(() => report.getByRole('button', { name: 'Model Twilio Studio' }).count()).toBe(0);

    // A call from the stand-in number: the notice, recording on, 1 pressed (the menu's key 1 leads to the renewals
    // desk, as its split's equal_to 1 did), the renewals desk answers.
    const toggle = page.getByRole('button', { name: /Simulate a call/ });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await page.getByLabel('Number dialled').selectOption('num-policy-renewals');
    await page.getByRole('button', { name: 'Start call', exact: true }).click();
    await expect.poll(() => simStatus(page)).toContain('(Play)');
    await page.getByRole('button', { name: /Run to next timer/ }).click(); // the notice ends at 5 s
    await expect.poll(() => simStatus(page)).toContain('(Menu)');
    await page.getByRole('group', { name: 'Caller presses a key', exact: true }).getByRole('button', { name: /^Press 1\b/ }).click();
    await expect.poll(() => simStatus(page)).toContain('(Queue)');
    await act(page, 'Answer'); // 15 s: the stand-in agent of the Flex workflow
    await act(page, 'Pause recording'); // 20 s
    await act(page, 'Resume recording'); // 25 s
    await act(page, 'Hang up'); // 30 s
    await expect.poll(() => page.locator('.sim-drawer__summary').textContent()).toContain('on Twilio Studio');
    // R31: the Call Recording widget records from where it runs, the IVR included; recorded in dual channels (its
    // recording_channels). R30: the agent's pause (Twilio's REST API) leaves 5 s of silence in a 25 s recording.
    await expect.poll(() => segmentsOn(page, 'A')).toEqual(['5–20 s', '25–30 s']);
    await expect.poll(() => segmentsOn(page, 'B')).toEqual(['5–20 s', '25–30 s']);
    await expect.poll(() => page.getByRole('img', { name: /^Paused 20–25 s: kept in the recording as silence on channel A/ }).count()).toBe(1);
    await expect.poll(() => page.locator('.sim-drawer').textContent()).toContain('20 s recorded of 30 s · the recording is 25 s long, 5 s of it silence (R30)');

    // Exported back as a Studio flow definition: the same states, initial state, flags and description.
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    const section = dialog.getByRole('region', { name: 'Twilio Studio flow definition' });
    await expect.poll(() => section.textContent()).toContain('Twilio Studio: 9 nodes exported — 9 as simulated');
    await expect.poll(() => dialog.getByRole('region', { name: 'Amazon Connect flow' }).count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Download Twilio Studio flow definition' }).click()]);
    expect(download.suggestedFilename()).toBe('policy-renewals.twilio-studio.json');
    const back = JSON.parse(await readDownload(download)) as { states: Array<{ name: string; transitions: unknown }> };
    expect(roundTripDifferences(JSON.parse(original), back)).toEqual([]);
    expect(back.states.find((s) => s.name === 'pick_team')?.transitions).toEqual(JSON.parse(original).states[5].transitions);
    await dialog.getByRole('button', { name: 'Close' }).last().click();

    // Saved: after a reload the imported flow and its stand-ins are still there.
    await waitSaved(page);
    await page.reload();
    await page.locator('.react-flow__node').first().waitFor();
    await openFlowMenu(page);
    await page.getByRole('menuitemradio', { name: /^Policy renewals/ }).click();
    await expect.poll(() => nodes(page).count()).toBe(9);
    await expect.poll(() => page.locator('.react-flow__node[data-id="start_recording"]').count()).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: /^Platform: / }).textContent()).toContain('Twilio Studio');
  });

  // Item 1's refusals in the browser, by the Import button or a drop, each with the JSON path of what is wrong.
  it.each([
    ['picked', 'legacy-export.json', '$.InitialState', "Twilio's legacy export (InitialState, ConnectCaller)"],
    ['dropped', 'legacy-export.json', '$.InitialState', 'Trigger > Show Flow JSON'],
    ['picked', 'initial-names-nothing.json', '$.initial_state', 'names no state'],
    ['picked', 'next-names-nothing.json', '$.states[1].transitions[0].next', 'there is no state "menu"'],
    ['dropped', 'duplicate-names.json', '$.states[2].name', 'duplicate state name "hello" (first at $.states[1])'],
    ['picked', 'not-studio.json', '$.format', 'or a Twilio Studio flow definition'],
    ['dropped', '1001 states', '$.states', '1001 states: Studio accepts at most 1000 in one flow'],
  ])('%s, %s is refused with the JSON path %s and nothing in the workspace changes', async (how, file, path, message) => {
    const { page } = editor.current;
    const text = file === '1001 states' ? tooManyStates() : await studio(`refused/${file}`);
    // An edit not yet undone, which the refused import must keep.
    const before = await nodes(page).count();
    await clickNode(nodes(page).nth(1));
    await page.keyboard.press('Delete');
    await expect.poll(() => nodes(page).count()).toBe(before - 1);
    const count = await page.locator('.flow-menu__count').textContent();
    const drawn = await nodes(page).count();
    const undo = await page.getByRole('button', { name: /^Undo/ }).getAttribute('aria-label');
    if (how === 'dropped') await dropFile(page, 'broken.json', text);
    else await page.locator('[data-testid="import-input"]').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    const dialog = page.getByRole('dialog', { name: 'Could not import broken.json' });
    await expect.poll(() => dialog.locator('code').allTextContents()).toContain(path);
    await expect.poll(() => dialog.textContent()).toContain(message);
    await expect.poll(() => dialog.textContent()).toContain('Nothing was changed.');
    // What the file is is said once, in its error.
    expect(await dialog.getByText(/^It is /).count()).toBe(0);
    await dialog.getByRole('button', { name: 'OK' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => page.locator('.flow-menu__count').textContent()).toBe(count);
    await expect.poll(() => nodes(page).count()).toBe(drawn);
    expect(undo).toMatch(/^Undo Delete/);
    await expect.poll(() => page.getByRole('button', { name: /^Undo/ }).getAttribute('aria-label')).toBe(undo);
    await expect.poll(() => page.getByRole('region', { name: 'Import report' }).count()).toBe(0);
    await expect.poll(() => page.getByRole('button', { name: /^Platform: / }).textContent()).toContain('Talkdesk');
  });
});
