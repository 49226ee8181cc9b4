/**
 * The contract between the Inspector and each kind's form (the `Form` of its
 * `ui.tsx`). Forms are controlled and pure: they receive the node's data and
 * hand back only data that passes the kind's zod schema.
 */
import type { ComponentType } from 'react';
import type { NodeProblem } from '../../nodes/kit/contract.ts';
import type { WorkspaceView } from '../../nodes/kit/workspace.ts';

export interface FieldsProps<D> {
  /** The node's current (valid) data. */
  data: D;
  /** Called only with data that passes the kind's schema. */
  onChange(next: D): void;
  /** The node's problems; those with a `field` are shown beside that field. */
  problems: NodeProblem[];
  /** Agents, ring groups, numbers and account defaults the form offers or shows. */
  workspace: WorkspaceView;
}

/** A form with its data type erased, as the Inspector looks it up by kind. */
export type AnyFieldsComponent = ComponentType<FieldsProps<unknown>>;
