/**
 * The contract between the Inspector and each kind's `<Kind>Fields` form
 * (`nodes/<kind>/<Kind>Fields.tsx`). Forms are controlled and pure: they
 * receive the node's data and hand back only data that passes the kind's
 * zod schema.
 */
import type { ComponentType } from 'react';
import type { NodeProblem } from '../../nodes/kind.ts';
import type { WorkspaceDoc } from '../../runtime/document/workspace.ts';

export interface FieldsProps<D> {
  /** The node's current (valid) data. */
  data: D;
  /** Called only with data that passes the kind's schema. */
  onChange(next: D): void;
  /** The node's problems; those with a `field` are shown beside that field. */
  problems: NodeProblem[];
  /** Agents, ring groups, numbers and account defaults the form offers or shows. */
  workspace: WorkspaceDoc;
}

/**
 * A problem as the flow checks report it (`Problem` in runtime/checks):
 * a node problem plus the node and port it is about. Declared structurally
 * so the Inspector accepts the checker's objects without importing it.
 */
export interface FlowProblem extends NodeProblem {
  nodeId?: string;
  port?: string;
}

/** A Fields component with its data type erased, as the Inspector looks it up by kind. */
export type AnyFieldsComponent = ComponentType<FieldsProps<unknown>>;
