/**
 * A very large flow in real Chromium: imported, fitted with F, shown zoomed out as one drawn overview in which a
 * click selects a node, and zoomed back in to the node elements with the selection kept.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateFlow } from '../runtime/checks/generateFlow.ts';
import { serializeFlow } from '../runtime/document/flow.ts';
import { nodes, setupEditor } from './helpers.ts';

const editor = setupEditor();
const flow = generateFlow(2500, 11);

async function viewport(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  const t = await page.locator('.canvas .react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  const m = /translate\((-?[\d.]+)px, (-?[\d.]+)px\) scale\(([\d.]+)\)/.exec(t);
  if (!m) throw new Error(`unexpected viewport transform ${t}`);
  return { x: Number(m[1]), y: Number(m[2]), zoom: Number(m[3]) };
}

describe('large flows', () => {
  it('F fits a 2500-node flow; zoomed out it is one drawn overview where a click selects; zooming in brings the nodes back', async () => {
    const { page } = editor.current;
    await page.locator('[data-testid="import-input"]').setInputFiles({
      name: 'large.flow.json',
      mimeType: 'application/json',
      buffer: Buffer.from(serializeFlow(flow)),
    });
    await expect.poll(() => page.locator('.topbar .flow-name').inputValue()).toBe(flow.name);
    await page.locator('.react-flow__node').first().waitFor();
    const overview = page.locator('canvas.overview-layer');
    await expect.poll(() => overview.count()).toBe(0);

    // F shows the whole flow (as far as the smallest zoom allows), even though most nodes were never drawn.
    await page.locator('.canvas .react-flow__pane').click({ position: { x: 8, y: 8 } });
    await page.keyboard.press('f');
    await expect.poll(async () => (await viewport(page)).zoom).toBeLessThan(0.4);
    await expect.poll(() => overview.count()).toBe(1);
    await expect.poll(() => nodes(page).count()).toBe(0);
    await expect.poll(async () => Number(await overview.getAttribute('data-drawn'))).toBeGreaterThan(300);
    await expect(overview.getAttribute('aria-label')).resolves.toContain('2500 nodes');
    await expect.poll(() => page.locator('.react-flow__minimap').count()).toBe(0);

    // A Play node on screen: hover names it, a click selects it (the inspector shows it).
    await page.waitForTimeout(400);
    const vp = await viewport(page);
    const box = (await page.locator('.canvas .react-flow').boundingBox())!;
    const onScreen = flow.nodes.find((n) => {
      if (n.kind !== 'play') return false;
      const x = n.position.x * vp.zoom + vp.x;
      const y = n.position.y * vp.zoom + vp.y;
      return x > 40 && y > 40 && x < box.width - 240 && y < box.height - 200;
    });
    if (!onScreen) throw new Error('no Play node on screen');
    const at = { x: box.x + (onScreen.position.x + 60) * vp.zoom + vp.x, y: box.y + (onScreen.position.y + 50) * vp.zoom + vp.y };
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => page.locator('.overview-hover').textContent()).toBe((onScreen.data as { label: string }).label);
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => page.locator('.rf-inspector h2').first().textContent()).toBe((onScreen.data as { label: string }).label);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __recflow: { store: { getState(): { selection: string[] } } } }).__recflow.store.getState().selection)).toEqual([onScreen.id]);

    // Zooming in on it with the wheel returns to node elements, the clicked node among them and still selected.
    for (let i = 0; i < 12 && (await viewport(page)).zoom < 0.5; i++) {
      await page.mouse.wheel(0, -300);
      await page.waitForTimeout(120);
    }
    await expect.poll(() => overview.count()).toBe(0);
    const element = page.locator(`.react-flow__node[data-id="${onScreen.id}"]`);
    await expect.poll(() => element.count()).toBe(1);
    await expect.poll(() => element.getAttribute('class')).toContain('selected');
    await expect.poll(() => page.locator('.react-flow__minimap').count()).toBe(1);
  });
});
