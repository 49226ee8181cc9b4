/**
 * The call on a time axis (SVG): call phases, one lane per recorded channel
 * (A = contact, left; B = agent side, right; or one mixed lane when mono),
 * recorded segments as bars labelled with their seconds (a side a segment
 * does not record drawn hatched as not on tape, R29; a pause kept as silence
 * drawn apart from one cut out, R30), and markers for pause, resume,
 * transfer, hang-up and refused actions. Everything drawn is
 * the runtime's R21 result; the component only lays it out.
 */
import { type FocusEvent, type MouseEvent, type ReactNode, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { CallResult, CallStart, ChannelLayout, Marker, Phase, Segment } from '../../runtime/call/types.ts';
import type { FlowDoc } from '../../runtime/document/flow.ts';
import type { WorkspaceDoc } from '../../runtime/document/workspace.ts';
import { ACTION_WORD, END_REASON_TEXT, nodeName, PHASE_TEXT, partyNames, secs, span } from './format.ts';
import {
  externalCut,
  FAMILY_TEXT,
  fitText,
  type LaneKey,
  markerLabels,
  markerWord,
  type MarkerFamily,
  type PlacedMarker,
  pauseGaps,
  placeLabels,
  placeMarkers,
  onTape,
  SIDES_WORDS,
  tickLabel,
  tickStep,
  ticks,
} from './timelineLayout.ts';
import './simulator.css';

export interface TimelineProps {
  result: CallResult;
  workspace: WorkspaceDoc;
  start: CallStart;
  /** The flow the call ran, to name the nodes of IVR phases. */
  flow?: FlowDoc;
  /** Layout to draw before anything is recorded (the call's effective channels). */
  layoutHint?: ChannelLayout;
  /** Initial pixels per second; by default the call is fitted to the width. */
  initialPxPerSecond?: number;
}

const AXIS_H = 26;
const PHASE_H = 34;
const LANE_H = 62;
const BAR_Y = 8;
const BAR_H = 24;
const MARK_H = 54;
const PAD_X = 12;
const MIN_PPS = 0.5;
const MAX_PPS = 120;

interface Tip {
  x: number;
  y: number;
  /** Shown above the element when there is no room under it. */
  above: boolean;
  text: string;
}

interface Lane {
  key: LaneKey;
  title: string;
  sub: string;
  segments: Segment[];
}

function lanesFor(layout: ChannelLayout, segments: Segment[]): Lane[] {
  if (layout === 'mono') return [{ key: 'mono', title: 'Mono', sub: 'contact and agent side mixed', segments }];
  return [
    { key: 'A', title: 'Channel A', sub: 'contact · left', segments },
    { key: 'B', title: 'Channel B', sub: 'agent side · right', segments },
  ];
}

function phaseText(ws: WorkspaceDoc, start: CallStart, flow: FlowDoc | undefined, p: Phase): string {
  const names = partyNames(ws, start, p.parties);
  switch (p.kind) {
    case 'ivr':
    case 'voicemail':
    case 'ringing':
      return p.nodeId ? `${PHASE_TEXT[p.kind]} · ${nodeName(flow, p.nodeId)}` : PHASE_TEXT[p.kind];
    case 'agent':
      return names;
    case 'conference':
    case 'outside':
      return `${PHASE_TEXT[p.kind]}: ${names}`;
    default:
      return PHASE_TEXT[p.kind];
  }
}

/** A phase's label shortened to its box (4 px in from each side), or nothing when too little fits. */
function clip(text: string, width: number): string {
  return fitText(text, width - 8);
}

/** What an event marker says beside it: a refusal says what was refused and why (R10), the rest their own word. */
function markerText(marker: Marker, result: CallResult): string {
  if (marker.kind !== 'refusal') return markerWord(marker.kind);
  const rejection = result.rejections.find((r) => r.at === marker.at && r.message === marker.label);
  return `${rejection ? `${ACTION_WORD[rejection.action.type] ?? rejection.action.type} ` : ''}refused: ${marker.label}`;
}

function MarkerShape({ family }: { family: MarkerFamily }) {
  switch (family) {
    case 'pause':
      return (
        <>
          <rect x={-5} y={-6} width={4} height={12} />
          <rect x={1} y={-6} width={4} height={12} />
        </>
      );
    case 'resume':
      return <path d="M -5 -6 L 6 0 L -5 6 Z" />;
    case 'transfer':
      return <path d="M 0 -7 L 7 0 L 0 7 L -7 0 Z" />;
    case 'hang-up':
      return <rect x={-5.5} y={-5.5} width={11} height={11} rx={1.5} />;
    case 'refusal':
      return (
        <>
          <circle r={7} />
          <path d="M -3.5 -3.5 L 3.5 3.5 M 3.5 -3.5 L -3.5 3.5" className="sim-tl__refusal-x" />
        </>
      );
    case 'recording':
      return <circle r={4.5} />;
    case 'vm-recording':
      return <rect x={-4.5} y={-4.5} width={9} height={9} rx={2} />;
    case 'party':
      return <path d="M 0 -5 L 5 5 L -5 5 Z" />;
    case 'external':
      return <path d="M -1 -7 L -1 7 M -1 -7 L 7 -4 L -1 -1" />;
  }
}

const LEGEND: MarkerFamily[] = ['pause', 'resume', 'transfer', 'hang-up', 'refusal', 'recording', 'vm-recording', 'party', 'external'];

/** The hatching drawn over a side that is not on tape (R29); one per SVG, since an id reaches only its own document part. */
function OffTapePattern({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" className="sim-tl__offtape-bg" />
        <line x1="0" y1="0" x2="0" y2="6" className="sim-tl__offtape-line" />
      </pattern>
    </defs>
  );
}

/** The legend; the entries for a side not on tape (R29) and a pause kept as silence (R30) only when the call has them. */
export function Legend({ offTape = false, silence = false }: { offTape?: boolean; silence?: boolean }) {
  const pattern = `offtape-legend-${useId().replace(/:/g, '')}`;
  return (
    <ul className="sim-tl__legend" aria-label="Timeline legend">
      <li>
        <svg width="22" height="12" aria-hidden="true">
          <rect x="1" y="1" width="20" height="10" rx="2" className="sim-tl__bar" />
        </svg>
        Recorded
      </li>
      <li>
        <svg width="22" height="12" aria-hidden="true">
          <rect x="1" y="1" width="20" height="10" className="sim-tl__gap" />
        </svg>
        Paused (not recorded)
      </li>
      {silence ? (
        <li>
          <svg width="22" height="12" aria-hidden="true">
            <rect x="1" y="1" width="20" height="10" className="sim-tl__silence" />
          </svg>
          Paused, kept as silence (R30)
        </li>
      ) : null}
      {offTape ? (
        <li>
          <svg width="22" height="12" aria-hidden="true">
            <OffTapePattern id={pattern} />
            <rect x="1" y="1" width="20" height="10" className="sim-tl__offtape" fill={`url(#${pattern})`} />
          </svg>
          Side not on tape (R29)
        </li>
      ) : null}
      <li>
        <svg width="22" height="12" aria-hidden="true">
          <rect x="1" y="1" width="20" height="10" className="sim-tl__cut" />
        </svg>
        External portion, not recorded
      </li>
      {LEGEND.map((f) => (
        <li key={f}>
          <svg width="16" height="16" viewBox="-8 -8 16 16" aria-hidden="true" className={`sim-tl__marker sim-tl__marker--${f}`}>
            <MarkerShape family={f} />
          </svg>
          {FAMILY_TEXT[f]}
        </li>
      ))}
    </ul>
  );
}

export default function Timeline({ result, workspace, start, flow, layoutHint = 'dual', initialPxPerSecond }: TimelineProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  const [fit, setFit] = useState(initialPxPerSecond === undefined);
  const [manualPps, setManualPps] = useState(initialPxPerSecond ?? 10);
  const [tip, setTip] = useState<Tip | null>(null);
  const tipId = useId();
  const hatch = `offtape-${useId().replace(/:/g, '')}`;

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const extent = Math.max(result.duration, 10);
  const fitPps = Math.min(MAX_PPS, Math.max(MIN_PPS, (width - PAD_X * 2) / extent));
  const pps = fit ? fitPps : manualPps;
  const x = (t: number) => PAD_X + t * pps;
  // Fitted, the drawing is exactly as wide as its box: no scrollbar to appear and change that width again.
  const svgWidth = fit ? Math.max(width, Math.floor(x(extent) + PAD_X)) : Math.max(width, Math.ceil(x(extent) + PAD_X));

  // Keep the current end in view while zoomed in on a running call (only when the call moves on, not on every hover).
  const endX = x(result.duration);
  useEffect(() => {
    const el = scrollRef.current;
    if (el && !fit && !result.ended) el.scrollLeft = Math.max(0, endX - el.clientWidth + 40);
  }, [endX, fit, result.ended]);

  const layout: ChannelLayout = result.channels ?? layoutHint;
  const lanes = lanesFor(layout, result.segments);
  const gaps = pauseGaps(result);
  const cut = externalCut(result);
  const step = tickStep(pps);
  const laneTop = (i: number) => AXIS_H + PHASE_H + i * LANE_H;
  const markTop = laneTop(lanes.length);
  const height = markTop + MARK_H;
  const placed = placeMarkers(result.timeline.markers, x);
  const markerTexts = markerLabels(
    placed,
    placed.map((m) => markerText(m.marker, result)),
    svgWidth - 2,
  );
  const refusals = result.rejections;

  const zoom = (factor: number) => {
    setManualPps(Math.min(MAX_PPS, Math.max(MIN_PPS, pps * factor)));
    setFit(false);
  };

  const show = (text: string) => (e: MouseEvent<SVGGElement> | FocusEvent<SVGGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const below = box.bottom + 90 < window.innerHeight;
    setTip({ x: Math.min(Math.max(box.left + box.width / 2, 150), window.innerWidth - 150), y: below ? box.bottom + 6 : box.top - 6, above: !below, text });
  };
  const hide = () => setTip(null);
  const tipProps = (text: string) => ({
    tabIndex: 0,
    role: 'img' as const,
    'aria-label': text,
    'aria-describedby': tip?.text === text ? tipId : undefined,
    onMouseEnter: show(text),
    onMouseLeave: hide,
    onFocus: show(text),
    onBlur: hide,
  });

  const channelName = (laneKey: LaneKey) => (laneKey === 'mono' ? 'the mono channel' : `channel ${laneKey}`);
  const segmentTip = (s: Segment, laneKey: LaneKey) => {
    const who =
      laneKey === 'A'
        ? partyNames(workspace, start, s.channelA)
        : laneKey === 'B'
          ? partyNames(workspace, start, s.channelB)
          : partyNames(workspace, start, [...s.channelA, ...s.channelB]);
    // R29: a mono recording of one side says which one it holds.
    const sides = laneKey === 'mono' && s.sides !== 'both' ? ` (${SIDES_WORDS[s.sides]} on tape)` : '';
    return `Recorded ${span(s.start, s.end)} (${secs(s.end - s.start)} s) on ${channelName(laneKey)}${sides}: ${who}. Ended: ${END_REASON_TEXT[s.endReason]}.`;
  };
  const offTapeTip = (s: Segment, laneKey: LaneKey) =>
    `Not on tape ${span(s.start, s.end)}: ${channelName(laneKey)} (${laneKey === 'A' ? 'the contact' : 'the agent side'}) is not recorded; this segment records ${SIDES_WORDS[s.sides]} (R29).`;

  const lanesOut: ReactNode[] = lanes.map((lane, i) => {
    const top = laneTop(i);
    // R29: segments whose side of this lane is on tape are bars; the others are drawn hatched as not on tape.
    const recorded = lane.segments.filter((s) => onTape(lane.key, s.sides));
    const offTape = lane.segments.filter((s) => !onTape(lane.key, s.sides));
    const bars = recorded.map((s) => ({ x: x(s.start), width: Math.max(2, (s.end - s.start) * pps), text: span(s.start, s.end) }));
    const labels = placeLabels(bars, svgWidth - 2);
    return (
      <g key={lane.key} transform={`translate(0 ${top})`} className="sim-tl__lane" data-lane={lane.key}>
        <rect x={0} y={0} width={svgWidth} height={LANE_H} className={i % 2 ? 'sim-tl__lane-bg sim-tl__lane-bg--alt' : 'sim-tl__lane-bg'} />
        {gaps.map((g) => (
          <g
            key={`gap${g.start}`}
            data-pause={g.silent ? 'silence' : 'gap'}
            {...tipProps(
              g.silent
                ? `Paused ${span(g.start, g.end)}: kept in the recording as silence on ${channelName(lane.key)}, no audio (R30).`
                : `Paused ${span(g.start, g.end)}: not recorded on ${channelName(lane.key)} (R11).`,
            )}
          >
            <rect x={x(g.start)} y={BAR_Y} width={Math.max(2, (g.end - g.start) * pps)} height={BAR_H} className={g.silent ? 'sim-tl__silence' : 'sim-tl__gap'} />
            {(g.end - g.start) * pps > 52 ? (
              <text x={x(g.start) + ((g.end - g.start) * pps) / 2} y={BAR_Y + BAR_H / 2 + 4} textAnchor="middle" className="sim-tl__cut-text">
                {g.silent ? 'silence' : 'paused'}
              </text>
            ) : null}
          </g>
        ))}
        {offTape.map((s, j) => {
          const w = Math.max(2, (s.end - s.start) * pps);
          return (
            <g key={`off${s.start}-${j}`} data-off-tape={span(s.start, s.end)} {...tipProps(offTapeTip(s, lane.key))}>
              <rect x={x(s.start)} y={BAR_Y} width={w} height={BAR_H} rx={3} className="sim-tl__offtape" fill={`url(#${hatch})`} />
              {w > 80 ? (
                <text x={x(s.start) + w / 2} y={BAR_Y + BAR_H / 2 + 4} textAnchor="middle" className="sim-tl__offtape-text">
                  {fitText('not on tape', w - 8)}
                </text>
              ) : null}
            </g>
          );
        })}
        {cut ? (
          <g {...tipProps(`From ${secs(cut.start)} s the external portion is not recorded (R14).`)}>
            <rect x={x(cut.start)} y={BAR_Y} width={Math.max(2, (cut.end - cut.start) * pps)} height={BAR_H} className="sim-tl__cut" />
            {(cut.end - cut.start) * pps > 130 ? (
              <text x={x(cut.start) + 6} y={BAR_Y + BAR_H / 2 + 4} className="sim-tl__cut-text">
                not recorded
              </text>
            ) : null}
          </g>
        ) : null}
        {recorded.map((s, j) => {
          const bar = bars[j]!;
          const label = labels[j]!;
          const open = s.endReason === 'in-progress';
          return (
            <g
              key={`${s.start}-${j}`}
              className="sim-tl__segment"
              data-segment={span(s.start, s.end)}
              data-sides={s.sides}
              {...tipProps(segmentTip(s, lane.key))}
            >
              <rect x={bar.x} y={BAR_Y} width={bar.width} height={BAR_H} rx={3} className={open ? 'sim-tl__bar sim-tl__bar--open' : 'sim-tl__bar'} />
              {label.row === null ? null : (
                <text
                  x={label.x + (label.anchor === 'start' ? 1 : 0)}
                  y={label.row === 0 ? BAR_Y + BAR_H / 2 + 4 : BAR_Y + BAR_H + 12 * label.row}
                  textAnchor={label.anchor}
                  className={label.row === 0 ? 'sim-tl__bar-text' : 'sim-tl__bar-text sim-tl__bar-text--out'}
                >
                  {bar.text}
                </text>
              )}
            </g>
          );
        })}
        {lane.segments.length === 0 ? (
          <text x={PAD_X + 4} y={BAR_Y + BAR_H / 2 + 4} className="sim-tl__empty">
            nothing recorded
          </text>
        ) : null}
      </g>
    );
  });

  const phases = result.timeline.phases;
  // R30: where a pause leaves silence, the recording is longer than the audio on it.
  const silentSeconds = result.recordingSeconds - result.totalRecordedSeconds;
  const hasOffTape = lanes.some((l) => l.segments.some((s) => !onTape(l.key, s.sides)));

  return (
    <section className="sim-tl" aria-label="Call timeline">
      <div className="sim-tl__toolbar">
        <span className="sim-tl__summary">
          {result.recorded ? `${secs(result.totalRecordedSeconds)} s recorded` : 'Nothing recorded'} of {secs(result.duration)} s
          {result.ended ? '' : ' (call in progress)'}
          {silentSeconds > 0.001 ? ` · the recording is ${secs(result.recordingSeconds)} s long, ${secs(silentSeconds)} s of it silence (R30)` : ''}
        </span>
        <div className="sim-tl__zoom" role="group" aria-label="Zoom">
          <button type="button" onClick={() => zoom(1 / 1.5)} aria-label="Zoom out">
            −
          </button>
          <button type="button" onClick={() => zoom(1.5)} aria-label="Zoom in">
            +
          </button>
          <button type="button" onClick={() => setFit(true)} aria-pressed={fit}>
            Fit
          </button>
        </div>
      </div>
      <div className="sim-tl__body">
        <div className="sim-tl__labels" aria-hidden="true">
          <div style={{ height: AXIS_H }} />
          <div className="sim-tl__label" style={{ height: PHASE_H }}>
            <strong>Phases</strong>
          </div>
          {lanes.map((l) => (
            <div key={l.key} className="sim-tl__label" style={{ height: LANE_H }}>
              <strong>{l.title}</strong>
              <span>{l.sub}</span>
            </div>
          ))}
          <div className="sim-tl__label" style={{ height: MARK_H }}>
            <strong>Events</strong>
          </div>
        </div>
        <div className="sim-tl__scroll" ref={scrollRef}>
          <svg width={svgWidth} height={height} className="sim-tl__svg" role="group" aria-label={`Timeline of ${secs(result.duration)} seconds`}>
            <OffTapePattern id={hatch} />
            <g className="sim-tl__axis">
              {ticks(extent, step).map((t) => (
                <g key={t} transform={`translate(${x(t)} 0)`}>
                  <line y1={AXIS_H - 6} y2={height} className="sim-tl__grid" />
                  <text y={AXIS_H - 10} textAnchor={t === 0 ? 'start' : 'middle'} className="sim-tl__tick">
                    {tickLabel(t)}
                  </text>
                </g>
              ))}
            </g>
            <g transform={`translate(0 ${AXIS_H})`} data-lane="phases">
              {phases.map((p, i) => {
                const w = Math.max(2, (p.end - p.start) * pps);
                const text = phaseText(workspace, start, flow, p);
                return (
                  <g key={`${p.start}-${i}`} {...tipProps(`${text} ${span(p.start, p.end)}${p.parties.length ? `: ${partyNames(workspace, start, p.parties)}` : ''}`)}>
                    <rect x={x(p.start)} y={5} width={w} height={PHASE_H - 10} rx={3} className={`sim-tl__phase sim-tl__phase--${p.kind}`} />
                    <text x={x(p.start) + 4} y={PHASE_H / 2 + 4} className="sim-tl__phase-text">
                      {clip(text, w)}
                    </text>
                  </g>
                );
              })}
            </g>
            {lanesOut}
            <g transform={`translate(0 ${markTop})`} data-lane="events">
              {placed.map((m: PlacedMarker, i) => (
                <g
                  key={`${m.marker.at}-${i}`}
                  transform={`translate(${m.x} ${12 + m.row * 15})`}
                  className={`sim-tl__marker sim-tl__marker--${m.family}`}
                  data-marker={m.marker.kind}
                  {...tipProps(`${FAMILY_TEXT[m.family]} at ${secs(m.marker.at)} s: ${m.marker.label}`)}
                >
                  <MarkerShape family={m.family} />
                  {markerTexts[i]?.text ? (
                    <text
                      x={markerTexts[i].side === 'right' ? 9 : -9}
                      y={4}
                      textAnchor={markerTexts[i].side === 'right' ? 'start' : 'end'}
                      className="sim-tl__marker-text"
                    >
                      {markerTexts[i].text}
                    </text>
                  ) : null}
                </g>
              ))}
            </g>
            {result.externalPortionAt !== null ? (
              <line x1={x(result.externalPortionAt)} x2={x(result.externalPortionAt)} y1={AXIS_H} y2={height} className="sim-tl__external-line" />
            ) : null}
            {!result.ended ? <line x1={x(result.duration)} x2={x(result.duration)} y1={AXIS_H - 4} y2={height} className="sim-tl__now" /> : null}
          </svg>
          {tip ? (
            <div id={tipId} role="tooltip" className={tip.above ? 'sim-tl__tip sim-tl__tip--above' : 'sim-tl__tip'} style={{ left: tip.x, top: tip.y }}>
              {tip.text}
            </div>
          ) : null}
        </div>
      </div>
      {refusals.length > 0 ? (
        <ul className="sim-tl__refusals" aria-label="Refused actions">
          {refusals.map((r, i) => (
            <li key={i}>
              <strong>
                {secs(r.at)} s · {ACTION_WORD[r.action.type] ?? r.action.type} refused:
              </strong>{' '}
              {r.message}
            </li>
          ))}
        </ul>
      ) : null}
      <Legend offTape={hasOffTape} silence={gaps.some((g) => g.silent)} />
    </section>
  );
}
