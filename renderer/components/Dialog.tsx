import { useEffect, useRef, type KeyboardEvent } from 'react';

const focusable = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Tab and Shift+Tab go round the dialog's own controls, never to the inert page behind. */
export function keepTabInside(event: KeyboardEvent, dialog: HTMLDialogElement | null): void {
  if (event.key !== 'Tab') return;
  const items = [...(dialog?.querySelectorAll<HTMLElement>(focusable) ?? [])];
  const index = items.indexOf(document.activeElement as HTMLElement);
  const next = event.shiftKey ? (index <= 0 ? items.length - 1 : index - 1) : index === items.length - 1 ? 0 : index + 1;
  event.preventDefault();
  items[next]?.focus();
}

/**
 * The app's own question with two answers (never the browser's OK/Cancel):
 * a modal <dialog>, so the page behind is inert. The safe answer (`no`: stay,
 * keep, wait) has the focus, so a stray Enter never throws work away; Tab
 * stays inside, Escape picks `no` too, and focus goes back to where it was
 * when the answer did not move it elsewhere.
 */
export function Dialog({ title, text, yes, no, onAnswer }: { title: string; text: string; yes: string; no: string; onAnswer: (yes: boolean) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const safe = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    safe.current?.focus();
    return () => {
      // Back where the staff member was, unless the answer opened something that took the focus.
      const lost = !document.activeElement || document.activeElement === document.body || element?.contains(document.activeElement);
      if (lost && before?.isConnected) before.focus();
    };
  }, []);
  return (
    <dialog
      ref={dialog}
      className="dialog"
      role="alertdialog"
      aria-labelledby="dialog-title"
      aria-describedby="dialog-text"
      onCancel={(event) => {
        // Escape: the dialog closes through our answer, not by itself.
        event.preventDefault();
        onAnswer(false);
      }}
      onKeyDown={(event) => keepTabInside(event, dialog.current)}
    >
      <h2 id="dialog-title">{title}</h2>
      <p id="dialog-text">{text}</p>
      <div className="actions">
        <button ref={safe} type="button" className="primary" onClick={() => onAnswer(false)}>
          {no}
        </button>
        <button type="button" onClick={() => onAnswer(true)}>
          {yes}
        </button>
      </div>
    </dialog>
  );
}
