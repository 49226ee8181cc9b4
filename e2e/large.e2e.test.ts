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

async function importFlow(page: Page, doc: ReturnType<typeof generateFlow>): Promise<void> {
  await page.locator('[data-testid="import-input"]').setInputFiles({
    name: 'large.flow.json',
    mimeType: 'application/json',
    buffer: Buffer.from(serializeFlow(doc)),
  });
  await expect.poll(() => page.locator('.topbar .flow-name').inputValue()).toBe(doc.name);
  await page.locator('.react-flow__node').first().waitFor();
}

async function viewport(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  const t = await page.locator('.canvas .react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  const m = /translate\((-?[\d.]+)px, (-?[\d.]+)px\) scale\(([\d.]+)\)/.exec(t);
  if (!m) throw new Error(`unexpected viewport transform ${t}`);
  return { x: Number(m[1]), y: Number(m[2]), zoom: Number(m[3]) };
}

describe('large flows', () => {
  it('F fits a 2500-node flow; zoomed out it is one drawn overview where a click selects; zooming in brings the nodes back', async () => {
    const { page } = editor.current;
    await importFlow(page, flow);
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

  it('a 600-node flow is boxes that can be dragged between 20 % and 40 % zoom, and one drawn overview below 20 %', async () => {
    const { page } = editor.current;
    const mid = generateFlow(600, 5);
    await importFlow(page, mid);
    const overview = page.locator('canvas.overview-layer');
    const boxes = page.locator('.react-flow__node .fnode-far');
    const zoomTo = async (below: boolean, limit: number) => {
      for (let i = 0; i < 40 && ((await viewport(page)).zoom < limit) !== below; i++) {
        await page.mouse.wheel(0, below ? 100 : -100);
        await page.waitForTimeout(60);
      }
    };
    const box = (await page.locator('.canvas .react-flow').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await zoomTo(true, 0.4);
    await zoomTo(true, 0.35);
    await expect.poll(async () => (await viewport(page)).zoom).toBeGreaterThanOrEqual(0.2);
    // Far, not an overview: the nodes on screen are box elements (no full views), none is drawn on a canvas.
    await expect.poll(() => boxes.count()).toBeGreaterThan(5);
    await expect.poll(() => page.locator('.react-flow__node .fnode').count()).toBe(0);
    await expect(overview.count()).resolves.toBe(0);
    // A box is dragged like a node: its new place reaches the flow.
    const id = await page.evaluate(() => {
      const r = document.querySelector('.canvas .react-flow')!.getBoundingClientRect();
      const distance = (el: Element) => {
        const b = el.getBoundingClientRect();
        return Math.hypot(b.x + b.width / 2 - (r.x + r.width / 2), b.y + b.height / 2 - (r.y + r.height / 2));
      };
      const all = [...document.querySelectorAll('.react-flow__node .fnode-far')].sort((a, b) => distance(a) - distance(b));
      return all[0]!.getAttribute('data-node-id')!;
    });
    const target = page.locator(`.fnode-far[data-node-id="${id}"]`);
    const position = () =>
      page.evaluate((nodeId) => {
        const { workspace, currentFlowId } = (
          window as unknown as {
            __recflow: { store: { getState(): { workspace: { flows: Array<{ id: string; nodes: Array<{ id: string; position: { x: number } }> }> }; currentFlowId: string } } };
          }
        ).__recflow.store.getState();
        return workspace.flows.find((f) => f.id === currentFlowId)!.nodes.find((n) => n.id === nodeId)!.position.x;
      }, id);
    const before = await position();
    const at = (await target.boundingBox())!;
    await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
    await page.mouse.down();
    await page.mouse.move(at.x + at.width / 2 + 40, at.y + at.height / 2, { steps: 8 });
    await page.mouse.up();
    await expect.poll(position).toBeGreaterThan(before + 60);

    // Below 20 % the same flow is one drawn picture, and zooming back brings the boxes back.
    await zoomTo(true, 0.2);
    await expect.poll(() => overview.count()).toBe(1);
    await expect.poll(() => nodes(page).count()).toBe(0);
    await expect.poll(async () => Number(await overview.getAttribute('data-drawn'))).toBeGreaterThan(50);
    await zoomTo(false, 0.22);
    await expect.poll(() => overview.count()).toBe(0);
    await expect.poll(() => boxes.count()).toBeGreaterThan(5);
  });
});
