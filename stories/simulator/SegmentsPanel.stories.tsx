import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import SegmentsPanel from '../../editor/simulator/SegmentsPanel.tsx';
import { conferenceRefusalCall, contactOnlyCall, exampleCall, monoCall, newYearCall, pauseCall, type SimCall, silenceCall, voicemailCall } from './simData.ts';

const from = (c: SimCall) => ({ result: c.result, workspace: c.workspace, start: c.start });

const meta = {
  title: 'Simulator/Segments',
  component: SegmentsPanel,
  args: from(pauseCall()),
  decorators: [
    (Story) => (
      <div style={{ width: 900 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof SegmentsPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

const rows = (root: HTMLElement) =>
  within(within(root).getByRole('table', { name: 'Segments' }))
    .getAllByRole('row')
    .map((r) => r.textContent);

/** R21: two segments around a pause, each with its parties and why it ended; totals and deletion date. */
export const DualWithPause: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const r = rows(canvasElement);
    await expect(r[1]).toBe('14 s40 s36 scontact +1 555 300 4000Dev Patelboth sidespaused by the agent (R11)');
    await expect(r[2]).toContain('60 s90 s30 s');
    await expect(r[2]).toContain('call ended (R9)');
    await expect(r[3]).toBe('Total66 s');
    await expect(canvas.getByText('dual: A = contact (left), B = agent side (right)')).toBeVisible();
    await expect(canvas.getByText('2026-07-01')).toBeVisible();
    // A call that names no start runs from the runtime's default, and says so beside the date it is counted from.
    await expect(canvas.getByTestId('call-started')).toHaveTextContent("2026-01-01 09:00 UTC (the scenario names no start: the runtime's default)");
    await expect(canvas.getByText('Dev Patel (ring group Billing)')).toBeVisible();
  },
};

/** R20: the start is shown where the deletion date is: a call from 23:59 on New Year's Eve ends in 2027, deleted six months after its end. */
export const StartAndDeletionDate: Story = {
  args: from(newYearCall()),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByTestId('call-started')).toHaveTextContent(/^2026-12-31 23:59 UTC$/);
    await expect(canvas.getByTestId('deletion-date')).toHaveTextContent('2027-07-01 (R20: counted from when the call ended)');
    // The start comes first, so the date reads against it.
    const terms = [...canvasElement.querySelectorAll('dt')].map((t) => t.textContent);
    await expect(terms.indexOf('Call started')).toBe(terms.indexOf('Deleted on') - 1);
  },
};

/** R17/R18: mono — one channel column and not transcribable. */
export const Mono: Story = {
  args: from(monoCall()),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('columnheader', { name: 'Mono channel' })).toBeVisible();
    await expect(canvas.queryByRole('columnheader', { name: /Channel B/ })).toBeNull();
    await expect(canvas.getByText('(R18: transcription needs dual channel)')).toBeVisible();
  },
};

/** R10: the refused pause is listed with its reason. */
export const WithRefusal: Story = {
  args: from(conferenceRefusalCall()),
  play: async ({ canvasElement }) => {
    const list = within(canvasElement).getByRole('list', { name: 'Refused actions' });
    await expect(list).toHaveTextContent('50 s Eva Novak pauses recording: refused — Eva Novak does not control the recording of this call.');
  },
};

/** R19: a voicemail is its own mono recording of the contact. */
export const Voicemail: Story = {
  args: from(voicemailCall()),
  play: async ({ canvasElement }) => {
    const table = within(canvasElement).getByRole('table', { name: 'Voicemail recordings' });
    await expect(table).toHaveTextContent('38 s60 s22 s (max 120 s)');
    await expect(table).toHaveTextContent('caller finished (#)');
  },
};

/** Example scenario support-voicemail: the Recording node ran on the menu timeout, nobody answered, the caller left a message (R19). */
export const VoicemailExample: Story = {
  args: from(exampleCall('support-voicemail')),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(rows(canvasElement)[1]).toContain('13 s100 s87 s');
    await expect(within(canvas.getByRole('table', { name: 'Voicemail recordings' })).getAllByRole('row')[1]).toHaveTextContent('43 s100 s57 s (max 120 s)');
    await expect(canvas.getByText('—', { selector: 'dd' })).toBeVisible();
  },
};

/** R29: a segment with the contact only on tape: channel B says who was heard but not taped, and it is not transcribable. */
export const ContactOnly: Story = {
  args: from(contactOnlyCall()),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const r = rows(canvasElement);
    await expect(r[1]).toBe('130 s90 s60 scontact +1 555 300 4000not on tape (Ana Lima)the contact onlycall ended (R9)');
    await expect(canvas.getByText('(R29: 1 segment has one side only on tape)')).toBeVisible();
  },
};

/** R30: where a pause leaves silence, the recording's length is given beside the audio on tape. */
export const RecordingLengthWithSilence: Story = {
  args: from(silenceCall()),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('50 s of 90 s')).toBeVisible();
    await expect(canvas.getByTestId('recording-length')).toHaveTextContent('60 s, of which 10 s silence (R30: a pause leaves silence, 50–60 s)');
  },
};
