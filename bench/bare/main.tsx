/**
 * The benchmark baseline: a bare React Flow page, as React Flow's own examples
 * write it (controlled nodes and edges, default node type, nothing else), fed
 * the same generated flow as the editor. Query parameters (set by bench/run.ts):
 * `bench` the saved-state JSON to read, `w`/`h` the canvas size and `vp`
 * ("x,y,zoom") the viewport, both copied from the editor so both pages show the
 * same part of the flow in the same box; `select` the ids to start selected.
 */
import { type Edge, type Node, ReactFlow, useEdgesState, useNodesState, type Viewport } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { createRoot } from 'react-dom/client';

interface SavedFlow {
  workspace: {
    flows: Array<{
      nodes: Array<{ id: string; position: { x: number; y: number }; data: { label?: string } }>;
      edges: Array<{ id: string; source: string; target: string }>;
    }>;
  };
}

const params = new URLSearchParams(location.search);
const saved = (await (await fetch(params.get('bench') ?? '')).json()) as SavedFlow;
const flow = saved.workspace.flows[0]!;
const selected = new Set((params.get('select') ?? '').split(',').filter(Boolean));
const initialNodes: Node[] = flow.nodes.map((n) => ({
  id: n.id,
  position: n.position,
  data: { label: n.data.label ?? n.id },
  selected: selected.has(n.id),
}));
const initialEdges: Edge[] = flow.edges.map((e) => ({ id: e.id, source: e.source, target: e.target }));
const vp = (params.get('vp') ?? '').split(',').map(Number);
const viewport: Viewport | undefined = vp.length === 3 && vp.every(Number.isFinite) ? { x: vp[0]!, y: vp[1]!, zoom: vp[2]! } : undefined;

function Bare() {
  const [nodes, , onNodesChange] = useNodesState(initialNodes);
  const [edges, , onEdgesChange] = useEdgesState(initialEdges);
  return (
    <div style={{ width: Number(params.get('w')) || '100vw', height: Number(params.get('h')) || '100vh' }}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        minZoom={0.1}
        maxZoom={2}
        {...(viewport ? { defaultViewport: viewport } : { fitView: true })}
      />
    </div>
  );
}

createRoot(document.getElementById('root')!).render(<Bare />);
