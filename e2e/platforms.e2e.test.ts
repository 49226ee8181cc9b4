/**
 * Issue 10 in real Chromium on the built editor: a flow drawn with a queue, a
 * decision and a step and simulated choosing an outcome and the error path
 * (R25–R27); the platform switched in Settings as one undo step, with the
 * simulated call's timeline following it (R30, R31); a saved scenario run on
 * another platform with the differences in words.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { clickNode, dragMouse, edges, fitAll, handle, nodeByLabel, nodes, openFlowMenu, setupEditor } from './helpers.ts';

const editor = setupEditor();

/** Adds a node with the keyboard picker: below the selected node, connected from its first free port. */
async function addBelow(page: Page, search: string): Promise<void> {
  await page.keyboard.press('n');
  const picker = page.getByRole('dialog', { name: 'Add a node' });
  await picker.waitFor();
  await page.keyboard.type(search);
  await page.keyboard.press('Enter');
  await expect.poll(() => picker.count()).toBe(0);
}

async function openSimulator(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: /Simulate a call/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

const choice = (page: Page, label: string) => page.getByRole('group', { name: 'Choose what happens', exact: true }).getByRole('button', { name: label, exact: true });
const act = (page: Page, group: string) => page.getByRole('group', { name: group, exact: true }).getByRole('button', { name: group, exact: true }).click();
const where = (page: Page) => page.locator('.sim-status').textContent();
const steps = (page: Page) => page.getByRole('list', { name: 'Steps taken' }).textContent();

async function segments(page: Page, lane: string): Promise<string[]> {
  return page.locator(`.sim-drawer [data-lane="${lane}"] [data-segment]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-segment') ?? ''));
}

describe('queues, decisions and steps (R25–R27)', () => {
  it('draws a flow with a step, a decision and a queue, and simulates the error path and a chosen outcome', async () => {
    const { page } = editor.current;
    await openFlowMenu(page);
    await page.getByRole('menuitem', { name: 'New flow' }).click();
    await expect.poll(() => nodes(page).count()).toBe(1);

    // Start → Step → Decision → Queue, each added by keyboard below the one before and connected from its first free port.
    await clickNode(nodes(page).first());
    await addBelow(page, 'step');
    await addBelow(page, 'decision');
    await addBelow(page, 'queue');
    await expect.poll(() => nodes(page).count()).toBe(4);
    await expect.poll(() => edges(page).count()).toBe(3);
    // The queue is served by the technical support ring group (chosen in the inspector).
    await page.getByLabel('Ring group', { exact: true }).selectOption({ label: 'Technical support (3 members)' });
    await expect.poll(() => nodeByLabel(page, 'Wait for an agent').textContent()).toContain('Technical support');

    // The step's error port leads to the queue too: drawn with the mouse.
    await fitAll(page);
    await dragMouse(page, handle(nodeByLabel(page, 'Look up the caller'), 'error'), handle(nodeByLabel(page, 'Wait for an agent'), 'in'));
    await expect.poll(() => edges(page).count()).toBe(4);

    // Simulate the flow on screen from the support number.
    await openSimulator(page);
    await page.getByLabel('Number dialled').selectOption('num-support');
    await page.getByLabel(/Run the flow on screen/).check();
    await page.getByRole('button', { name: 'Start call' }).click();
    await expect.poll(() => where(page)).toContain('Look up the caller (Step)');
    await expect.poll(() => page.getByRole('group', { name: 'Choose what happens', exact: true }).textContent()).toContain('at Look up the caller (Step)');

    // The error path: the step fails, the call goes by its error port to the queue, where Ben can answer.
    await choice(page, 'fails').click();
    await expect.poll(() => where(page)).toContain('Wait for an agent (Queue)');
    await expect.poll(() => steps(page)).toContain('Chosen: error');
    // The canvas shows where the call is.
    await expect.poll(() => nodeByLabel(page, 'Wait for an agent').locator('.fnode').getAttribute('class')).toContain('is-active');
    await expect.poll(() => page.getByRole('group', { name: 'Answer', exact: true }).count()).toBe(1);
    // While it waits, the queue may be full or closed: that is a choice too.
    await expect.poll(() => choice(page, 'queue full or closed').count()).toBe(1);

    // Step back and take the other way: the step succeeds, and the reviewer chooses the decision's outcome.
    await page.getByRole('button', { name: 'Step back' }).click();
    await expect.poll(() => where(page)).toContain('Look up the caller (Step)');
    await choice(page, 'succeeds').click();
    await expect.poll(() => where(page)).toContain('Check the data (Decision)');
    await expect.poll(() => choice(page, 'no match').count()).toBe(1);
    await choice(page, 'yes').click();
    await expect.poll(() => where(page)).toContain('Wait for an agent (Queue)');
    await page.getByRole('group', { name: 'Answer', exact: true }).getByLabel(/Agent answering/).selectOption('ag-ben');
    await act(page, 'Answer'); // 5 s: the call leaves the flow with Ben (R25), recorded from the answer (R7)
    await act(page, 'Hang up'); // 10 s
    await expect.poll(() => segments(page, 'A')).toEqual(['5–10 s']);
    await expect.poll(() => steps(page)).toMatch(/Chosen: next.*Chosen: yes.*Ben Okafor answers/);
  });
});

describe('platform presets (R30)', () => {
  /** The claims line on the sample workspace: the look-up succeeds, the reviewer chooses "open", Ana answers, the caller hangs up. */
  async function claimsCall(page: Page): Promise<void> {
    await openSimulator(page);
    await page.getByLabel('Number dialled').selectOption('num-claims');
    await page.getByRole('button', { name: 'Start call' }).click();
    await page.getByRole('button', { name: /Run to next timer/ }).click(); // the notice ends at 5 s
    await choice(page, 'succeeds').click(); // 5 s
    await choice(page, 'open: in hours').click(); // 5 s: the Recording node runs
    await act(page, 'Answer'); // 10 s: Ana
    await act(page, 'Hang up'); // 15 s
    await expect.poll(() => page.locator('.sim-drawer__summary').textContent()).toContain('ended');
  }

  async function switchPlatform(page: Page, name: string): Promise<void> {
    await page.getByRole('button', { name: /^Platform: / }).click();
    await page.getByLabel(new RegExp(`^${name}`)).check();
    const confirm = page.getByRole('group', { name: `Switch to ${name}?` });
    await expect.poll(() => confirm.getByRole('list', { name: 'What the switch changes' }).count()).toBe(1);
    await confirm.getByRole('button', { name: `Switch to ${name}` }).click();
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.locator('.react-flow__node').first().waitFor();
  }

  it('switching the platform in Settings is one undo step, and the simulated call’s timeline follows it', async () => {
    const { page } = editor.current;
    await expect.poll(() => page.getByRole('button', { name: /^Platform: / }).textContent()).toContain('Talkdesk');
    await claimsCall(page);
    // Talkdesk: the Recording node records from where it runs, IVR included (R5).
    await expect.poll(() => segments(page, 'A')).toEqual(['5–15 s']);
    await expect.poll(() => page.locator('.sim-drawer__summary').textContent()).toContain('on Talkdesk');

    await switchPlatform(page, 'Amazon Connect');
    await expect.poll(() => page.getByRole('button', { name: /^Platform: / }).textContent()).toContain('Amazon Connect');
    // Amazon Connect: the block does not record the IVR part, so recording starts when Ana joins (R31).
    await expect.poll(() => segments(page, 'A')).toEqual(['10–15 s']);
    await expect.poll(() => page.locator('.sim-drawer__summary').textContent()).toContain('on Amazon Connect');
    await page.getByRole('tab', { name: 'Why' }).click();
    await expect.poll(() => page.locator('tr[data-setting="recordIvr"]').textContent()).toContain('fixed by Amazon Connect');

    // One undo step brings Talkdesk and the old timeline back.
    await page.getByRole('button', { name: 'Undo Model Amazon Connect' }).click();
    await expect.poll(() => page.getByRole('button', { name: /^Platform: / }).textContent()).toContain('Talkdesk');
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await expect.poll(() => segments(page, 'A')).toEqual(['5–15 s']);

    // Twilio Studio records in mono by default: one mixed lane.
    await switchPlatform(page, 'Twilio Studio');
    await expect.poll(() => segments(page, 'mono')).toEqual(['5–15 s']);
  });

  it('runs a saved scenario on another platform and says what differs', async () => {
    const { page } = editor.current;
    await claimsCall(page);
    await page.getByRole('tab', { name: 'Scenarios' }).click();
    await page.getByRole('textbox', { name: 'Scenario name' }).fill('Claims answered');
    await page.getByRole('button', { name: 'Save current call as scenario' }).click();
    await page.getByRole('button', { name: 'What would Claims answered record on Amazon Connect?' }).click();
    const box = page.getByRole('region', { name: 'Claims answered on Amazon Connect' });
    await expect
      .poll(() => box.getByRole('list', { name: 'Differences on Amazon Connect' }).textContent())
      .toContain('Both sides: 10 s on tape on Talkdesk, 5 s on Amazon Connect; 5–10 s only on Talkdesk.');
    await box.getByText('The timeline on Amazon Connect').click();
    await expect.poll(() => box.locator('[data-lane="A"] [data-segment]').getAttribute('data-segment')).toBe('10–15 s');
  });
});
