/**
 * The canvas driven like a user in real Chromium: palette drag and connect,
 * refused connections, copy/paste across flows, automatic layout, keyboard only.
 * Every test starts from the sample workspace in a fresh browser profile.
 */
import { describe, expect, it } from 'vitest';
import { clickNode, dragMouse, edges, handle, nodeByLabel, nodes, openFlowMenu, setupEditor } from './helpers.ts';

const editor = setupEditor();

async function dropFromPalette(kind: string, at: { fx: number; fy: number }) {
  const { page } = editor.current;
  const pane = page.locator('.canvas .react-flow__pane');
  const box = (await pane.boundingBox())!;
  await page.dragAndDrop(`.palette__item[data-kind="${kind}"]`, '.canvas .react-flow__pane', {
    targetPosition: { x: box.width * at.fx, y: box.height * at.fy },
  });
}

describe('canvas', () => {
  it('drags a node from the palette onto the canvas and connects it', async () => {
    const { page } = editor.current;
    expect(await nodes(page).count()).toBe(9);
    const edgeCount = await edges(page).count();
    await dropFromPalette('play', { fx: 0.85, fy: 0.12 });
    await expect.poll(() => nodes(page).count()).toBe(10);
    const added = nodeByLabel(page, 'Message');
    // A dropped node is selected, and the inspector shows its fields.
    await expect.poll(() => added.locator('.fnode').getAttribute('class')).toContain('is-selected');
    await expect.poll(() => page.locator('.rf-inspector').textContent()).toContain('Message');

    await dragMouse(page, handle(added, 'next'), handle(nodeByLabel(page, 'Main menu'), 'in'));
    await expect.poll(() => edges(page).count()).toBe(edgeCount + 1);
    await expect.poll(() => page.locator(`.react-flow__edge[data-id^="e-play"]`).count()).toBe(1);
  });

  it('refuses invalid connections while dragging and says why', async () => {
    const { page } = editor.current;
    const edgeCount = await edges(page).count();

    // A port that already has an edge.
    await dragMouse(page, handle(nodeByLabel(page, 'Recording notice'), 'next'), handle(nodeByLabel(page, 'To billing'), 'in'), {
      release: false,
    });
    await expect.poll(() => page.locator('.connection-hint').textContent()).toMatch(/already has a connection/);
    await page.mouse.up();
    await expect.poll(() => page.locator('.toast').first().textContent()).toMatch(/Not connected/);
    expect(await edges(page).count()).toBe(edgeCount);
    expect(await page.locator('.connection-hint').count()).toBe(0);

    // Into Start, and into the node itself, from a fresh node's free port.
    await dropFromPalette('play', { fx: 0.85, fy: 0.12 });
    const added = nodeByLabel(page, 'Message');
    await dragMouse(page, handle(added, 'next'), handle(nodeByLabel(page, 'Support line'), 'in'), { release: false });
    await expect.poll(() => page.locator('.connection-hint').textContent()).toMatch(/takes no incoming connections/);
    await page.mouse.up();
    await dragMouse(page, handle(added, 'next'), handle(added, 'in'), { release: false });
    await expect.poll(() => page.locator('.connection-hint').textContent()).toMatch(/cannot connect to itself/);
    await page.mouse.up();
    expect(await edges(page).count()).toBe(edgeCount);
  });

  it('connects a port dropped onto a node body, and says why a taken port or the Start refuses', async () => {
    const { page } = editor.current;
    const edgeCount = await edges(page).count();
    /** A point on a node's body away from its input handle (the top centre), where React Flow would not snap. */
    const bodyOf = async (label: string) => {
      const box = (await nodeByLabel(page, label).boundingBox())!;
      return { x: box.x + 14, y: box.y + box.height * 0.6 };
    };
    const dragTo = async (from: ReturnType<typeof handle>, to: { x: number; y: number }) => {
      const a = (await from.boundingBox())!;
      await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
      await page.mouse.down();
      await page.mouse.move(a.x + a.width / 2 + 5, a.y + a.height / 2 + 5, { steps: 3 });
      await page.mouse.move(to.x, to.y, { steps: 15 });
    };

    // A taken port says so while the pointer is still over empty canvas, and over a node's body, not "no longer exists".
    const taken = handle(nodeByLabel(page, 'Support voicemail'), 'next');
    const pane = (await page.locator('.canvas .react-flow__pane').boundingBox())!;
    await dragTo(taken, { x: pane.x + pane.width * 0.9, y: pane.y + pane.height * 0.9 });
    await expect.poll(() => page.locator('.connection-hint').textContent()).toMatch(/already has a connection/);
    await page.mouse.move((await bodyOf('Main menu')).x, (await bodyOf('Main menu')).y, { steps: 5 });
    await expect.poll(() => page.locator('.connection-hint').textContent()).toMatch(/already has a connection/);
    await page.mouse.up();
    await expect.poll(() => page.locator('.toast').first().textContent()).toMatch(/Not connected: Port "next" already has a connection/);

    // A free port over the Start's body: refused while dragging and on release (C1: a call enters a flow only at its Start).
    await dropFromPalette('play', { fx: 0.85, fy: 0.12 });
    const added = nodeByLabel(page, 'Message');
    await dragTo(handle(added, 'next'), await bodyOf('Support line'));
    await expect.poll(() => page.locator('.connection-hint').textContent()).toMatch(/takes no incoming connections/);
    await page.mouse.up();
    await expect.poll(() => page.locator('.toast').first().textContent()).toMatch(/Not connected: Start takes no incoming connections/);
    expect(await edges(page).count()).toBe(edgeCount);

    // The same port dropped onto another node's body connects to that node, as onto its input.
    await dragTo(handle(added, 'next'), await bodyOf('Invalid choice'));
    expect(await page.locator('.connection-hint').count()).toBe(0);
    await page.mouse.up();
    await expect.poll(() => edges(page).count()).toBe(edgeCount + 1);
    await expect.poll(() => page.locator('.react-flow__edge[data-id^="e-play"]').count()).toBe(1);
  });

  it('copies nodes and pastes them with new ids, in the same flow and in another flow', async () => {
    const { page } = editor.current;
    await clickNode(nodeByLabel(page, 'Goodbye'));
    await nodeByLabel(page, 'Support voicemail').locator('.fnode__head').click({ modifiers: ['Shift'] });
    await expect.poll(() => page.locator('.fnode.is-selected').count()).toBe(2);
    await page.keyboard.press('Control+C');
    await page.keyboard.press('Control+V');
    await expect.poll(() => nodes(page).count()).toBe(11);
    await expect.poll(() => nodeByLabel(page, 'Goodbye').count()).toBe(2);
    // The edge between the two copied nodes comes along; the pasted pair is the new selection.
    await expect.poll(() => page.locator('.fnode.is-selected').count()).toBe(2);
    expect(await page.locator('.react-flow__node[data-id="bye-2"]').count()).toBe(1);
    // Pasted again: the second copies land clear of the first and of every other node.
    await page.keyboard.press('Control+V');
    await expect.poll(() => nodes(page).count()).toBe(13);
    const boxes = await nodes(page).evaluateAll((els) =>
      els.map((el) => ({ id: el.getAttribute('data-id'), box: el.getBoundingClientRect().toJSON() as DOMRect })),
    );
    const overlapping = boxes.flatMap(({ id, box: a }, i) =>
      boxes
        .slice(i + 1)
        .filter(({ box: b }) => a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y)
        .map((b) => `${id} covers ${b.id}`),
    );
    expect(overlapping).toEqual([]);

    await openFlowMenu(page);
    await page.getByRole('menuitemradio', { name: /Partner hotline/ }).click();
    await expect.poll(() => nodes(page).count()).toBe(6);
    await page.locator('.canvas .react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+V');
    await expect.poll(() => nodes(page).count()).toBe(8);
    await expect.poll(() => nodeByLabel(page, 'Support voicemail').count()).toBe(1);
  });

  it('pastes into another browser tab through the system clipboard', async () => {
    const { page, context } = editor.current;
    await clickNode(nodeByLabel(page, 'To billing'));
    await page.keyboard.press('Control+C');
    await expect.poll(() => page.locator('.toast').first().textContent()).toMatch(/Copied 1 node/);

    const other = await context.newPage();
    await other.goto(page.url());
    await other.locator('.react-flow__node').first().waitFor();
    expect(await nodes(other).count()).toBe(9);
    await other.locator('.canvas .react-flow__pane').click({ position: { x: 20, y: 20 } });
    await other.keyboard.press('Control+V');
    await expect.poll(() => nodeByLabel(other, 'To billing').count()).toBe(2);
    await other.close();
  });

  it('lays the flow out automatically as one undoable step', async () => {
    const { page } = editor.current;
    const billing = nodeByLabel(page, 'To billing');
    const transform = () => billing.evaluate((el) => (el as HTMLElement).style.transform);
    // Drag a node far away, then let the layout bring it back into the tree.
    await clickNode(billing);
    const box = (await billing.locator('.fnode__head').boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + 10);
    await page.mouse.down();
    await page.mouse.move(box.x + 260, box.y + 40, { steps: 12 });
    await page.mouse.up();
    const dragged = await transform();
    await page.getByRole('button', { name: /^Undo Move node/ }).waitFor();

    await page.keyboard.press('l');
    await expect.poll(transform).not.toBe(dragged);
    await expect.poll(() => page.locator('.toast').first().textContent()).toMatch(/Laid out/);
    await page.getByRole('button', { name: 'Undo Automatic layout' }).click();
    await expect.poll(transform).toBe(dragged);
    // The drag itself was one step too.
    await page.getByRole('button', { name: /^Undo Move node/ }).click();
    await expect.poll(transform).not.toBe(dragged);
  });

  it('works by keyboard only: add a node, find and select it, delete it', async () => {
    const { page } = editor.current;
    await page.keyboard.press('Escape');
    await page.keyboard.press('n');
    const picker = page.getByRole('dialog', { name: 'Add a node' });
    await picker.waitFor();
    await page.keyboard.type('hang');
    await page.keyboard.press('Enter');
    await expect.poll(() => nodes(page).count()).toBe(10);
    await expect.poll(() => picker.count()).toBe(0);
    await expect.poll(() => page.locator('.fnode.is-selected .fnode__label').textContent()).toBe('Hang up');

    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.fnode.is-selected').count()).toBe(0);
    await page.keyboard.press('Control+F');
    await page.keyboard.type('hangup');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.fnode.is-selected').getAttribute('data-node-id')).toBe('hangup');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Delete');
    await expect.poll(() => nodes(page).count()).toBe(9);

    // The help dialog lists the shortcuts and closes on Escape.
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => help.textContent()).toMatch(/Automatic layout/);
    await page.keyboard.press('Escape');
    await expect.poll(() => help.count()).toBe(0);
  });
});
