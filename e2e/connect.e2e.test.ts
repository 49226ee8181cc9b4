/**
 * Issue 11 in real Chromium on the built editor: an Amazon Connect flow dropped
 * on the canvas is drawn and its import report opens (rows select their nodes);
 * on the Connect preset a call through it records what Connect records (R31);
 * exported back, it gives the original actions; a broken Connect flow is
 * refused with the JSON path of what is wrong.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { act, dropFile, nodes, openFlowMenu, readDownload, segmentsOn, setupEditor, simStatus } from './helpers.ts';

const editor = setupEditor();

const fixture = (path: string) => readFile(new URL(`../${path}`, import.meta.url), 'utf8');

describe('Amazon Connect flows in the editor', () => {
  it('drops a Connect flow, reads its report, simulates a call on the Connect preset and exports it back', async () => {
    const { page } = editor.current;
    const original = await fixture('examples/amazon-connect/support-line.json');
    await dropFile(page, 'support-line.json', original);

    // The sample workspace has a flow "support-line" already, so the imported one is "support-line-2".
    // Drawn: six actions and the entry Recflow adds; the report opens with one row per action.
    const report = page.getByRole('region', { name: 'Import report' });
    await expect.poll(() => report.count()).toBe(1);
    await expect.poll(() => nodes(page).count()).toBe(7);
    await expect.poll(() => report.textContent()).toContain('Amazon Connect: 6 actions imported — 2 simulated, 4 approximated, 0 not simulated');
    await expect.poll(() => report.textContent()).toContain('TransferContactToQueue → queue');
    await expect.poll(() => report.textContent()).toContain('$.Actions[4]');
    // A row selects its node on the canvas.
    await report.getByRole('button', { name: /UpdateContactRecordingBehavior → recording/ }).click();
    await expect.poll(() => page.locator('.react-flow__node.selected').count()).toBe(1);
    await expect.poll(() => page.locator('.react-flow__node.selected').getAttribute('data-id')).toBe('record-both');
    // From another flow, a row brings the imported flow back on screen with its node selected.
    await openFlowMenu(page);
    await page.getByRole('menuitemradio', { name: /^Partner hotline/ }).click();
    await expect.poll(() => page.locator('.react-flow__node[data-id="record-both"]').count()).toBe(0);
    await report.getByRole('button', { name: /UpdateContactTargetQueue → step/ }).click();
    await expect.poll(() => page.locator('.react-flow__node.selected').getAttribute('data-id')).toBe('set-queue');
    await expect.poll(() => nodes(page).count()).toBe(7);
    // The import is one undo step.
    await expect.poll(() => page.getByRole('button', { name: /^Undo Import Amazon Connect flow/ }).count()).toBe(1);

    // The sample workspace models Talkdesk: the report offers Amazon Connect, one undo step.
    await report.getByRole('button', { name: 'Model Amazon Connect' }).click();
    await expect.poll(() => page.getByRole('button', { name: /^Platform: / }).textContent()).toContain('Amazon Connect');
    await expect.poll(() => report.getByRole('button', { name: 'Model Amazon Connect' }).count()).toBe(0);

    // A call through the imported flow from its stand-in number.
    const toggle = page.getByRole('button', { name: /Simulate a call/ });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await page.getByLabel('Number dialled').selectOption('num-support-line');
    await page.getByRole('button', { name: 'Start call' }).click();
    const choice = (label: string) => page.getByRole('group', { name: 'Choose what happens', exact: true }).getByRole('button', { name: label, exact: true });
    await expect.poll(() => simStatus(page)).toContain('Set logging behavior (Step)');
    await choice('succeeds').click();
    await expect.poll(() => simStatus(page)).toContain('This call is recorded for quality. (Play)');
    await page.getByRole('button', { name: /Run to next timer/ }).click(); // the message ends at 4 s
    await expect.poll(() => simStatus(page)).toContain('Set working queue (Step)');
    await choice('succeeds').click();
    await expect.poll(() => simStatus(page)).toContain('(Queue)');
    await act(page, 'Answer'); // 9 s: the stand-in agent of the queue
    await act(page, 'Hang up'); // 14 s
    await expect.poll(() => page.locator('.sim-drawer__summary').textContent()).toContain('on Amazon Connect');
    // R31: Connect records from the agent joining, not the IVR before it.
    await expect.poll(() => segmentsOn(page, 'A')).toEqual(['9–14 s']);
    await expect.poll(() => page.locator('.sim-drawer__summary').textContent()).toContain('5 s recorded');

    // Export it back as an Amazon Connect flow: the same actions and start.
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    const section = dialog.getByRole('region', { name: 'Amazon Connect flow' });
    await expect.poll(() => section.textContent()).toContain('6 nodes exported');
    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Download Amazon Connect flow' }).click()]);
    expect(download.suggestedFilename()).toBe('support-line-2.amazon-connect.json');
    const back = JSON.parse(await readDownload(download)) as { StartAction: string; Actions: unknown[] };
    const before = JSON.parse(original) as { StartAction: string; Actions: unknown[] };
    expect(back.StartAction).toBe(before.StartAction);
    expect(back.Actions).toEqual(before.Actions);
  });

  // Item 1's refusals, each with the JSON path of what is wrong (an older console export also says how to get the flow language).
  it.each([
    ['refused/next-names-nothing.json', '$.Actions[0].Transitions.Errors[0].NextAction', 'there is no action "gone"'],
    ['refused/start-names-nothing.json', '$.StartAction', 'names no action'],
    ['refused/duplicate-identifiers.json', '$.Actions[2].Identifier', 'duplicate identifier "hello"'],
    ['refused/older-export.json', '$.modules', 'Save > Export flow'],
    ['refused/not-connect.json', '$.format', 'not a Recflow document or a platform flow'],
  ])('refuses %s with the JSON path %s and changes nothing', async (file, path, message) => {
    const { page } = editor.current;
    const count = await page.locator('.flow-menu__count').textContent();
    const text = await fixture(`runtime/platforms/amazon-connect/fixtures/${file}`);
    await page.locator('[data-testid="import-input"]').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    const dialog = page.getByRole('dialog', { name: 'Could not import broken.json' });
    await expect.poll(() => dialog.locator('code').allTextContents()).toContain(path);
    await expect.poll(() => dialog.textContent()).toContain(message);
    await dialog.getByRole('button', { name: 'OK' }).click();
    await expect.poll(() => page.locator('.flow-menu__count').textContent()).toBe(count);
    await expect.poll(() => page.getByRole('region', { name: 'Import report' }).count()).toBe(0);
  });
});
