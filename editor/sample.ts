/** The workspace a first visit opens (the sample from `examples/`), and the blank one "Start a blank workspace" opens. */
import { loadExampleWorkspace } from '../examples/index.ts';
import { createFlow } from '../runtime/document/flow.ts';
import { createWorkspace, type WorkspaceDoc } from '../runtime/document/workspace.ts';

export function sampleWorkspace(): WorkspaceDoc {
  return loadExampleWorkspace();
}

/** A workspace with R1's default settings and one flow holding only its Start. */
export function blankWorkspace(): WorkspaceDoc {
  const ws = createWorkspace('My workspace');
  ws.flows.push(createFlow('main', 'Main flow'));
  return ws;
}
