/**
 * Two tabs of the built editor on one saved workspace (one browser profile, one IndexedDB): a tab with nothing
 * unsaved follows the other's saves; when both changed, the later one saves nothing over the other and asks.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it, inject } from 'vitest';
import { setupEditor, waitSaved } from './helpers.ts';

const editor = setupEditor();
const nameField = (page: Page) => page.locator('.topbar .flow-name');
const saveState = (page: Page) => page.locator('[data-save-state]').getAttribute('data-save-state');

async function rename(page: Page, name: string): Promise<void> {
  await nameField(page).fill(name);
  await nameField(page).press('Enter');
}

describe('two tabs', () => {
  it('a tab with nothing unsaved follows the other; a clash saves nothing over either and is settled in the tab that asks', async () => {
    const { page: a, context } = editor.current;
    await rename(a, 'Support line (EU)');
    await waitSaved(a);

    const b = await context.newPage();
    await b.goto(inject('baseUrl'));
    await b.locator('.react-flow__node').first().waitFor();
    await expect.poll(() => nameField(b).inputValue()).toBe('Support line (EU)');

    // A saves; B, with nothing unsaved, takes it and says so.
    await rename(a, 'Support line (EU, night)');
    await waitSaved(a);
    await expect.poll(() => nameField(b).inputValue()).toBe('Support line (EU, night)');
    await expect.poll(() => b.getByRole('status').filter({ hasText: 'changes saved in another tab' }).count()).toBe(1);

    // Both rename before either save lands: the one that saves second is told, and the first one's copy stands.
    await Promise.all([rename(b, 'Renamed in B'), rename(a, 'Renamed in A')]);
    await expect.poll(async () => [await saveState(a), await saveState(b)].sort().join()).toBe('conflict,saved');
    const [asking, other] = (await saveState(a)) === 'conflict' ? [a, b] : [b, a];
    const kept = await nameField(asking).inputValue();
    const stood = await nameField(other).inputValue();
    expect(kept).not.toBe(stood);
    await expect(asking.getByRole('alert').textContent()).resolves.toContain('This workspace was also changed in another tab');

    // Keeping this tab's version saves it; the other tab, with nothing unsaved, follows.
    await asking.getByRole('button', { name: 'Keep this tab’s version' }).click();
    await expect.poll(() => saveState(asking)).toBe('saved');
    await expect.poll(() => nameField(other).inputValue()).toBe(kept);

    // And what was saved is what a new tab opens.
    await other.reload();
    await other.locator('.react-flow__node').first().waitFor();
    await expect.poll(() => nameField(other).inputValue()).toBe(kept);
  });
});
