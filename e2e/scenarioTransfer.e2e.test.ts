/**
 * Saved scenarios moving with the workspace and scenario files coming in, in real Chromium on the built editor:
 * a scenario saved here is in the exported workspace file and back, passing, in a browser that never saw it; a
 * scenario file imported in the Scenarios tab (or from the toolbar) joins the saved scenarios, and a broken one
 * shows its errors by JSON path.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { readDownload, setupEditor } from './helpers.ts';

const editor = setupEditor();

const act = (page: Page, group: string, button = group) =>
  page.getByRole('group', { name: group, exact: true }).getByRole('button', { name: button, exact: true }).click();

async function openScenarios(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: /Simulate a call/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.getByRole('tab', { name: 'Scenarios' }).click();
}

const example = (path: string) => readFile(new URL(`../examples/${path}`, import.meta.url));

describe('saved scenarios travel with the workspace', () => {
  it('save a scenario, export the workspace, import it in a fresh browser: the scenario is there and passes', async () => {
    const { page, context } = editor.current;
    // Support line: notice, caller presses 1 at 10 s, Ana answers at 15 s, the caller hangs up at 20 s.
    const toggle = page.getByRole('button', { name: /Simulate a call/ });
    await toggle.click();
    await page.getByLabel('Number dialled').selectOption('num-support');
    await page.getByRole('button', { name: 'Start call' }).click();
    await page.getByRole('button', { name: /Run to next timer/ }).click();
    await act(page, 'Caller presses a key', 'Press 1 · Technical support');
    await act(page, 'Answer');
    await act(page, 'Hang up');
    await page.getByRole('tab', { name: 'Scenarios' }).click();
    await page.getByLabel('Scenario name').fill('Ana answers, caller hangs up');
    await page.getByRole('button', { name: 'Save current call as scenario' }).click();
    await expect.poll(() => page.locator('[data-scenario="Ana answers, caller hangs up"]').count()).toBe(1);

    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await expect.poll(() => dialog.getByText(/and 1 saved scenario, to back up or move to another browser/).count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download workspace JSON' }).click()]);
    const text = await readDownload(download);
    const doc = JSON.parse(text) as { version: number; scenarios: Array<{ flowId: string; scenario: { name: string; expect: { segments: unknown[] } } }> };
    expect(doc.version).toBe(4);
    expect(doc.scenarios.map((s) => [s.flowId, s.scenario.name])).toEqual([['support-line', 'Ana answers, caller hangs up']]);
    expect(doc.scenarios[0]?.scenario.expect.segments).toHaveLength(1);

    // Another browser: empty storage, the sample workspace, no saved scenarios.
    const fresh = await context.browser()!.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      await fresh.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
      const other = await fresh.newPage();
      other.setDefaultTimeout(30_000);
      await other.goto(inject('baseUrl'));
      await other.locator('.react-flow__node').first().waitFor();
      await openScenarios(other);
      await expect.poll(() => other.getByText(/No scenarios yet/).count()).toBe(1);
      await other.locator('[data-testid="import-input"]').setInputFiles({ name: 'northwind-support.workspace.json', mimeType: 'application/json', buffer: Buffer.from(text) });
      const confirm = other.getByRole('dialog', { name: 'Replace the workspace?' });
      await expect.poll(() => confirm.textContent()).toContain('1 saved scenario.');
      await confirm.getByRole('button', { name: 'Replace workspace' }).click();
      await expect.poll(() => other.locator('.toast').first().textContent()).toContain('1 saved scenario added to “Support line”');
      // The open Scenarios tab shows it at once; it runs and passes.
      const item = other.locator('[data-scenario="Ana answers, caller hangs up"]');
      await expect.poll(() => item.count()).toBe(1);
      await other.getByRole('button', { name: 'Run all' }).click();
      await expect.poll(() => item.getAttribute('data-status')).toBe('pass');
      // The same file again adds nothing twice.
      await other.locator('[data-testid="import-input"]').setInputFiles({ name: 'again.workspace.json', mimeType: 'application/json', buffer: Buffer.from(text) });
      await other.getByRole('dialog', { name: 'Replace the workspace?' }).getByRole('button', { name: 'Replace workspace' }).click();
      await expect.poll(() => other.locator('.toast').first().textContent()).toContain('No scenario added (1 already saved)');
      await expect.poll(() => item.count()).toBe(1);
    } finally {
      await fresh.close();
    }
  });
});

describe('scenario files', () => {
  it('the Scenarios tab imports a scenario file under its flow, and it passes; a broken one lists its errors by JSON path', async () => {
    const { page } = editor.current;
    await openScenarios(page);
    const input = page.locator('[data-testid="scenario-import-input"]');
    await input.setInputFiles({ name: 'payments-card.json', mimeType: 'application/json', buffer: await example('scenarios/payments-card.json') });
    const status = page.getByRole('status', { name: 'Scenario import' });
    await expect.poll(() => status.textContent()).toContain('payments-card.json: 1 saved scenario added to “Payments line”.');
    const item = page.locator('[data-scenario^="Payments: card details are never recorded"]');
    await expect.poll(() => item.count()).toBe(1);
    await page.getByRole('button', { name: 'Run all' }).click();
    await expect.poll(() => item.getAttribute('data-status')).toBe('pass');

    const broken = JSON.parse((await example('scenarios/support-tech-answered.json')).toString()) as Record<string, unknown>;
    broken.actions = [
      { at: 9, type: 'wait' },
      { at: 3, type: 'wait' },
    ];
    await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    await expect.poll(() => status.textContent()).toContain('broken.json: nothing was imported.');
    const problems = page.getByRole('list', { name: 'Problems of the scenario file' });
    await expect.poll(() => problems.textContent()).toBe('$.actions[1].at time goes backwards: 3s comes after 9s');
  });

  it('the toolbar import takes a scenario file into the saved scenarios instead of refusing it', async () => {
    const { page } = editor.current;
    await page.locator('[data-testid="import-input"]').setInputFiles({
      name: 'payments-card.json',
      mimeType: 'application/json',
      buffer: await example('scenarios/payments-card.json'),
    });
    await expect.poll(() => page.locator('.toast').first().textContent()).toContain(
      "1 saved scenario added to “Payments line”. They are in the simulator's Scenarios tab.",
    );
    await openScenarios(page);
    await expect.poll(() => page.locator('[data-scenario^="Payments: card details are never recorded"]').count()).toBe(1);
  });
});
