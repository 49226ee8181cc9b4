/**
 * The simulator drawer under the editor: start a call, drive it, and read
 * what it leaves on tape (timeline, segments, why, access, scenarios).
 *
 * Wiring with the editor store: the workspace flows in (an edit replays the
 * call on the edited documents), the canvas highlight flows out through
 * `setSimulation` (UI state, never history), and a node source in the Why
 * panel selects its node. The call itself lives in the simulator's own
 * store.
 */
import { useReactFlow } from '@xyflow/react';
import { useEffect, useRef, useState } from 'react';
import type { CallStart } from '../../runtime/call/types.ts';
import { presetOf } from '../../runtime/platforms/presets.ts';
import { fitNodes } from '../canvas/fit.ts';
import { type HeightLimits, HeightSplitter, useStoredHeight } from '../ui/HeightSplitter.tsx';
import type { FlowRFNode } from '../canvas/nodeViewData.ts';
import type { FlowRFEdge } from '../canvas/reconcile.ts';
import { useEditor, useStore } from '../store/react.tsx';
import type { EditorStore, SimulationHighlight } from '../store/store.ts';
import AccessPanel from './AccessPanel.tsx';
import CallControls from './CallControls.tsx';
import ScenariosPanel from './ScenariosPanel.tsx';
import SegmentsPanel from './SegmentsPanel.tsx';
import { createSimStore, type FlowChoice, type SimSnapshot, type SimStore } from './simStore.ts';
import StartForm from './StartForm.tsx';
import Timeline from './Timeline.tsx';
import { useSim } from './useSim.ts';
import WhyPanel from './WhyPanel.tsx';
import { defaultScenarioStorage, type ScenarioStorage } from './scenarioStorage.ts';
import './simulator.css';

type Tab = 'timeline' | 'segments' | 'why' | 'access' | 'scenarios';
const TABS: Array<{ id: Tab; label: string }> = [
  { id: 'timeline', label: 'Timeline' },
  { id: 'segments', label: 'Segments' },
  { id: 'why', label: 'Why' },
  { id: 'access', label: 'Access' },
  { id: 'scenarios', label: 'Scenarios' },
];

/** The canvas highlight for a call: the node it is at and the nodes it went through. */
/** The drawer's body: room for the start form at least, and the canvas and top bar keep about 260 px above it. */
const DRAWER_HEIGHT: HeightLimits = { min: 160, max: (windowHeight) => windowHeight - 260 };

export function highlightOf(call: SimSnapshot | null, flowOnScreen: string): SimulationHighlight | null {
  if (!call || call.flowId !== flowOnScreen) return null;
  return { activeNodeId: call.currentNodeId, visitedNodeIds: call.path };
}

function sameHighlight(a: SimulationHighlight | null, b: SimulationHighlight | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.activeNodeId === b.activeNodeId && a.visitedNodeIds.length === b.visitedNodeIds.length && a.visitedNodeIds.every((id, i) => id === b.visitedNodeIds[i]);
}

/** Keeps the editor's canvas highlight in step with the call, setting it only when it really changed. */
function useCanvasHighlight(editor: EditorStore, sim: SimStore, open: boolean) {
  const call = useSim(sim, (s) => s.call);
  const flowOnScreen = useEditor((s) => s.currentFlowId);
  const last = useRef<SimulationHighlight | null>(null);
  useEffect(() => {
    const next = open ? highlightOf(call, flowOnScreen) : null;
    if (sameHighlight(next, last.current)) return;
    last.current = next;
    editor.setSimulation(next);
  }, [editor, call, flowOnScreen, open]);
  useEffect(
    () => () => {
      editor.setSimulation(null);
    },
    [editor],
  );
}

export default function SimulatorDrawer({ storage = defaultScenarioStorage }: { storage?: ScenarioStorage }) {
  const editor = useStore();
  const workspace = useEditor((s) => s.workspace);
  const currentFlowId = useEditor((s) => s.currentFlowId);
  const [sim] = useState(() => createSimStore(workspace));
  const [open, setOpen] = useState(false);
  const [tab, setTab] = useState<Tab>('timeline');
  const [starting, setStarting] = useState(true);
  const call = useSim(sim, (s) => s.call);
  const advance = useSim(sim, (s) => s.advance);
  const note = useSim(sim, (s) => s.note);
  // R30: the platform whose recording the simulation follows.
  const platformName = presetOf(workspace.platform).name;

  useEffect(() => sim.setWorkspace(workspace), [sim, workspace]);
  useCanvasHighlight(editor, sim, open);
  const [follow, setFollow] = useState(true);
  const bodyRef = useRef<HTMLDivElement>(null);
  const [bodyHeight, setBodyHeight] = useStoredHeight('recflow.simulatorHeight', DRAWER_HEIGHT);
  const rf = useReactFlow<FlowRFNode, FlowRFEdge>();
  const view = useEditor((s) => s.view);
  const activeNode = call && call.flowId === currentFlowId ? call.currentNodeId : null;
  // Keep the node the call is at in sight: the drawer leaves the canvas little room.
  useEffect(() => {
    if (!open || !follow || view !== 'canvas' || activeNode === null) return;
    fitNodes(rf, { nodeIds: [activeNode], duration: 250, maxZoom: 1, padding: 0.6 });
  }, [rf, open, follow, view, activeNode]);

  const flow = call?.flowId ? workspace.flows.find((f) => f.id === call.flowId) : undefined;
  const start = (s: CallStart, choice: FlowChoice) => {
    sim.start(s, choice);
    setStarting(false);
    const flowId = sim.getState().call?.flowId;
    // Show the flow the call runs, so the highlight is visible.
    if (flowId && flowId !== editor.getState().currentFlowId) editor.setCurrentFlow(flowId);
  };
  const selectNode = (nodeId: string) => {
    if (!call?.flowId) return;
    editor.setView('canvas');
    editor.setCurrentFlow(call.flowId);
    editor.setSelection([nodeId]);
    // After the view switch has rendered the canvas.
    requestAnimationFrame(() => fitNodes(rf, { nodeIds: [nodeId], duration: 250, maxZoom: 1, padding: 0.6 }));
  };

  return (
    <section className={open ? 'sim-drawer is-open' : 'sim-drawer'} aria-label="Call simulator">
      {open ? (
        <HeightSplitter
          label="Resize the call simulator"
          controls="sim-drawer-body"
          current={() => bodyRef.current?.offsetHeight ?? 0}
          value={bodyHeight}
          limits={DRAWER_HEIGHT}
          onResize={setBodyHeight}
        />
      ) : null}
      <div className="sim-drawer__bar">
        <button type="button" className="sim-btn sim-drawer__toggle" aria-expanded={open} aria-controls="sim-drawer-body" onClick={() => setOpen(!open)}>
          {open ? '▾' : '▸'} Simulate a call
        </button>
        {open ? (
          <label className="sim-check sim-drawer__follow">
            <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} /> Follow the call on the canvas
          </label>
        ) : null}
        {call ? (
          <span className="sim-drawer__summary" aria-live="polite">
            {call.start.direction} call on {platformName} · t = {Math.round(call.time * 100) / 100} s · {call.ended ? 'ended' : 'in progress'} ·{' '}
            {call.result.recorded ? `${Math.round(call.result.totalRecordedSeconds * 100) / 100} s recorded` : 'nothing recorded'}
          </span>
        ) : (
          <span className="sim-drawer__summary sim-muted">Walk a call through the flow and see what {platformName} records.</span>
        )}
      </div>
      {open ? (
        <div className="sim-drawer__body" id="sim-drawer-body" ref={bodyRef} style={bodyHeight === null ? undefined : { height: bodyHeight }}>
          <div className="sim-drawer__left sim-panel">
            {call && !starting ? (
              <CallControls
                call={call}
                advance={advance}
                note={note}
                workspace={workspace}
                flow={flow}
                store={sim}
                onNewCall={() => setStarting(true)}
              />
            ) : (
              <>
                <h3>Start a call</h3>
                <StartForm workspace={workspace} currentFlowId={currentFlowId} onStart={start} />
                {call ? (
                  <button type="button" className="sim-btn" onClick={() => setStarting(false)} style={{ marginTop: 8 }}>
                    Back to the current call
                  </button>
                ) : null}
              </>
            )}
          </div>
          <div className="sim-drawer__right">
            <div role="tablist" aria-label="Simulation results" className="sim-tabs">
              {TABS.map((t) => (
                <button
                  key={t.id}
                  type="button"
                  role="tab"
                  id={`sim-tab-${t.id}`}
                  aria-selected={tab === t.id}
                  aria-controls={tab === t.id ? `sim-tabpanel-${t.id}` : undefined}
                  tabIndex={tab === t.id ? 0 : -1}
                  className="sim-tab"
                  onClick={() => setTab(t.id)}
                  onKeyDown={(e) => {
                    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
                    const i = TABS.findIndex((x) => x.id === tab);
                    const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
                    setTab(next.id);
                    document.getElementById(`sim-tab-${next.id}`)?.focus();
                  }}
                >
                  {t.label}
                </button>
              ))}
            </div>
            <div role="tabpanel" id={`sim-tabpanel-${tab}`} aria-labelledby={`sim-tab-${tab}`} className="sim-tabpanel">
              {tab === 'scenarios' ? (
                <ScenariosPanel workspace={workspace} sim={sim} storage={storage} currentFlowId={currentFlowId} />
              ) : !call ? (
                <p className="sim-muted">Start a call to see its timeline, segments, settings and access.</p>
              ) : tab === 'timeline' ? (
                <Timeline result={call.result} workspace={workspace} start={call.start} flow={flow} layoutHint={call.settings.channels.value} />
              ) : tab === 'segments' ? (
                <SegmentsPanel result={call.result} workspace={workspace} start={call.start} />
              ) : tab === 'why' ? (
                <WhyPanel
                  settings={call.settings}
                  workspace={workspace}
                  flow={flow}
                  onSelectNode={selectNode}
                  markers={call.result.timeline.markers}
                  direction={call.start.direction}
                />
              ) : (
                <AccessPanel workspace={workspace} result={call.result} />
              )}
            </div>
          </div>
        </div>
      ) : null}
    </section>
  );
}
