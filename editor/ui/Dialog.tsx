/**
 * A modal dialog on the native <dialog> element: `showModal()` makes the
 * rest of the page inert (focus stays inside) and Escape closes it.
 */
import { type ReactNode, useEffect, useId, useRef } from 'react';

export interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
  /** Element id to focus first; by default the first focusable element. */
  initialFocus?: string;
  className?: string;
}

export function Dialog({ title, onClose, children, footer, wide, initialFocus, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const close = useRef(onClose);
  close.current = onClose;
  const closing = useRef(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const first = initialFocus ? document.getElementById(initialFocus) : null;
    (first ?? dialog.querySelector<HTMLElement>('input, select, textarea, button:not(.dialog__close), [tabindex]:not([tabindex="-1"])'))?.focus();
    closing.current = false;
    // Escape closes the top-most dialog wherever focus is (even if the browser swallowed the cancel event).
    const onEscape = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const open = document.querySelectorAll('dialog[open]');
      if (open[open.length - 1] !== dialog) return;
      e.preventDefault();
      close.current();
    };
    document.addEventListener('keydown', onEscape, true);
    return () => {
      document.removeEventListener('keydown', onEscape, true);
      closing.current = true;
      dialog.close();
      previous?.focus();
    };
  }, [initialFocus]);

  return (
    <dialog
      ref={ref}
      className={`dialog${wide ? ' dialog--wide' : ''}${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        close.current();
      }}
      onClose={() => {
        // Closed by the browser itself (a close request it did not announce): keep React's state in step.
        // (A close event from an earlier close() may arrive after the dialog opened again; then it is open and stays.)
        if (ref.current && !ref.current.open && !closing.current) close.current();
      }}
      onClick={(e) => {
        // A click on the backdrop (the dialog element itself, outside its content box) closes it.
        if (e.target === ref.current) close.current();
      }}
    >
      <div className="dialog__header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="btn btn--ghost btn--icon dialog__close" aria-label="Close" onClick={() => close.current()}>
          ✕
        </button>
      </div>
      <div className="dialog__body">{children}</div>
      {footer ? <div className="dialog__footer">{footer}</div> : null}
    </dialog>
  );
}
