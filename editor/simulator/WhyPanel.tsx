/**
 * Why the call is recorded the way it is: each effective setting with the
 * place its value comes from (R3: the latest Recording node that sets it,
 * the number's override, the account), or the platform that fixes it (R30,
 * with the preset's reason). Values and sources are the runtime's
 * `effectiveSettings()`; a node source can select that node.
 */
import { getKind } from '../../nodes/index.ts';
import type { CallStart, EffectiveSettings, Marker, SettingSource } from '../../runtime/call/types.ts';
import { type PresetSettingName, presetOf } from '../../runtime/platforms/presets.ts';
import { SETTING_TEXT } from '../settings/platform.ts';
import type { FlowDoc } from '../../runtime/document/flow.ts';
import type { WorkspaceDoc } from '../../runtime/document/workspace.ts';
import { nodeName, secs, sourceText } from './format.ts';
import './simulator.css';

export interface WhyPanelProps {
  settings: EffectiveSettings;
  workspace: WorkspaceDoc;
  /** The flow the call runs, to name Recording nodes. */
  flow: FlowDoc | undefined;
  /** Selects a node on the canvas; without it node sources are plain text. */
  onSelectNode?: (nodeId: string) => void;
  /** The call's timeline markers: the Recording nodes it ran so far are listed from them. */
  markers?: readonly Marker[];
  /** Which record setting applies (R4); inbound when not given. */
  direction?: CallStart['direction'];
}

interface Row {
  key: keyof EffectiveSettings;
  name: string;
  rule: string;
  value(s: EffectiveSettings): string;
  /** The preset setting behind the row, whose reason a platform source gives (R30). */
  preset?: (direction: CallStart['direction']) => PresetSettingName;
}

const ROWS: Row[] = [
  {
    key: 'record',
    name: 'Record this call',
    rule: 'R1–R3, R5–R8',
    value: (s) => (s.record.value ? 'on' : 'off'),
    preset: (d) => (d === 'inbound' ? 'recordInbound' : 'recordOutbound'),
  },
  {
    key: 'channels',
    name: 'Channels',
    rule: 'R17',
    value: (s) => (s.channels.value === 'dual' ? 'dual (stereo)' : 'mono'),
    preset: () => 'dualChannel',
  },
  {
    key: 'agentPause',
    name: 'Agent pause and resume',
    rule: 'R10',
    value: (s) => (s.agentPause.value ? 'allowed' : 'not allowed'),
    preset: () => 'agentPause',
  },
  {
    key: 'continueOnExternalTransfer',
    name: 'Keep recording on external transfer',
    rule: 'R14',
    value: (s) => (s.continueOnExternalTransfer.value ? 'on' : 'off'),
    preset: () => 'continueOnExternalTransfer',
  },
  {
    key: 'recordedParties',
    name: 'Sides on tape',
    rule: 'R29',
    value: (s) => SETTING_TEXT.recordedParties.value(s.recordedParties.value),
    preset: () => 'recordedParties',
  },
  { key: 'pauseLeaves', name: 'A pause leaves', rule: 'R30', value: (s) => SETTING_TEXT.pauseLeaves.value(s.pauseLeaves.value), preset: () => 'pauseLeaves' },
  { key: 'recordIvr', name: 'Record the IVR part', rule: 'R31', value: (s) => SETTING_TEXT.recordIvr.value(s.recordIvr.value), preset: () => 'recordIvr' },
  {
    key: 'outsidePartiesChannel',
    name: 'Outside and conferenced parties',
    rule: 'R17, R30',
    value: (s) => SETTING_TEXT.outsidePartiesChannel.value(s.outsidePartiesChannel.value),
    preset: () => 'outsidePartiesChannel',
  },
  {
    key: 'retention',
    name: 'Automatic deletion',
    rule: 'R20',
    value: (s) => (s.retention.value.autoDelete ? `after ${s.retention.value.months} months` : 'off'),
  },
];

/** Whether the node is one that sets recording (a Recording node), rather than, say, where an agent paused. */
function setsRecording(flow: FlowDoc | null | undefined, nodeId: string): boolean {
  const node = flow?.nodes.find((n) => n.id === nodeId);
  return node !== undefined && getKind(node.kind)?.traits.recording !== undefined;
}

function Source({ source, workspace, flow, onSelectNode }: { source: SettingSource } & Omit<WhyPanelProps, 'settings'>) {
  const text = sourceText(workspace, flow, source);
  if (source.kind === 'node' && onSelectNode) {
    return (
      <button type="button" className="sim-link" onClick={() => onSelectNode(source.nodeId)} title={`Select ${nodeName(flow, source.nodeId)} on the canvas`}>
        {text}
      </button>
    );
  }
  return <span>{text}</span>;
}

export default function WhyPanel({ settings, workspace, flow, onSelectNode, markers = [], direction = 'inbound' }: WhyPanelProps) {
  const runs = markers.filter((m) => (m.kind === 'recording-on' || m.kind === 'recording-off') && m.nodeId !== undefined && setsRecording(flow, m.nodeId));
  return (
    <section className="sim-panel sim-why" aria-label="Why: effective settings">
      <table className="sim-table" aria-label="Effective settings">
        <thead>
          <tr>
            <th scope="col">Setting</th>
            <th scope="col">Value now</th>
            <th scope="col">Comes from</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => {
            const source = settings[row.key].source;
            return (
              <tr key={row.key} data-setting={row.key} data-source={source.kind}>
                <th scope="row">
                  {row.name} <span className="sim-muted">({row.rule})</span>
                </th>
                <td>
                  <strong>{row.value(settings)}</strong>
                </td>
                <td>
                  <Source source={source} workspace={workspace} flow={flow} onSelectNode={onSelectNode} />
                  {source.kind === 'platform' && row.preset ? (
                    <span className="sim-muted sim-why__reason"> {presetOf(source.platform).why[row.preset(direction)] ?? ''}</span>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>Recording nodes this call ran</h3>
      {runs.length === 0 ? (
        <p className="sim-muted">None yet: the number's override and the account decide (R7 / R8 defaults apply).</p>
      ) : (
        <ol className="sim-why__runs" aria-label="Recording nodes this call ran">
          {runs.map((m, i) => (
            <li key={`${m.at}-${i}`}>
              <strong>{secs(m.at)} s</strong>{' '}
              {onSelectNode ? (
                <button type="button" className="sim-link" onClick={() => onSelectNode(m.nodeId!)}>
                  {nodeName(flow, m.nodeId!)}
                </button>
              ) : (
                nodeName(flow, m.nodeId!)
              )}
              : {m.label}
            </li>
          ))}
        </ol>
      )}
      <p className="sim-muted">
        R3: a Recording node the call ran wins, then the number's override, then the account. Continue-on-external-transfer, channels
        (except by a Recording node) and deletion are account-wide. R30: a setting {presetOf(workspace.platform).name} fixes comes from
        the platform, whatever the account says.
      </p>
    </section>
  );
}
