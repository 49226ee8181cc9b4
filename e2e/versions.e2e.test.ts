/**
 * Versions and publishing in real Chromium on the built editor: publish with a
 * note and the publisher's name from Settings, errors blocking it, the history
 * panel, two versions and a version and the draft in the Compare panel, restore
 * as one undo step, and importing a flow file as the next version.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseFlow, serializeFlow } from '../runtime/document/flow.ts';
import { clickNode, nodeByLabel, nodes, readDownload, setupEditor } from './helpers.ts';

const editor = setupEditor();
const history = (page: Page) => page.getByRole('region', { name: 'History' });
const comparePanel = (page: Page) => page.getByRole('region', { name: 'Compare' });
const inspector = (page: Page) => page.locator('.rf-inspector');

async function publish(page: Page, note: string): Promise<void> {
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /^Publish “/ });
  await dialog.getByLabel('Note').fill(note);
  await dialog.getByRole('button', { name: /^Publish version \d+$/ }).click();
  await page.getByRole('dialog', { name: /^Published version \d+$/ }).waitFor();
}

describe('versions and publishing', () => {
  it('publishes numbered versions with note and publisher, lists them, compares two of them and one with the draft, restores one as one undo step', async () => {
    const { page } = editor.current;
    // The publisher's name comes from Settings.
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('tab', { name: 'Publishing' }).click();
    await page.getByLabel('Your name').fill('Ana Admin');
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await nodes(page).first().waitFor();

    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    let dialog = page.getByRole('dialog', { name: 'Publish “Support line”' });
    await expect.poll(() => dialog.getByLabel('Published by').inputValue()).toBe('Ana Admin');
    await expect.poll(() => dialog.textContent()).toContain('It is the first version of this flow.');
    await dialog.getByLabel('Note').fill('Go live');
    await dialog.getByRole('button', { name: 'Publish version 1' }).click();
    dialog = page.getByRole('dialog', { name: 'Published version 1' });
    await expect.poll(() => dialog.textContent()).toContain('“Support line” version 1 is recorded by Ana Admin');
    // It offers the production export of that version.
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download production JSON' }).click()]);
    expect(download.suggestedFilename()).toBe('support-line.flow.json');
    const exported = JSON.parse(await readDownload(download));
    // The example file as read (fields it leaves out, such as a Recording node's sides and IVR part, at their defaults).
    const example = parseFlow(await readFile(new URL('../examples/flows/support-line.json', import.meta.url), 'utf8'));
    expect(example.ok && exported).toEqual(example.ok && JSON.parse(serializeFlow(example.value)));
    await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();

    // R6: version 2 stops recording at the Recording node.
    await clickNode(nodeByLabel(page, 'Record support call'));
    await inspector(page).getByLabel('Stop recording', { exact: true }).check();
    await publish(page, 'Stop recording support calls');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'History', exact: true }).click();
    const rows = history(page).getByRole('list', { name: 'Versions' }).locator('li');
    await expect.poll(() => rows.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-version')))).toEqual(['draft', '2', '1']);
    await expect.poll(() => rows.nth(0).textContent()).toContain('same as version 2');
    await expect.poll(() => rows.nth(1).textContent()).toContain('Stop recording support calls');
    await expect.poll(() => rows.nth(1).textContent()).toContain('Ana Admin');
    await expect.poll(() => rows.nth(2).textContent()).toContain('Go live');

    // Two versions in the Compare panel: nothing on the canvas is marked, the canvas is the draft.
    const compareGroup = history(page).getByRole('group', { name: 'Compare two versions' });
    await compareGroup.getByRole('combobox').first().selectOption('1');
    await compareGroup.getByRole('combobox').nth(1).selectOption('2');
    await compareGroup.getByRole('button', { name: 'Compare' }).click();
    await expect.poll(() => comparePanel(page).textContent()).toContain('Version 2 against version 1: 1 changed');
    await expect.poll(() => comparePanel(page).textContent()).toContain('record "on" → "off"');
    await expect.poll(() => page.locator('.fnode.is-diff-changed').count()).toBe(0);

    // A version and the draft: the draft's changes are marked on the canvas.
    await clickNode(nodeByLabel(page, 'Recording notice'));
    await inspector(page).getByLabel('This is the recording notice').uncheck();
    await expect.poll(() => rows.nth(0).textContent()).toContain('changed since version 2');
    await rows.nth(2).getByRole('button', { name: 'Compare version 1 with the draft' }).click();
    await expect.poll(() => comparePanel(page).textContent()).toContain('Draft of “Support line” against version 1: 2 changed');
    await expect.poll(() => page.locator('.fnode.is-diff-changed').count()).toBe(2);

    // Restore version 1: the draft is version 1 again, in one undo step.
    await rows.nth(2).getByRole('button', { name: 'Restore version 1' }).click();
    await expect.poll(() => rows.nth(0).textContent()).toContain('same as version 1');
    await expect.poll(() => comparePanel(page).textContent()).toContain('no differences');
    await clickNode(nodeByLabel(page, 'Record support call'));
    await expect.poll(() => inspector(page).getByLabel('Start recording', { exact: true }).isChecked()).toBe(true);
    await page.getByRole('button', { name: /^Undo Restore version 1/ }).click();
    await expect.poll(() => rows.nth(0).textContent()).toContain('changed since version 2');
    await expect.poll(() => inspector(page).getByLabel('Stop recording', { exact: true }).isChecked()).toBe(true);
    // The versions themselves never changed.
    await expect.poll(() => rows.count()).toBe(3);
    // The longest journey here (three publishes, two comparisons, a restore): 63 s once on a 2-core machine under load.
  }, 120_000);

  it('refuses to publish a flow with errors, and an error selects its node', async () => {
    const { page } = editor.current;
    await page.locator('.palette__item[data-kind="play"]').click();
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish “Support line”' });
    await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/^Publishing is blocked: the flow has \d+ errors?\./);
    expect(await dialog.getByRole('button', { name: /^Publish version/ }).isDisabled()).toBe(true);
    await dialog.getByRole('alert').getByRole('button').first().click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => page.locator('.react-flow__node.selected').count()).toBe(1);
    await page.getByRole('button', { name: 'History', exact: true }).click();
    await expect.poll(() => history(page).textContent()).toContain('no published versions yet');
  });

  it('imports a flow whose id exists as the next version of it (or as a new flow)', async () => {
    const { page } = editor.current;
    await publish(page, 'Before the import');
    await page.keyboard.press('Escape');
    const text = await readFile(new URL('../examples/flows/support-line.json', import.meta.url), 'utf8');
    const changed = JSON.parse(text);
    changed.nodes.find((n: { id: string }) => n.id === 'bye').data.label = 'Goodbye from the file';
    const importFile = (json: unknown) =>
      page.locator('[data-testid="import-input"]').setInputFiles({ name: 'support-line.flow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });

    await importFile(changed);
    let dialog = page.getByRole('dialog', { name: 'Import “Support line”' });
    await dialog.getByRole('button', { name: 'As the next version of “Support line”' }).click();
    await nodeByLabel(page, 'Goodbye from the file').waitFor();
    await expect.poll(() => page.locator('.flow-menu__count').textContent()).toBe('4');
    await page.getByRole('button', { name: 'History', exact: true }).click();
    const rows = history(page).getByRole('list', { name: 'Versions' }).locator('li');
    await expect.poll(() => rows.nth(0).textContent()).toContain('changed since version 1');
    await rows.nth(1).getByRole('button', { name: 'Compare version 1 with the draft' }).click();
    await expect.poll(() => comparePanel(page).textContent()).toContain('label "Goodbye" → "Goodbye from the file"');

    await importFile(changed);
    dialog = page.getByRole('dialog', { name: 'Import “Support line”' });
    await dialog.getByRole('button', { name: 'As a new flow' }).click();
    await expect.poll(() => page.locator('.flow-menu__count').textContent()).toBe('5');
    await expect.poll(() => page.locator('.toast').first().textContent()).toMatch(/“support-line-2”/);
  });
});
