/** Short-lived messages at the bottom of the screen ("Deleted flow — Undo"). */
import { useSyncExternalStore } from 'react';

export interface Toast {
  id: number;
  text: string;
  tone: 'info' | 'error';
  action?: { label: string; run(): void };
}

let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function emit(next: readonly Toast[]) {
  toasts = next;
  for (const l of [...listeners]) l();
}

export function showToast(text: string, options: { tone?: Toast['tone']; action?: Toast['action']; ms?: number } = {}): void {
  const toast: Toast = { id: nextId++, text, tone: options.tone ?? 'info' };
  if (options.action) toast.action = options.action;
  emit([...toasts.slice(-2), toast]);
  setTimeout(() => dismissToast(toast.id), options.ms ?? 4000);
}

export function dismissToast(id: number): void {
  if (toasts.some((t) => t.id === id)) emit(toasts.filter((t) => t.id !== id));
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function Toasts() {
  const list = useSyncExternalStore(subscribe, () => toasts);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {list.map((t) => (
        <div key={t.id} className={`toast toast--${t.tone}`}>
          <span>{t.text}</span>
          {t.action ? (
            <button
              type="button"
              onClick={() => {
                t.action?.run();
                dismissToast(t.id);
              }}
            >
              {t.action.label}
            </button>
          ) : null}
        </div>
      ))}
    </div>
  );
}
