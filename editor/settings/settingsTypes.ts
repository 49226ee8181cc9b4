import type { WorkspaceDoc } from '../../runtime/document/workspace.ts';

/** The one way settings panels change the workspace: an immer recipe and an undo label. */
export type WorkspaceChange = (recipe: (draft: WorkspaceDoc) => void, label: string) => void;

export interface PanelProps {
  workspace: WorkspaceDoc;
  onChange: WorkspaceChange;
}
