/**
 * The call simulator driven like a reviewer would, in real Chromium on the
 * built editor with its sample workspace (Northwind Support): settings set
 * through the Settings area, calls started and stepped with the simulator's
 * buttons, results read off the timeline and the panels.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { nodeByLabel, setupEditor, waitSaved } from './helpers.ts';

const editor = setupEditor();

async function setAccountSwitch(page: Page, name: string, on: boolean): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('tab', { name: 'Account recording' }).click();
  const sw = page.getByRole('switch', { name });
  if ((await sw.isChecked()) !== on) await sw.click();
  await expect.poll(() => sw.isChecked()).toBe(on);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.locator('.react-flow__node').first().waitFor();
}

async function startInbound(page: Page, numberId: string): Promise<void> {
  const toggle = page.getByRole('button', { name: /Simulate a call/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.getByLabel('Number dialled').selectOption(numberId);
  await page.getByRole('button', { name: 'Start call' }).click();
  await page.getByTestId('sim-time').waitFor();
}

const act = (page: Page, group: string, button = group) =>
  page.getByRole('group', { name: group, exact: true }).getByRole('button', { name: button, exact: true }).click();

const time = (page: Page) => page.getByTestId('sim-time').textContent();

async function segments(page: Page, lane: string): Promise<string[]> {
  return page.locator(`[data-lane="${lane}"] [data-segment]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-segment') ?? ''));
}

/** Support line up to Ana answering: notice (5 s timer), caller presses 1 at 10 s (Recording node on, R5), Ana answers at 15 s. */
async function supportCallAnswered(page: Page): Promise<void> {
  await startInbound(page, 'num-support');
  await page.getByRole('button', { name: /Run to next timer/ }).click();
  await act(page, 'Caller presses a key', 'Press 1 · Technical support');
  await act(page, 'Answer');
  await expect.poll(() => time(page)).toBe('t = 15 s');
}

describe('simulator', () => {
  it('the drawer is resized by dragging its top edge, and keeps its height across a reload', async () => {
    const { page } = editor.current;
    await page.getByRole('button', { name: /Simulate a call/ }).click();
    const body = page.locator('#sim-drawer-body');
    const before = (await body.boundingBox())!.height;
    const bar = (await page.getByRole('separator', { name: 'Resize the call simulator' }).boundingBox())!;
    await page.mouse.move(bar.x + 200, bar.y + bar.height / 2);
    await page.mouse.down();
    await page.mouse.move(bar.x + 200, bar.y + bar.height / 2 - 120, { steps: 6 });
    await page.mouse.up();
    await expect.poll(async () => Math.round((await body.boundingBox())!.height)).toBe(Math.round(before + 120));
    const canvas = (await page.locator('.canvas-wrap').boundingBox())!.height;

    await page.reload();
    await page.locator('.react-flow__node').first().waitFor();
    await page.getByRole('button', { name: /Simulate a call/ }).click();
    await expect.poll(async () => Math.round((await page.locator('#sim-drawer-body').boundingBox())!.height)).toBe(Math.round(before + 120));
    // Smaller from the keyboard: the canvas above gets the room back.
    await page.getByRole('separator', { name: 'Resize the call simulator' }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => Math.round((await page.locator('#sim-drawer-body').boundingBox())!.height)).toBe(Math.round(before + 72));
    await expect.poll(async () => Math.round((await page.locator('.canvas-wrap').boundingBox())!.height)).toBe(Math.round(canvas + 48));
  });

  it('R14: a blind transfer to an outside number with continue-on-external off records nothing after the transfer', async () => {
    const { page } = editor.current;
    await setAccountSwitch(page, 'Keep recording on external transfer', false);
    await supportCallAnswered(page);
    const transfer = page.getByRole('group', { name: 'Transfer', exact: true });
    await transfer.getByLabel('How').selectOption('blind');
    await transfer.getByLabel('Transfer to').selectOption({ label: 'outside number +15550100 (external)' });
    await act(page, 'Transfer'); // at 20 s
    await page.getByRole('button', { name: 'Wait 5 s' }).click();
    await page.getByRole('button', { name: 'Wait 5 s' }).click();
    await act(page, 'Hang up'); // the contact, at 35 s
    await expect.poll(() => segments(page, 'A')).toEqual(['10–20 s']);
    await expect.poll(() => segments(page, 'B')).toEqual(['10–20 s']);
    // The bar's seconds are written on it; the rest of the call is drawn as not recorded.
    await expect.poll(() => page.locator('[data-lane="A"] .sim-tl__bar-text').textContent()).toBe('10–20 s');
    await expect.poll(() => page.getByRole('img', { name: /^From 20 s the external portion is not recorded/ }).count()).toBe(2);
    await expect.poll(() => page.getByText('10 s recorded of 35 s').count()).toBe(1);
    await page.getByRole('tab', { name: 'Segments' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Segments' }).textContent()).toContain('external portion began (R14)');
  });

  it('R11: an agent pause and resume leaves a gap on both channels', async () => {
    const { page } = editor.current;
    await setAccountSwitch(page, 'Agents may pause and resume recording', true);
    await supportCallAnswered(page);
    await act(page, 'Pause recording'); // 20 s
    await act(page, 'Resume recording'); // 25 s
    await page.getByRole('button', { name: 'Wait 5 s' }).click();
    await act(page, 'Hang up'); // 35 s
    await expect.poll(() => segments(page, 'A')).toEqual(['10–20 s', '25–35 s']);
    await expect.poll(() => segments(page, 'B')).toEqual(['10–20 s', '25–35 s']);
    await expect.poll(() => page.getByRole('img', { name: /^Paused 20–25 s: not recorded on channel A/ }).count()).toBe(1);
    await expect.poll(() => page.getByRole('img', { name: /^Paused 20–25 s: not recorded on channel B/ }).count()).toBe(1);
    await expect.poll(() => page.locator('[data-marker="pause"]').count()).toBe(1);
    await expect.poll(() => page.locator('[data-marker="resume"]').count()).toBe(1);
  });

  it('R10/R12: in a conference the second agent may not pause; the refusal is a marker with its reason', async () => {
    const { page } = editor.current;
    await setAccountSwitch(page, 'Agents may pause and resume recording', true);
    await supportCallAnswered(page);
    const conference = page.getByRole('group', { name: 'Conference', exact: true });
    await conference.getByLabel('Bring in').selectOption({ label: 'agent Ben Okafor' });
    await act(page, 'Conference'); // 20 s
    await page.getByRole('group', { name: 'Answer', exact: true }).getByLabel(/Agent answering/).selectOption('ag-ben');
    await act(page, 'Answer'); // 25 s
    await expect.poll(() => page.getByRole('list', { name: 'Parties on the call' }).textContent()).toContain('Ben Okafor');
    const pause = page.getByRole('group', { name: 'Pause recording', exact: true });
    await pause.getByLabel('Agent who pauses').selectOption('ag-ben');
    await expect.poll(() => pause.textContent()).toContain('will be refused: Ben Okafor does not control the recording');
    await act(page, 'Pause recording'); // 30 s: refused
    // The reason is where the reviewer clicked: in the Pause row, as well as in the status note above.
    await expect.poll(() => pause.getByRole('alert').textContent()).toMatch(/^Refused at 30 s: Ben Okafor does not control the recording/);
    const marker = page.locator('[data-marker="refusal"]');
    // …and written on the timeline beside its marker, and listed whole under the timeline.
    await expect.poll(() => marker.locator('text').textContent()).toMatch(/^pause refused/);
    await expect.poll(() => page.getByRole('list', { name: 'Refused actions' }).textContent()).toContain('30 s · pause refused: Ben Okafor does not control the recording');
    await expect.poll(() => marker.getAttribute('aria-label')).toMatch(/^Refused action at 30 s: Ben Okafor does not control the recording/);
    await marker.locator('.sim-tl__refusal-x').hover();
    await expect.poll(() => page.getByRole('tooltip').textContent()).toContain('does not control the recording');
    // Nothing changed: the segment runs on.
    await expect.poll(() => segments(page, 'A')).toEqual(['10–30 s']);
  });

  it('R10: a refused action says why in its own row, on the timeline and in the steps, without hovering', async () => {
    const { page } = editor.current;
    await supportCallAnswered(page);
    const pause = page.getByRole('group', { name: 'Pause recording', exact: true });
    await act(page, 'Pause recording'); // 20 s: agent pause is off for the account (R1)
    await expect.poll(() => pause.getByRole('alert').textContent()).toMatch(/^Refused at 20 s: /);
    const reason = (await pause.getByRole('alert').textContent())!.replace(/^Refused at 20 s: /, '');
    expect(reason.length).toBeGreaterThan(10);
    // On the marker itself, as visible text (not only a tooltip).
    const markerText = page.locator('[data-marker="refusal"] text');
    await expect.poll(() => markerText.textContent()).toMatch(/^pause refused/);
    expect(await markerText.isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('list', { name: 'Refused actions' }).textContent()).toContain(reason);
    await expect.poll(() => page.getByRole('list', { name: 'Steps taken' }).textContent()).toContain(`refused: ${reason}`);
    // The next action clears the row's reason; an ended call shows no "recording paused".
    await act(page, 'Hang up');
    await expect.poll(() => page.getByText('Call ended').count()).toBe(1);
    expect(await page.locator('.sim-badge', { hasText: 'recording paused' }).count()).toBe(0);
  });

  it('R11: the timeline at Fit with nine short pauses in a 400 s call draws no label over another', async () => {
    const { page } = editor.current;
    await setAccountSwitch(page, 'Agents may pause and resume recording', true);
    await supportCallAnswered(page); // 15 s
    const advance = page.getByLabel('Seconds before each action');
    for (let i = 0; i < 9; i++) {
      await advance.fill('38');
      await act(page, 'Pause recording');
      await advance.fill('2');
      await act(page, 'Resume recording');
    }
    await advance.fill('25');
    await act(page, 'Hang up');
    await expect.poll(() => time(page)).toBe('t = 400 s');
    await expect.poll(() => page.getByRole('group', { name: 'Zoom' }).getByRole('button', { name: 'Fit' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => segments(page, 'A')).toHaveLength(10);
    const boxes = await page.locator('.sim-tl__svg text').evaluateAll((els) =>
      els
        .filter((e) => (e.textContent ?? '').trim() !== '')
        .map((e) => {
          const r = e.getBoundingClientRect();
          return { text: e.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        }),
    );
    // Segment seconds, phase names, tick labels and event words are all there to read…
    expect(boxes.filter((b) => /^\d+–\d+ s$/.test(b.text ?? '')).length).toBeGreaterThan(0);
    expect(boxes.some((b) => b.text === 'pause' || b.text === 'resume')).toBe(true);
    // …and no two of them overlap.
    const overlaps: string[] = [];
    boxes.forEach((a, i) => {
      for (const b of boxes.slice(i + 1)) {
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) overlaps.push(`${a.text} / ${b.text}`);
      }
    });
    expect(overlaps).toEqual([]);
  });

  it('R17/R18: a mono account records one lane and is not transcribable', async () => {
    const { page } = editor.current;
    await setAccountSwitch(page, 'Dual-channel (stereo) recording', false);
    // The direct number runs no flow, so no Recording node sets the channels: the account's mono applies.
    await startInbound(page, 'num-direct');
    await act(page, 'Answer'); // 5 s, R7
    await page.getByRole('button', { name: 'Wait 5 s' }).click();
    await act(page, 'Hang up'); // 15 s
    await expect.poll(() => page.locator('[data-lane]').evaluateAll((els) => els.map((e) => e.getAttribute('data-lane')))).toEqual([
      'phases',
      'mono',
      'events',
    ]);
    await expect.poll(() => segments(page, 'mono')).toEqual(['5–15 s']);
    await page.getByRole('tab', { name: 'Segments' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Recorded segments' }).textContent()).toContain('Transcribableno (R18: transcription needs dual channel)');
    await page.getByRole('tab', { name: 'Why' }).click();
    await expect.poll(() => page.locator('tr[data-setting="channels"]').textContent()).toContain('monoaccount setting');
  });

  it('saves a scenario; an edit in Settings makes it fail with the difference in words; accepting passes; it survives a reload and exports', async () => {
    const { page } = editor.current;
    await supportCallAnswered(page);
    const transfer = page.getByRole('group', { name: 'Transfer', exact: true });
    await transfer.getByLabel('Transfer to').selectOption({ label: 'outside number +15550100 (external)' });
    await act(page, 'Transfer'); // 20 s, recording stops (example account: continue-on-external off)
    await act(page, 'Hang up'); // 25 s
    await page.getByRole('tab', { name: 'Scenarios' }).click();
    await page.getByLabel('Scenario name').fill('Blind transfer to partner');
    await page.getByRole('button', { name: 'Save current call as scenario' }).click();
    await page.getByRole('button', { name: 'Run all' }).click();
    const item = page.locator('[data-scenario="Blind transfer to partner"]');
    await expect.poll(() => item.getAttribute('data-status')).toBe('pass');

    await setAccountSwitch(page, 'Keep recording on external transfer', true);
    await expect.poll(() => item.getAttribute('data-status')).toBe('fail');
    const diff = page.getByRole('list', { name: 'Differences in Blind transfer to partner' });
    await expect.poll(() => diff.textContent()).toContain(
      'Segments: expected 10–20 s (ended: external portion began (R14)); got 10–25 s (ended: call ended (R9)).',
    );
    await expect.poll(() => diff.textContent()).toContain('Total recorded: expected 10 s, got 15 s.');
    await item.getByRole('button', { name: 'Accept new result' }).click();
    await expect.poll(() => item.getAttribute('data-status')).toBe('pass');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export for recflow test' }).click()]);
    expect(download.suggestedFilename()).toBe('northwind-support-scenarios.zip');

    // Scenarios live in their own IndexedDB store, apart from the workspace autosave (which must have written the edit).
    await waitSaved(page);
    await page.reload();
    await page.locator('.react-flow__node').first().waitFor();
    await page.getByRole('button', { name: /Simulate a call/ }).click();
    await page.getByRole('tab', { name: 'Scenarios' }).click();
    await expect.poll(() => page.locator('[data-scenario="Blind transfer to partner"]').count()).toBe(1);
    await page.getByRole('button', { name: 'Load' }).click();
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await expect.poll(() => segments(page, 'A')).toEqual(['10–25 s']);
  });

  it('R20: a call starts now (UTC, to the minute) unless set; its start and deletion date show together; a saved scenario keeps its own start', async () => {
    const { page } = editor.current;
    await page.clock.setFixedTime(new Date('2026-12-02T05:10:42Z'));
    await page.getByRole('button', { name: /Simulate a call/ }).click();
    const when = page.getByLabel('Call starts');
    await expect.poll(() => when.inputValue()).toBe('2026-12-02T05:10');
    await expect.poll(() => page.getByRole('form', { name: 'Start a call' }).getByText('UTC', { exact: true }).isVisible()).toBe(true);
    await when.fill('2026-12-24T18:30');
    await supportCallAnswered(page);
    await act(page, 'Hang up'); // 20 s
    await page.getByRole('tab', { name: 'Segments' }).click();
    await expect.poll(() => page.getByTestId('call-started').textContent()).toBe('2026-12-24 18:30 UTC');
    await expect.poll(() => page.getByTestId('deletion-date').textContent()).toBe('2027-06-24 (R20: counted from when the call ended)');
    await page.getByRole('tab', { name: 'Scenarios' }).click();
    await page.getByLabel('Scenario name').fill('Christmas Eve call');
    await page.getByRole('button', { name: 'Save current call as scenario' }).click();

    // A new call runs from the field (now again in a new form); the saved scenario loads with the start it was saved with.
    await page.getByRole('button', { name: 'New call' }).click();
    await expect.poll(() => when.inputValue()).toBe('2026-12-02T05:10');
    await page.getByRole('button', { name: 'Start call' }).click();
    await page.getByRole('tab', { name: 'Segments' }).click();
    await expect.poll(() => page.getByTestId('call-started').textContent()).toBe('2026-12-02 05:10 UTC');
    await page.getByRole('tab', { name: 'Scenarios' }).click();
    await page.locator('[data-scenario="Christmas Eve call"]').getByRole('button', { name: 'Load' }).click();
    await page.getByRole('tab', { name: 'Segments' }).click();
    await expect.poll(() => page.getByTestId('call-started').textContent()).toBe('2026-12-24 18:30 UTC');
    await expect.poll(() => page.getByTestId('deletion-date').textContent()).toBe('2027-06-24 (R20: counted from when the call ended)');
  });

  it('steps back two actions and takes another branch; the canvas follows', async () => {
    const { page } = editor.current;
    await supportCallAnswered(page);
    await expect.poll(() => nodeByLabel(page, 'Record support call').locator('.fnode').getAttribute('class')).toContain('is-visited');
    await page.getByRole('button', { name: 'Step back' }).click();
    await page.getByRole('button', { name: 'Step back' }).click();
    await expect.poll(() => time(page)).toBe('t = 5 s');
    await expect.poll(() => nodeByLabel(page, 'Main menu').locator('.fnode').getAttribute('class')).toContain('is-active');
    await expect.poll(() => nodeByLabel(page, 'Record support call').locator('.fnode').getAttribute('class')).not.toContain('is-visited');
    await act(page, 'Caller presses a key', 'Press 2 · Billing'); // a new branch at 10 s
    const steps = page.getByRole('list', { name: 'Steps taken' });
    await expect.poll(() => steps.locator('li').allTextContents()).toEqual(['5 s — Clock moves on', '10 s — Caller presses 2']);
    await expect.poll(() => nodeByLabel(page, 'To billing').locator('.fnode').getAttribute('class')).toContain('is-active');
    await expect.poll(() => page.getByRole('button', { name: 'Step forward' }).isDisabled()).toBe(true);
  });
});
