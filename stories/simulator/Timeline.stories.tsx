import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import Timeline from '../../editor/simulator/Timeline.tsx';
import {
  conferenceRefusalCall,
  contactOnlyCall,
  exampleCall,
  externalTransferCall,
  inProgressCall,
  monoCall,
  ninePausesCall,
  pauseCall,
  type SimCall,
  silenceCall,
  supportCall,
  voicemailCall,
} from './simData.ts';

/** Props for the timeline from a call the runtime simulated on the example flows. */
const from = (c: SimCall) => ({ result: c.result, workspace: c.workspace, start: c.start, flow: c.flow, layoutHint: c.settings.channels.value });

const meta = {
  title: 'Simulator/Timeline',
  component: Timeline,
  args: from(supportCall()),
  decorators: [
    (Story) => (
      <div style={{ width: 980 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof Timeline>;

export default meta;
type Story = StoryObj<typeof meta>;

const lanes = (root: HTMLElement) => [...root.querySelectorAll('[data-lane]')].map((l) => l.getAttribute('data-lane'));
const segments = (root: HTMLElement, lane: string) =>
  [...root.querySelectorAll(`[data-lane="${lane}"] [data-segment]`)].map((s) => s.getAttribute('data-segment'));

/** R17 dual channel: lanes A and B, the recorded seconds written on the bars. */
export const Dual: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(lanes(canvasElement)).toEqual(['phases', 'A', 'B', 'events']);
    await expect(segments(canvasElement, 'A')).toEqual(['8–95 s']);
    await expect(segments(canvasElement, 'B')).toEqual(['8–95 s']);
    // Readable without hovering: the bar carries its seconds as text.
    await expect(canvas.getAllByText('8–95 s')).toHaveLength(2);
    await expect(canvas.getByText('87 s recorded of 95 s')).toBeVisible();
    // Hover or focus shows who was on each channel.
    const bar = canvas.getAllByRole('img', { name: /^Recorded 8–95 s/ })[1]!;
    await userEvent.hover(bar);
    await expect(await within(document.body).findByRole('tooltip')).toHaveTextContent('on channel B: Ana Lima');
  },
};

/** R17/R18: a mono account records one mixed lane. */
export const Mono: Story = {
  args: from(monoCall()),
  play: async ({ canvasElement }) => {
    await expect(lanes(canvasElement)).toEqual(['phases', 'mono', 'events']);
    await expect(segments(canvasElement, 'mono')).toEqual(['6–70 s']);
    await expect(within(canvasElement).getByText('Mono')).toBeVisible();
  },
};

/** R11: a pause leaves a gap on both channels, between two labelled segments. */
export const PauseGap: Story = {
  args: from(pauseCall()),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(segments(canvasElement, 'A')).toEqual(['4–40 s', '60–90 s']);
    await expect(segments(canvasElement, 'B')).toEqual(['4–40 s', '60–90 s']);
    await expect(canvas.getAllByRole('img', { name: /^Paused 40–60 s: not recorded/ })).toHaveLength(2);
    await expect(canvas.getByRole('img', { name: /^Pause at 40 s/ })).toBeInTheDocument();
    await expect(canvas.getByRole('img', { name: /^Resume at 60 s/ })).toBeInTheDocument();
  },
};

/** R10/R12: the second agent in a conference may not pause; the refusal is a marker carrying its reason. */
export const RefusalMarker: Story = {
  args: from(conferenceRefusalCall()),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const marker = canvas.getByRole('img', { name: /^Refused action at 50 s/ });
    await expect(marker).toHaveAccessibleName(/Eva Novak does not control the recording of this call/);
    // Keyboard users get the same details as a tooltip.
    marker.focus();
    await expect(await within(document.body).findByRole('tooltip')).toHaveTextContent('does not control the recording');
    await expect(segments(canvasElement, 'A')).toEqual(['4–80 s']);
    await expect(canvas.getByText(/Conference: Dev Patel, Eva Novak/)).toBeVisible();
    // The reason is also written beside the marker and listed whole under the timeline, without hovering.
    await expect(marker.querySelector('text')?.textContent).toMatch(/^pause refused/);
    await expect(canvas.getByRole('list', { name: 'Refused actions' })).toHaveTextContent('50 s · pause refused: Eva Novak does not control the recording');
  },
};

/** R11: nine short pauses in a 400 s call, at Fit: every label drawn is readable, none over another. */
export const NinePausesAtFit: Story = {
  args: from(ninePausesCall()),
  play: async ({ canvasElement }) => {
    await expect(segments(canvasElement, 'A')).toHaveLength(10);
    const boxes = [...canvasElement.querySelectorAll('.sim-tl__svg text')]
      .filter((t) => (t.textContent ?? '').trim() !== '')
      .map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }));
    await expect(boxes.some((b) => b.text === 'pause')).toBe(true);
    const overlapping = boxes.flatMap((a, i) =>
      boxes
        .slice(i + 1)
        .filter((b) => a.r.left < b.r.right - 0.5 && b.r.left < a.r.right - 0.5 && a.r.top < b.r.bottom - 0.5 && b.r.top < a.r.bottom - 0.5)
        .map((b) => `${a.text} / ${b.text}`),
    );
    await expect(overlapping).toEqual([]);
  },
};

/** R14: with continue-on-external off, nothing is recorded after the blind transfer to an outside number. */
export const ExternalTransferCut: Story = {
  args: from(externalTransferCall()),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(segments(canvasElement, 'A')).toEqual(['8–60 s']);
    await expect(segments(canvasElement, 'B')).toEqual(['8–60 s']);
    await expect(canvas.getAllByRole('img', { name: /^From 60 s the external portion is not recorded/ })).toHaveLength(2);
    await expect(canvas.getByRole('img', { name: /^External portion begins at 60 s/ })).toBeInTheDocument();
    await expect(canvas.getByRole('img', { name: /^Transfer \/ conference at 60 s/ })).toBeInTheDocument();
  },
};

/** Mid-call: the open segment runs to now; zooming in widens the drawing and Fit brings it back. */
export const InProgressAndZoom: Story = {
  args: from(inProgressCall()),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('37 s recorded of 45 s (call in progress)')).toBeVisible();
    const svg = canvasElement.querySelector('svg.sim-tl__svg') as SVGSVGElement;
    const before = svg.width.baseVal.value;
    await userEvent.click(canvas.getByRole('button', { name: 'Zoom in' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Zoom in' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Zoom in' }));
    await waitFor(() => expect(svg.width.baseVal.value).toBeGreaterThan(before));
    await expect(canvas.getByRole('button', { name: 'Fit' })).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(canvas.getByRole('button', { name: 'Fit' }));
    await waitFor(() => expect(svg.width.baseVal.value).toBe(before));
  },
};

/** Example scenario payments-card: R6/R5 leave the card capture out, then an R11 pause leaves a gap on both channels. */
export const CardPaymentExample: Story = {
  args: from(exampleCall('payments-card')),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(segments(canvasElement, 'A')).toEqual(['4–9 s', '54–80 s', '95–130 s']);
    await expect(segments(canvasElement, 'B')).toEqual(['4–9 s', '54–80 s', '95–130 s']);
    // Only the agent's pause is drawn as a pause gap; the card capture is simply not on tape.
    await expect(canvas.getAllByRole('img', { name: /^Paused 80–95 s/ })).toHaveLength(2);
    await expect(canvas.getAllByRole('img', { name: /^Recording on \/ off at (9|54) s/ })).toHaveLength(2);
  },
};

/** Example scenario payments-conference-control: Ana's pause is refused while Dev controls (R12), accepted once he has left. */
export const ConferenceControlExample: Story = {
  args: from(exampleCall('payments-conference-control')),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('img', { name: /^Refused action at 30 s: Ana Lima does not control the recording/ })).toBeInTheDocument();
    await expect(segments(canvasElement, 'A')).toEqual(['4–50 s', '60–70 s']);
    await expect(canvas.getByRole('img', { name: /^Pause at 50 s/ })).toBeInTheDocument();
  },
};

/** Example scenario support-warm-external: the consultation is recorded; the external portion starts when Ana completes (R15). */
export const WarmExternalExample: Story = {
  args: from(exampleCall('support-warm-external')),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(segments(canvasElement, 'A')).toEqual(['6–50 s']);
    await expect(canvas.getByRole('img', { name: /^Consultation 30–50 s/ })).toBeInTheDocument();
    await expect(canvas.getAllByRole('img', { name: /^From 50 s the external portion is not recorded/ })).toHaveLength(2);
  },
};

const offTape = (root: HTMLElement, lane: string) =>
  [...root.querySelectorAll(`[data-lane="${lane}"] [data-off-tape]`)].map((s) => s.getAttribute('data-off-tape'));

/** R29: the Recording node records the contact only: channel B draws the segment hatched as not on tape, with a label and a legend entry. */
export const OneSideNotOnTape: Story = {
  args: from(contactOnlyCall()),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(segments(canvasElement, 'A')).toEqual(['30–90 s']);
    await expect(segments(canvasElement, 'B')).toEqual([]);
    await expect(offTape(canvasElement, 'B')).toEqual(['30–90 s']);
    const hatched = canvas.getByRole('img', { name: /^Not on tape 30–90 s: channel B \(the agent side\) is not recorded/ });
    await expect(hatched).toHaveAccessibleName(/this segment records the contact only \(R29\)/);
    await expect(hatched.querySelector('text')?.textContent).toBe('not on tape');
    await expect(canvas.getByRole('list', { name: 'Timeline legend' })).toHaveTextContent('Side not on tape (R29)');
  },
};

/** R30: on Amazon Connect a pause leaves silence: drawn apart from a cut-out gap, and the totals give both lengths. */
export const PauseKeptAsSilence: Story = {
  args: from(silenceCall()),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(segments(canvasElement, 'A')).toEqual(['30–50 s', '60–90 s']);
    await expect(canvas.getAllByRole('img', { name: /^Paused 50–60 s: kept in the recording as silence/ })).toHaveLength(2);
    await expect(canvasElement.querySelectorAll('[data-pause="gap"]')).toHaveLength(0);
    await expect(canvas.getByText(/50 s recorded of 90 s · the recording is 60 s long, 10 s of it silence \(R30\)/)).toBeVisible();
    await expect(canvas.getByRole('list', { name: 'Timeline legend' })).toHaveTextContent('Paused, kept as silence (R30)');
    await expect(canvas.getByRole('list', { name: 'Timeline legend' })).not.toHaveTextContent('Side not on tape');
  },
};

/** R19: a voicemail is its own recording: its markers say "vm on" / "vm off", apart from the call recording's "rec on" (R5). */
export const VoicemailMarkers: Story = {
  args: from(voicemailCall()),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const words = (kind: string) => [...canvasElement.querySelectorAll(`[data-marker="${kind}"]`)].map((m) => m.querySelector('text')?.textContent);
    await expect(words('voicemail-on')).toEqual(['vm on']);
    await expect(words('voicemail-off')).toEqual(['vm off']);
    // The Recording node's own marker keeps the call recording's word.
    await expect(words('recording-on')).toEqual(['rec on']);
    await expect(canvas.getByRole('img', { name: /^Voicemail recording on \/ off \(R19\) at \d+ s: voicemail recording starts/ })).toBeVisible();
    await expect(canvas.getByRole('list', { name: 'Timeline legend' })).toHaveTextContent('Voicemail recording on / off (R19)');
  },
};
