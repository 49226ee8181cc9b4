/**
 * Data the stories render: the sample workspace from examples/ when it is
 * there, else an equivalent built here, plus the problems the flow checks
 * report for it. Stories pick nodes by kind, never by id, so either works.
 */
import { checkFlow, type Problem } from '../runtime/checks/checkFlow.ts';
import type { FlowDoc, FlowNode } from '../runtime/document/flow.ts';
import { createWorkspace, defaultRole, type WorkspaceDoc } from '../runtime/document/workspace.ts';

// H1's sample content (examples/index.ts); a glob so the stories also run in a checkout without it.
const examples = import.meta.glob<() => WorkspaceDoc>('../examples/index.ts', { eager: true, import: 'loadExampleWorkspace' });

function builtInWorkspace(): WorkspaceDoc {
  const ws = createWorkspace('Northwind support');
  ws.roles = [
    defaultRole('agent', 'Agent'),
    {
      ...defaultRole('supervisor', 'Supervisor'),
      download: { allowed: true, scope: 'ringGroup' },
    },
    { ...defaultRole('qa', 'Quality reviewer'), listen: { allowed: true, scope: 'all' } },
  ];
  ws.agents = [
    { id: 'ana', name: 'Ana Silva', roleId: 'agent' },
    { id: 'ben', name: 'Ben Okafor', roleId: 'agent' },
    { id: 'chloe', name: 'Chloé Martin', roleId: 'supervisor' },
    { id: 'dev', name: 'Dev Patel', roleId: 'qa' },
  ];
  ws.ringGroups = [
    { id: 'support', name: 'Support', memberIds: ['ana', 'ben'] },
    { id: 'sales', name: 'Sales', memberIds: ['chloe'] },
  ];
  ws.numbers = [
    {
      id: 'main',
      number: '+1 555 010 0100',
      label: 'Main line',
      flowId: 'main-flow',
      override: { enabled: false, inbound: 'inherit', outbound: 'inherit', agentPause: 'inherit' },
    },
    {
      id: 'eu',
      number: '+44 20 7946 0958',
      label: 'EU hotline',
      flowId: 'main-flow',
      override: { enabled: true, inbound: 'enabled', outbound: 'disabled', agentPause: 'inherit' },
    },
    {
      id: 'direct',
      number: '+1 555 010 0199',
      label: 'Direct to agents',
      flowId: null,
      override: { enabled: false, inbound: 'inherit', outbound: 'inherit', agentPause: 'inherit' },
    },
  ];
  const nodes: FlowNode[] = [
    { id: 'start', kind: 'start', position: { x: 0, y: 0 }, data: { label: 'Incoming call', numberIds: ['main', 'eu'] } },
    {
      id: 'notice',
      kind: 'play',
      position: { x: 0, y: 120 },
      data: { label: 'Recording notice', text: 'This call may be recorded for quality and training.', durationSeconds: 4, recordingNotice: true },
    },
    {
      id: 'record',
      kind: 'recording',
      position: { x: 0, y: 240 },
      data: { label: 'Record from here', record: 'on', channels: 'default', agentPause: 'enabled' },
    },
    {
      id: 'menu',
      kind: 'menu',
      position: { x: 0, y: 360 },
      data: {
        label: 'Main menu',
        prompt: 'Press 1 for sales, 2 for support, 9 for our partner desk.',
        options: [
          { digit: '1', label: 'Sales' },
          { digit: '2', label: 'Support' },
          { digit: '9', label: 'Partner desk' },
        ],
        timeoutSeconds: 8,
      },
    },
    {
      id: 'sales',
      kind: 'assign',
      position: { x: -300, y: 480 },
      data: { label: 'Ring sales', target: { type: 'ringGroup', ringGroupId: 'sales' }, ringTimeoutSeconds: 30 },
    },
    {
      id: 'support',
      kind: 'assign',
      position: { x: 0, y: 480 },
      data: { label: 'Ring support', target: { type: 'ringGroup', ringGroupId: 'support' }, ringTimeoutSeconds: 45 },
    },
    {
      id: 'partner',
      kind: 'transfer',
      position: { x: 300, y: 480 },
      data: { label: 'Partner desk', target: { type: 'external', number: '+1 555 020 0200' }, ringTimeoutSeconds: 30 },
    },
    {
      id: 'vm',
      kind: 'voicemail',
      position: { x: 0, y: 600 },
      data: { label: 'Leave a message', prompt: 'Everyone is busy. Please leave a message after the tone.', maxLengthSeconds: 120 },
    },
    { id: 'bye', kind: 'hangup', position: { x: 0, y: 720 }, data: { label: 'Goodbye' } },
  ];
  const flow: FlowDoc = {
    format: 'recflow.flow',
    version: 2,
    id: 'main-flow',
    name: 'Main line',
    description: 'Recording notice, then a menu to sales, support or the partner desk.',
    nodes,
    edges: [
      { id: 'e1', source: 'start', sourcePort: 'next', target: 'notice' },
      { id: 'e2', source: 'notice', sourcePort: 'next', target: 'record' },
      { id: 'e3', source: 'record', sourcePort: 'next', target: 'menu' },
      { id: 'e4', source: 'menu', sourcePort: '1', target: 'sales' },
      { id: 'e5', source: 'menu', sourcePort: '2', target: 'support' },
      { id: 'e6', source: 'menu', sourcePort: '9', target: 'partner' },
      { id: 'e7', source: 'menu', sourcePort: 'timeout', target: 'support' },
      { id: 'e8', source: 'menu', sourcePort: 'invalid', target: 'menu' },
      { id: 'e9', source: 'sales', sourcePort: 'noAnswer', target: 'vm' },
      { id: 'e10', source: 'support', sourcePort: 'noAnswer', target: 'vm' },
      { id: 'e11', source: 'partner', sourcePort: 'failed', target: 'vm' },
      { id: 'e12', source: 'vm', sourcePort: 'next', target: 'bye' },
    ],
  };
  ws.flows = [flow];
  return ws;
}

function loadWorkspace(): WorkspaceDoc {
  const load = Object.values(examples)[0];
  if (load !== undefined) {
    const ws = load();
    // The stories need a flow holding every kind; the first example flow has them all.
    if (ws.flows[0] && new Set(ws.flows[0].nodes.map((n) => n.kind)).size === 8) return ws;
  }
  return builtInWorkspace();
}

/** A fresh copy each call, so a story that edits it never leaks into another. */
export function sampleWorkspace(): WorkspaceDoc {
  return structuredClone(loadWorkspace());
}

export function sampleFlow(ws: WorkspaceDoc = sampleWorkspace()): FlowDoc {
  const flow = ws.flows[0];
  if (!flow) throw new Error('the sample workspace has no flow');
  return flow;
}

/** The first node of a kind in the sample flow. */
export function nodeOfKind<K extends FlowNode['kind']>(kind: K, flow: FlowDoc = sampleFlow()): Extract<FlowNode, { kind: K }> {
  const node = flow.nodes.find((n): n is Extract<FlowNode, { kind: K }> => n.kind === kind);
  if (!node) throw new Error(`the sample flow has no ${kind} node`);
  return node;
}

export function problemsOf(flow: FlowDoc, ws: WorkspaceDoc): Problem[] {
  return checkFlow(flow, { workspace: ws });
}
