/**
 * The workspace a first visit opens: the sample from `examples/` when it is
 * there, otherwise a workspace with one empty flow.
 */
import { createFlow } from '../runtime/document/flow.ts';
import { createWorkspace, type WorkspaceDoc } from '../runtime/document/workspace.ts';

const examples = import.meta.glob<{ loadExampleWorkspace?: () => WorkspaceDoc }>('../examples/index.ts', { eager: true });

export function sampleWorkspace(): WorkspaceDoc {
  const load = examples['../examples/index.ts']?.loadExampleWorkspace;
  if (load) return load();
  return blankWorkspace();
}

/** A workspace with R1's default settings and one flow holding only its Start. */
export function blankWorkspace(): WorkspaceDoc {
  const ws = createWorkspace('My workspace');
  ws.flows.push(createFlow('main', 'Main flow'));
  return ws;
}
