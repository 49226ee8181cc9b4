/**
 * The Publish dialog and the History panel wired to the editor's store: what
 * they show is read from the workspace, and what they do (publish, restore,
 * compare, download) goes through the store's operations (`store/versions.ts`)
 * and the Compare panel. Loaded on first use, not with the first screen.
 */
import { serializeFlow } from '../../runtime/document/flow.ts';
import type { PublishedVersion } from '../../runtime/document/workspace.ts';
import { useCompare } from '../compare/CompareContext.tsx';
import { downloadText } from '../io/IoDialogs.tsx';
import { useProblems } from '../problems/ProblemsContext.tsx';
import { usePublisherName } from '../settings/publisher.ts';
import { useCurrentFlow, useEditor, useStore } from '../store/react.tsx';
import { nextVersionNumber, publishFlow, restoreVersion, sameAsVersion, versionsOf } from '../store/versions.ts';
import { showToast } from '../ui/toast.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { PublishDialog } from './PublishDialog.tsx';

function download(version: PublishedVersion) {
  downloadText(`${version.flowId}.flow.json`, serializeFlow(version.flow));
  showToast(`Downloaded version ${version.number} of “${version.flow.name}”.`);
}

export function PublishFlowDialog({ onClose, onJump }: { onClose(): void; onJump(nodeId: string): void }) {
  const store = useStore();
  const flow = useCurrentFlow();
  const workspace = useEditor((s) => s.workspace);
  const { errors, warnings } = useProblems();
  const [publisher, setPublisher] = usePublisherName();
  if (!flow) return null;
  const latest = versionsOf(workspace, flow.id)[0];
  return (
    <PublishDialog
      flow={flow}
      nextNumber={nextVersionNumber(workspace, flow.id)}
      errors={errors}
      warnings={warnings}
      latest={latest}
      unchanged={latest !== undefined && sameAsVersion(flow, latest)}
      publisher={publisher}
      onPublisherChange={setPublisher}
      onPublish={(note) => publishFlow(store, flow.id, { note, publisher })}
      onDownload={download}
      onJump={(nodeId) => {
        onClose();
        onJump(nodeId);
      }}
      onClose={onClose}
    />
  );
}

export function FlowHistory({ onClose, onPublish }: { onClose(): void; onPublish(): void }) {
  const store = useStore();
  const flow = useCurrentFlow();
  const all = useEditor((s) => s.workspace.versions);
  const compare = useCompare();
  if (!flow) return null;
  const versions = all.filter((v) => v.flowId === flow.id).sort((a, b) => b.number - a.number);
  const same = versions.find((v) => sameAsVersion(flow, v));
  return (
    <HistoryPanel
      flow={flow}
      versions={versions}
      sameAs={same?.number ?? null}
      onCompare={(before, after) => compare.compareWith({ source: 'version', flowId: flow.id, number: before }, after === 'draft' ? undefined : after)}
      onRestore={(number) => {
        if (restoreVersion(store, flow.id, number)) {
          showToast(`Version ${number} is the draft again.`, { action: { label: 'Undo', run: () => store.undo() } });
        }
      }}
      onDownload={download}
      onPublish={onPublish}
      onClose={onClose}
    />
  );
}
