/**
 * The editor's rough edges, in real Chromium on the built editor: undo per
 * field, automatic layout keeping the menu's edges in port order, the first
 * load showing the whole flow, search outlining matches with names, and the
 * Start refusing to be deleted with a reason.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { clickNode, nodeByLabel, nodes, setupEditor } from './helpers.ts';

const editor = setupEditor();
const inspector = (page: Page) => page.locator('.rf-inspector');

type Pt = [number, number];
/** Points along each edge's drawn path, in the canvas's coordinates, by edge id. */
async function edgePaths(page: Page): Promise<Record<string, Pt[]>> {
  return page.evaluate(() => {
    const out: Record<string, Array<[number, number]>> = {};
    for (const g of document.querySelectorAll<SVGGElement>('.react-flow__edge')) {
      const path = g.querySelector<SVGPathElement>('path.react-flow__edge-path');
      const id = g.dataset.id;
      if (!path || !id) continue;
      const length = path.getTotalLength();
      const points: Array<[number, number]> = [];
      for (let i = 0; i <= 80; i++) {
        const p = path.getPointAtLength((length * i) / 80);
        points.push([p.x, p.y]);
      }
      out[id] = points;
    }
    return out;
  });
}

/** Whether two polylines cross, ignoring the ends where edges from one node (or into one) meet anyway. */
function cross(a: Pt[], b: Pt[]): boolean {
  const near = (p: Pt, q: Pt) => Math.hypot(p[0] - q[0], p[1] - q[1]) < 12;
  const ends = [a[0]!, a.at(-1)!, b[0]!, b.at(-1)!];
  const side = (p: Pt, q: Pt, r: Pt) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  for (let i = 0; i + 1 < a.length; i++) {
    for (let j = 0; j + 1 < b.length; j++) {
      const [p1, p2, q1, q2] = [a[i]!, a[i + 1]!, b[j]!, b[j + 1]!];
      if (side(p1, p2, q1) * side(p1, p2, q2) < 0 && side(q1, q2, p1) * side(q1, q2, p2) < 0) {
        if (!ends.some((e) => near(e, p1) || near(e, q1))) return true;
      }
    }
  }
  return false;
}

describe('editor polish', () => {
  it('the top bar fits every width from 1024 to 1700 px and shows the whole flow name from 1201 px', async () => {
    const { page } = editor.current;
    for (const width of [1024, 1201, 1280, 1400, 1440, 1600, 1700]) {
      await page.setViewportSize({ width, height: 900 });
      const fit = await page.evaluate(() => {
        const bar = document.querySelector('.topbar')!;
        const name = document.querySelector<HTMLInputElement>('.flow-name')!;
        return { bar: bar.scrollWidth - bar.clientWidth, name: name.scrollWidth - name.clientWidth };
      });
      expect({ width, overflow: fit.bar }).toEqual({ width, overflow: 0 });
      if (width > 1200) expect({ width, nameCut: fit.name }).toEqual({ width, nameCut: 0 });
    }
    // Where the long words go, the status keeps its short one and its whole sentence as the tooltip.
    await expect.poll(() => page.locator('.topbar__status').getAttribute('title')).toMatch(/^(Saved in this browser|All changes saved)$/);
  });

  it('opens the sample flow whole on the first load', async () => {
    const { page, context } = editor.current;
    // A fresh page, not the one the test setup already fitted with F.
    const fresh = await context.newPage();
    await fresh.goto(page.url());
    await fresh.locator('.react-flow__node').first().waitFor();
    await fresh.waitForTimeout(800);
    const inView = await fresh.evaluate(() => {
      const c = document.querySelector('.canvas .react-flow')!.getBoundingClientRect();
      return [...document.querySelectorAll('.react-flow__node')].every((n) => {
        const r = n.getBoundingClientRect();
        return r.top >= c.top - 1 && r.bottom <= c.bottom + 1 && r.left >= c.left - 1 && r.right <= c.right + 1;
      });
    });
    expect(inView).toBe(true);
    await fresh.close();
  });

  it('undo takes back one field at a time, even after quick edits of three fields of one node', async () => {
    const { page } = editor.current;
    await clickNode(nodeByLabel(page, 'Recording notice'));
    const label = inspector(page).getByLabel('Label', { exact: true });
    await label.fill('Welcome notice');
    await inspector(page).getByLabel('This is the recording notice').uncheck();
    await inspector(page).getByLabel('Message', { exact: true }).fill('Hello there.');
    await page.locator('.canvas .react-flow__pane').click({ position: { x: 8, y: 8 } });
    await page.keyboard.press('Control+z');
    const node = () => nodeByLabel(page, 'Welcome notice');
    await expect.poll(() => node().textContent()).toContain('Thanks for calling');
    await expect.poll(() => node().locator('.fnode').textContent()).not.toContain('Recording notice');
    await page.keyboard.press('Control+z');
    await expect.poll(() => node().textContent()).toContain('Recording notice');
    await page.keyboard.press('Control+z');
    await expect.poll(() => nodeByLabel(page, 'Recording notice').count()).toBe(1);
  });

  it("automatic layout keeps the menu's outgoing edges in port order: no crossing but the one its ports force", async () => {
    const { page } = editor.current;
    await page.locator('.canvas .react-flow__pane').click({ position: { x: 8, y: 8 } });
    await page.keyboard.press('l');
    await page.keyboard.press('f');
    await page.waitForTimeout(600);
    const centre = async (label: string) => {
      const box = (await nodeByLabel(page, label).boundingBox())!;
      return box.x + box.width / 2;
    };
    // Ports 1, 2, timeout, invalid, left to right: 1 (and timeout) → the Recording, 2 → billing, invalid → the message.
    const [record, billing, invalid] = [await centre('Record support call'), await centre('To billing'), await centre('Invalid choice')];
    expect(record).toBeLessThan(billing);
    expect(billing).toBeLessThan(invalid);
    const paths = await edgePaths(page);
    const menuEdges = ['e-menu-1', 'e-menu-2', 'e-menu-timeout', 'e-menu-invalid'];
    for (const id of menuEdges) expect(paths[id], id).toBeDefined();
    const crossings: string[] = [];
    for (const id of menuEdges) {
      for (const [other, points] of Object.entries(paths)) {
        if (other !== id && (!menuEdges.includes(other) || other > id) && cross(paths[id]!, points)) crossings.push(`${id} × ${other}`);
      }
    }
    // Port 2 sits between ports 1 and timeout, which both lead to the Recording node: its edge must cross one of
    // theirs wherever billing is drawn. That is the only crossing left.
    expect(crossings).toEqual(['e-menu-2 × e-menu-timeout']);
  });

  it('search outlines every match on the canvas and names numbers and ring groups, not their ids', async () => {
    const { page } = editor.current;
    await page.locator('.canvas .react-flow__pane').click({ position: { x: 8, y: 8 } });
    await page.keyboard.press('Control+f');
    await page.getByRole('combobox', { name: 'Find nodes by label or field value' }).fill('support');
    const options = page.getByRole('option');
    await expect.poll(() => options.count()).toBeGreaterThan(2);
    const texts = await options.allTextContents();
    expect(texts.join(' ')).not.toMatch(/num-support|rg-support/);
    expect(texts.join(' ')).toContain('Technical support');
    const outlined = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.react-flow__node')].filter((n) => getComputedStyle(n).outlineStyle === 'solid').map((n) => n.dataset.id),
    );
    // One outline per match, the ring-group node among them (its ring group is named "Technical support").
    expect(outlined).toHaveLength(await options.count());
    expect(outlined).toContain('ring-support');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => [...document.querySelectorAll('.react-flow__node')].some((n) => getComputedStyle(n).outlineStyle === 'solid'))).toBe(false);
  });

  it('deleting the Start says why it cannot, and deletes the rest of the selection', async () => {
    const { page } = editor.current;
    await clickNode(nodeByLabel(page, 'Support line'));
    await page.keyboard.down('Shift');
    await clickNode(nodeByLabel(page, 'Goodbye'));
    await page.keyboard.up('Shift');
    await page.keyboard.press('Delete');
    await expect.poll(() => page.locator('.toast').first().textContent()).toMatch(/The Start cannot be deleted: every flow has exactly one/);
    await expect.poll(() => nodes(page).count()).toBe(8);
    expect(await nodeByLabel(page, 'Support line').count()).toBe(1);
  });
});
