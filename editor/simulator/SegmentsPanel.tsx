/**
 * The R21 result as a reviewer reads it: the recorded segments with their
 * parties per channel and why each ended, totals, channel layout,
 * transcription, deletion date, voicemails and refused actions, the sides
 * each segment has on tape (R29) and the recording's length beside its audio
 * (R30). Shows the runtime's result as is.
 */
import type { CallResult, CallStart } from '../../runtime/call/types.ts';
import type { WorkspaceDoc } from '../../runtime/document/workspace.ts';
import { callStartedAt, describeAction, END_REASON_TEXT, partyNames, secs, span } from './format.ts';
import { onTape, SIDES_WORDS } from './timelineLayout.ts';
import './simulator.css';

export interface SegmentsPanelProps {
  result: CallResult;
  workspace: WorkspaceDoc;
  start: CallStart;
}

const VM_END: Record<CallResult['voicemails'][number]['endReason'], string> = {
  'max-length': 'maximum length reached',
  finished: 'caller finished (#)',
  'hang-up': 'caller hung up',
  'in-progress': 'still recording',
};

/** Why a recording cannot be transcribed: mono (R18), or a segment with one side only (R29). */
function notTranscribableWhy(result: CallResult): string {
  if (!result.recorded) return '(nothing recorded)';
  if (result.channels === 'mono') return '(R18: transcription needs dual channel)';
  const oneSide = result.segments.filter((s) => s.sides !== 'both').length;
  return oneSide > 0 ? `(R29: ${oneSide} ${oneSide === 1 ? 'segment has' : 'segments have'} one side only on tape)` : '(R18)';
}

/** A channel's parties in a segment, or, when the segment does not record that side (R29), who was heard but not taped. */
function ChannelCell({ names, onTape }: { names: string; onTape: boolean }) {
  if (onTape) return <td>{names}</td>;
  return (
    <td>
      <span className="sim-no">not on tape</span> <span className="sim-muted">({names})</span>
    </td>
  );
}

export default function SegmentsPanel({ result, workspace, start }: SegmentsPanelProps) {
  const mono = result.channels === 'mono';
  const silentSeconds = result.recordingSeconds - result.totalRecordedSeconds;
  const started = callStartedAt(start);
  const groups = result.handledBy.ringGroupIds.map((id) => workspace.ringGroups.find((g) => g.id === id)?.name ?? id);
  return (
    <section className="sim-panel sim-segments" aria-label="Recorded segments">
      <dl className="sim-facts">
        <dt>Recorded</dt>
        <dd className={result.recorded ? 'sim-yes' : 'sim-no'}>{result.recorded ? 'yes' : 'no'}</dd>
        <dt>Channel layout</dt>
        <dd>{result.channels === null ? '—' : mono ? 'mono (one mixed channel)' : 'dual: A = contact (left), B = agent side (right)'}</dd>
        <dt>Transcribable</dt>
        <dd>
          {result.transcribable ? (
            <span className="sim-yes">yes</span>
          ) : (
            <>
              <span className="sim-no">no</span>{' '}
              <span className="sim-muted">{notTranscribableWhy(result)}</span>
            </>
          )}
        </dd>
        <dt>Total recorded</dt>
        <dd>
          {secs(result.totalRecordedSeconds)} s of {secs(result.duration)} s{result.ended ? '' : ' so far'}
        </dd>
        {silentSeconds > 0.001 ? (
          <>
            <dt>Recording length</dt>
            <dd data-testid="recording-length">
              {secs(result.recordingSeconds)} s, of which {secs(silentSeconds)} s silence{' '}
              <span className="sim-muted">(R30: a pause leaves silence, {result.silences.map((x) => span(x.start, x.end)).join(', ')})</span>
            </dd>
          </>
        ) : null}
        <dt>Call started</dt>
        <dd data-testid="call-started">
          {started.text}
          {started.isDefault ? <span className="sim-muted"> (the scenario names no start: the runtime's default)</span> : null}
        </dd>
        <dt>Deleted on</dt>
        <dd data-testid="deletion-date">
          {result.deletionDate === null ? (
            result.recorded || result.voicemails.length ? (
              'never (automatic deletion off)'
            ) : (
              '—'
            )
          ) : (
            <>
              {result.deletionDate} <span className="sim-muted">(R20: counted from when the call ended)</span>
            </>
          )}
        </dd>
        <dt>Handled by</dt>
        <dd>
          {result.handledBy.agentIds.length ? result.handledBy.agentIds.map((id) => workspace.agents.find((a) => a.id === id)?.name ?? id).join(', ') : '—'}
          {groups.length ? ` (ring group ${groups.join(', ')})` : ''}
        </dd>
      </dl>

      <h3>Segments</h3>
      {result.segments.length === 0 ? (
        <p className="sim-muted">No segment recorded.</p>
      ) : (
        <table className="sim-table" aria-label="Segments">
          <thead>
            <tr>
              <th scope="col" className="num">
                #
              </th>
              <th scope="col" className="num">
                Start
              </th>
              <th scope="col" className="num">
                End
              </th>
              <th scope="col" className="num">
                Duration
              </th>
              {mono ? (
                <th scope="col">Mono channel</th>
              ) : (
                <>
                  <th scope="col">Channel A (contact)</th>
                  <th scope="col">Channel B (agent side)</th>
                </>
              )}
              <th scope="col">On tape</th>
              <th scope="col">Ended because</th>
            </tr>
          </thead>
          <tbody>
            {result.segments.map((s, i) => (
              <tr key={`${s.start}-${i}`}>
                <td className="num">{i + 1}</td>
                <td className="num">{secs(s.start)} s</td>
                <td className="num">{secs(s.end)} s</td>
                <td className="num">{secs(s.end - s.start)} s</td>
                {mono ? (
                  <td>{partyNames(workspace, start, [...s.channelA, ...s.channelB])}</td>
                ) : (
                  <>
                    <ChannelCell names={partyNames(workspace, start, s.channelA)} onTape={onTape('A', s.sides)} />
                    <ChannelCell names={partyNames(workspace, start, s.channelB)} onTape={onTape('B', s.sides)} />
                  </>
                )}
                <td data-sides={s.sides}>{SIDES_WORDS[s.sides]}</td>
                <td>{END_REASON_TEXT[s.endReason]}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={3}>Total</td>
              <td className="num">{secs(result.totalRecordedSeconds)} s</td>
              <td colSpan={mono ? 3 : 4} />
            </tr>
          </tfoot>
        </table>
      )}

      <h3>Voicemail recordings</h3>
      {result.voicemails.length === 0 ? (
        <p className="sim-muted">None.</p>
      ) : (
        <table className="sim-table" aria-label="Voicemail recordings">
          <thead>
            <tr>
              <th scope="col" className="num">
                Start
              </th>
              <th scope="col" className="num">
                End
              </th>
              <th scope="col" className="num">
                Duration
              </th>
              <th scope="col">Channel</th>
              <th scope="col">Ended because</th>
            </tr>
          </thead>
          <tbody>
            {result.voicemails.map((v, i) => (
              <tr key={`${v.start}-${i}`}>
                <td className="num">{secs(v.start)} s</td>
                <td className="num">{secs(v.end)} s</td>
                <td className="num">
                  {secs(v.end - v.start)} s <span className="sim-muted">(max {secs(v.maxLengthSeconds)} s)</span>
                </td>
                <td>mono, {partyNames(workspace, start, v.parties)} (R19)</td>
                <td>{VM_END[v.endReason]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>Refused actions</h3>
      {result.rejections.length === 0 ? (
        <p className="sim-muted">None.</p>
      ) : (
        <ul className="sim-rejections" aria-label="Refused actions">
          {result.rejections.map((r, i) => (
            <li key={`${r.at}-${i}`}>
              <strong>{secs(r.at)} s</strong> {describeAction(workspace, start, r.action)}: <span className="sim-no">refused</span> — {r.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
