import type { WorkspaceDoc } from '../../runtime/document/workspace.ts';

/**
 * The one way settings panels change the workspace: an immer recipe and an
 * undo label. Edits made by typing (renames, numbers, retention) use a label
 * that stays the same while the user types, so the store may merge
 * consecutive changes with the same label into one undo step.
 */
export type WorkspaceChange = (recipe: (draft: WorkspaceDoc) => void, label: string) => void;

export interface PanelProps {
  workspace: WorkspaceDoc;
  onChange: WorkspaceChange;
}
