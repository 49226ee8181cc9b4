/**
 * A select of the workspace's agents or ring groups, for Assign and Transfer.
 * An id the workspace does not know (deleted agent) stays listed so the
 * control shows the truth and the node's problem can point at it.
 */
import type { NodeProblem } from '../../nodes/kit/contract.ts';
import type { WorkspaceView } from '../../nodes/kit/workspace.ts';
import { type Choice, SelectField } from './widgets.tsx';

export function PeoplePicker({
  kind,
  value,
  workspace,
  onPick,
  problems,
  error,
  label,
}: {
  kind: 'agent' | 'ringGroup';
  value: string;
  workspace: WorkspaceView;
  onPick(id: string): void;
  problems: NodeProblem[];
  error?: string | undefined;
  /** Defaults to the kind's name: "Agent" or "Ring group". */
  label?: string;
}) {
  const entries =
    kind === 'agent'
      ? workspace.agents.map((a) => ({ value: a.id, label: a.name }))
      : workspace.ringGroups.map((g) => ({
          value: g.id,
          label: `${g.name} (${g.memberIds.length} member${g.memberIds.length === 1 ? '' : 's'})`,
        }));
  const choices: Choice<string>[] = [];
  if (value === '') choices.push({ value: '', label: kind === 'agent' ? 'Choose an agent…' : 'Choose a ring group…' });
  else if (!entries.some((e) => e.value === value)) choices.push({ value, label: `Unknown “${value}”` });
  choices.push(...entries);
  const none = entries.length === 0;
  return (
    <SelectField
      label={label ?? (kind === 'agent' ? 'Agent' : 'Ring group')}
      value={value}
      choices={choices}
      problems={problems}
      error={error}
      hint={
        none
          ? `The workspace has no ${kind === 'agent' ? 'agents' : 'ring groups'} yet; add them under Settings → Agents and ring groups.`
          : undefined
      }
      onSelect={(id) => {
        if (id !== '') onPick(id);
      }}
    />
  );
}
