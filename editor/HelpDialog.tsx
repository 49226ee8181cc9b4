/** `?`: every keyboard shortcut of the editor. */
import { Dialog } from './ui/Dialog.tsx';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl';

export const SHORTCUTS: { keys: string[][]; what: string }[] = [
  { keys: [[mod, 'Z']], what: 'Undo' },
  { keys: [[mod, 'Shift', 'Z'], [mod, 'Y']], what: 'Redo' },
  { keys: [[mod, 'C']], what: 'Copy the selected nodes (as JSON, to the system clipboard)' },
  { keys: [[mod, 'X']], what: 'Cut the selected nodes' },
  { keys: [[mod, 'V']], what: 'Paste nodes (also from another flow or browser tab)' },
  { keys: [['Delete'], ['Backspace']], what: 'Delete the selected nodes and connections' },
  { keys: [[mod, 'A']], what: 'Select every node' },
  { keys: [['Shift', 'click'], ['Shift', 'drag']], what: 'Add to the selection / select with a box' },
  { keys: [['N'], ['A']], what: 'Add a node (below the selected node, connected)' },
  { keys: [[mod, 'F']], what: 'Search nodes by label or field value' },
  { keys: [['L']], what: 'Automatic layout (top to bottom)' },
  { keys: [['F']], what: 'Fit the whole flow in view' },
  { keys: [['Tab'], ['Enter']], what: 'Move between nodes on the canvas / select the focused node' },
  { keys: [['Arrow keys']], what: 'Move the selected nodes' },
  { keys: [['Escape']], what: 'Close a dialog or search, or clear the selection' },
  { keys: [['?']], what: 'Show this list' },
];

export function HelpDialog({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} wide>
      <table className="shortcut-table">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.what}>
              <td>
                {s.keys.map((combo, i) => (
                  <span key={combo.join('+')}>
                    {i > 0 ? <span className="rf-muted"> or </span> : null}
                    {combo.map((k, j) => (
                      <span key={k}>
                        {j > 0 ? '+' : null}
                        <kbd>{k}</kbd>
                      </span>
                    ))}
                  </span>
                ))}
              </td>
              <td>{s.what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="rf-muted">
        Connect nodes by dragging from a port (bottom of a node) to another node's top edge. A port leads to one place; nothing
        connects into Start.
      </p>
    </Dialog>
  );
}
