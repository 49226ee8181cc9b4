/** Shared driving code for the end-to-end tests: one Chromium per file, a fresh context (empty storage) per test. */
import { type Browser, type BrowserContext, chromium, type Download, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';

export interface Session {
  page: Page;
  context: BrowserContext;
}

export function setupEditor(): { current: Session } {
  let browser: Browser;
  const holder = { current: undefined as unknown as Session };
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    // No network beyond the local preview server.
    await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(inject('baseUrl'));
    await page.locator('.react-flow__node').first().waitFor();
    await fitAll(page);
    holder.current = { page, context };
  });
  afterEach(async () => {
    await holder.current?.context.close();
  });
  return holder;
}

/**
 * Shows the whole flow (the `F` shortcut), as a user would before reaching for
 * a node near the bottom: a large flow opens at its top at a readable zoom.
 */
export async function fitAll(page: Page): Promise<void> {
  await page.locator('.canvas .react-flow__pane').click({ position: { x: 8, y: 8 } });
  await page.keyboard.press('f');
  // fitView animates for 250 ms.
  await page.waitForTimeout(450);
}

export const nodes = (page: Page) => page.locator('.react-flow__node');
export const edges = (page: Page) => page.locator('.react-flow__edge');

/** The canvas node whose label reads `label`. */
export function nodeByLabel(page: Page, label: string): Locator {
  return page.locator('.react-flow__node', { has: page.locator('.fnode__label', { hasText: new RegExp(`^${label}$`) }) });
}

export function handle(node: Locator, id: string): Locator {
  return node.locator(`.react-flow__handle[data-handleid="${id}"]`);
}

async function centre(l: Locator): Promise<{ x: number; y: number }> {
  const box = await l.boundingBox();
  if (!box) throw new Error('element is not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags with the mouse from one element to another, in small steps like a hand would. */
export async function dragMouse(page: Page, from: Locator, to: Locator, options: { release?: boolean } = {}): Promise<void> {
  const a = await centre(from);
  const b = await centre(to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(a.x + 5, a.y + 5, { steps: 3 });
  await page.mouse.move(b.x, b.y, { steps: 15 });
  if (options.release !== false) await page.mouse.up();
}

/** Selects a node by clicking its header. */
export async function clickNode(node: Locator): Promise<void> {
  await node.locator('.fnode__head').click();
}

export async function openFlowMenu(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Flows/ }).click();
}

export async function readDownload(download: Download): Promise<string> {
  const read = (async () => {
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  })();
  // A download that never finishes should fail the test with a reason, not hang it.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`download ${download.suggestedFilename()} did not finish in 20 s`)), 20_000);
  });
  try {
    return await Promise.race([read, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits until autosave has written the latest change. */
export async function waitSaved(page: Page): Promise<void> {
  await page.locator('[data-save-state="saved"]').waitFor();
}

/** Drops a file on the canvas, as a user dragging it from the desktop would. */
export async function dropFile(page: Page, name: string, text: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ([n, t]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], n, { type: 'application/json' }));
      return dt;
    },
    [name, text] as const,
  );
  await page.dispatchEvent('.canvas', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('.canvas', 'drop', { dataTransfer: transfer });
}

/** Where the simulated call is, as the simulator's status line says. */
export const simStatus = (page: Page) => page.locator('.sim-status').textContent();

/** Clicks the simulator action `group`'s button `button` (of the same name unless given). */
export const act = (page: Page, group: string, button = group) =>
  page.getByRole('group', { name: group, exact: true }).getByRole('button', { name: button, exact: true }).click();

/** The recorded segments the simulator drawer's timeline draws on `lane` ("A", "B", "mono"). */
export async function segmentsOn(page: Page, lane: string): Promise<string[]> {
  return page.locator(`.sim-drawer [data-lane="${lane}"] [data-segment]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-segment') ?? ''));
}
