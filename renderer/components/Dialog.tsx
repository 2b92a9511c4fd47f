import { useEffect, useRef } from 'react';

/** A modal question with two answers; the first answer has the focus, Escape picks the second. */
export function Dialog({ title, text, yes, no, onAnswer }: { title: string; text: string; yes: string; no: string; onAnswer: (yes: boolean) => void }) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="dialog-title"
        aria-describedby="dialog-text"
        onKeyDown={(event) => {
          if (event.key === 'Escape') onAnswer(false);
        }}
      >
        <h2 id="dialog-title">{title}</h2>
        <p id="dialog-text">{text}</p>
        <div className="actions">
          <button ref={first} type="button" className="primary" onClick={() => onAnswer(true)}>
            {yes}
          </button>
          <button type="button" onClick={() => onAnswer(false)}>
            {no}
          </button>
        </div>
      </div>
    </div>
  );
}
