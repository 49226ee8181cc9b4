/**
 * Comparing flow versions in real Chromium on the built editor: duplicate the
 * support line, change the copy, compare it with the original and with a
 * flow file, follow edits and undo, jump to a changed node.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { clickNode, nodeByLabel, openFlowMenu, setupEditor } from './helpers.ts';

const editor = setupEditor();
const panel = (page: Page) => page.getByRole('region', { name: 'Compare' });
const nodeRows = (page: Page) => panel(page).getByRole('region', { name: 'Nodes' }).locator('.compare__list > li');

async function openCompare(page: Page): Promise<void> {
  await openFlowMenu(page);
  await page.getByRole('menuitem', { name: /^Compare “.*” with…$/ }).click();
  await page.getByRole('dialog', { name: /^Compare “.*” with…$/ }).waitFor();
}

describe('compare', () => {
  it('compares a changed copy with its original: listed field by field, marked on the canvas, following edits and undo', async () => {
    const { page } = editor.current;
    await openFlowMenu(page);
    await page.getByRole('menuitem', { name: /^Duplicate/ }).click();
    await expect.poll(() => page.locator('.topbar .flow-name').inputValue()).toBe('Copy of Support line');

    // R6: in the copy, the Recording node stops recording instead of starting it.
    const rec = nodeByLabel(page, 'Record support call');
    await clickNode(rec);
    await page.locator('.rf-inspector').getByLabel('Stop recording', { exact: true }).check();

    await openCompare(page);
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('combobox', { name: 'Flow to compare with' }).inputValue()).toBe('support-line');
    await dialog.getByRole('button', { name: 'Compare', exact: true }).click();

    await expect.poll(() => panel(page).textContent()).toContain('“Copy of Support line” against “Support line”: 1 changed · 2 flow properties');
    await expect.poll(() => nodeRows(page).allTextContents()).toEqual(['changedRecord support call · Recordingrecord "on" → "off"']);
    await expect.poll(() => rec.locator('.fnode').getAttribute('class')).toContain('is-diff-changed');
    await expect(rec.locator('.fnode__diff').textContent()).resolves.toBe('changed');

    // The list follows the flow: an edit to another node shows up, undo takes the edits away one by one, redo brings one back.
    const recordRow = 'changedRecord support call · Recordingrecord "on" → "off"';
    await clickNode(nodeByLabel(page, 'Recording notice'));
    await page.locator('.rf-inspector').getByLabel('This is the recording notice').uncheck();
    await expect.poll(() => nodeRows(page).allTextContents()).toEqual(['changedRecording notice · PlayrecordingNotice true → false', recordRow]);
    await page.locator('.canvas .react-flow__pane').click({ position: { x: 8, y: 8 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => nodeRows(page).allTextContents()).toEqual([recordRow]);
    await page.keyboard.press('Control+z');
    await expect.poll(() => nodeRows(page).count()).toBe(0);
    await expect.poll(() => panel(page).textContent()).toContain('2 flow properties');
    await expect.poll(() => rec.locator('.fnode').getAttribute('class')).not.toContain('is-diff');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => nodeRows(page).allTextContents()).toEqual([recordRow]);

    // A row jumps to its node: selected, in the inspector.
    await page.locator('.canvas .react-flow__pane').click({ position: { x: 8, y: 8 } });
    await nodeRows(page).first().getByRole('button').click();
    await expect.poll(() => page.locator('.rf-inspector h2').first().textContent()).toBe('Record support call');

    // Opening another flow ends the comparison.
    await openFlowMenu(page);
    await page.getByRole('menuitemradio', { name: /^Payments line/ }).click();
    await expect.poll(() => panel(page).count()).toBe(0);
  });

  it('compares with a flow file, and a file that is not a flow changes nothing', async () => {
    const { page } = editor.current;
    await openCompare(page);
    const dialog = page.getByRole('dialog');
    const input = page.getByTestId('compare-file-input');
    await input.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "recflow.flow"}') });
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('notes.json is not a flow Recflow can read');
    await expect(dialog.getByRole('button', { name: 'Compare', exact: true }).isDisabled()).resolves.toBe(true);

    // The sample file as shipped, against the flow on screen after moving one node: layout only.
    const published = readFileSync(new URL('../examples/flows/support-line.json', import.meta.url));
    await input.setInputFiles({ name: 'support-line.flow.json', mimeType: 'application/json', buffer: published });
    await expect.poll(() => dialog.getByRole('alert').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Compare', exact: true }).click();
    await expect.poll(() => panel(page).textContent()).toContain('against support-line.flow.json: no differences');

    const notice = nodeByLabel(page, 'Recording notice');
    const box = (await notice.locator('.fnode__head').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => panel(page).textContent()).toContain('1 moved');
    await expect.poll(() => panel(page).textContent()).toContain('only the layout: calls go the same way');
    await expect.poll(() => notice.locator('.fnode').getAttribute('class')).toContain('is-diff-moved');

    await panel(page).getByRole('button', { name: 'Stop comparing' }).click();
    await expect.poll(() => panel(page).count()).toBe(0);
    await expect.poll(() => notice.locator('.fnode').getAttribute('class')).not.toContain('is-diff');
  });

  it('runs the saved scenarios through both versions: "1 of 1 saved scenario records differently", how and why', async () => {
    const { page } = editor.current;
    // Save a call on the support line: notice, press 1 (Recording node on, R5), Ana answers, the caller hangs up.
    await page.getByRole('button', { name: /Simulate a call/ }).click();
    await page.getByLabel('Number dialled').selectOption('num-support');
    await page.getByRole('button', { name: 'Start call' }).click();
    await page.getByRole('button', { name: /Run to next timer/ }).click();
    const act = (group: string, button = group) => page.getByRole('group', { name: group, exact: true }).getByRole('button', { name: button, exact: true }).click();
    await act('Caller presses a key', 'Press 1 · Technical support');
    await act('Answer');
    await act('Hang up');
    await page.getByRole('tab', { name: 'Scenarios' }).click();
    await page.getByLabel('Scenario name').fill('Ana answers');
    await page.getByRole('button', { name: 'Save current call as scenario' }).click();
    await expect.poll(() => page.locator('[data-scenario="Ana answers"]').count()).toBe(1);
    await page.getByRole('button', { name: /Simulate a call/ }).click();

    // R6: a copy whose Recording node stops recording, compared with the original.
    await openFlowMenu(page);
    await page.getByRole('menuitem', { name: /^Duplicate/ }).click();
    await clickNode(nodeByLabel(page, 'Record support call'));
    await page.locator('.rf-inspector').getByLabel('Stop recording', { exact: true }).check();
    await openCompare(page);
    await page.getByRole('dialog').getByRole('button', { name: 'Compare', exact: true }).click();

    await expect.poll(() => panel(page).textContent()).toContain('· 1 of 1 saved scenario records differently');
    const row = panel(page).getByRole('region', { name: 'Saved scenarios' }).locator('[data-scenario="Ana answers"]');
    await expect.poll(() => row.textContent()).toContain('no longer recorded');
    await expect.poll(() => row.textContent()).toContain('because Recording "Record support call" (record): record: "on" → "off"');
  });
});
