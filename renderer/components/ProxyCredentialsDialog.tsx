import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { maxLengthOf } from '../../electron/rules/limits';
import type { ProxyQuestion } from '../../electron/ipc/contract';
import { texts } from '../texts';
import { keepTabInside } from './Dialog';

/**
 * A proxy asks for a user name and password (main's proxy:credentialsRequested): a modal dialog with the
 * two fields, the user name focused. What is typed lives in this component only until it is sent; Escape
 * or Cancel answers "no credentials", as does main itself when nobody answers in time.
 */
export function ProxyCredentialsDialog({ question, onAnswer }: { question: ProxyQuestion; onAnswer: (credentials: { username: string; password: string } | null) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const first = useRef<HTMLInputElement>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    first.current?.focus();
  }, []);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    onAnswer({ username, password });
  };
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="proxy-title"
      aria-describedby="proxy-text"
      data-testid="proxy-credentials"
      onCancel={(event) => {
        event.preventDefault();
        onAnswer(null);
      }}
      onKeyDown={(event) => keepTabInside(event, dialog.current)}
    >
      <form onSubmit={submit}>
        <h2 id="proxy-title">{texts.proxy.title}</h2>
        <p id="proxy-text">{texts.proxy.text(`${question.host}:${question.port}`)}</p>
        <label htmlFor="proxy-username">{texts.proxy.username}</label>
        <input
          ref={first}
          id="proxy-username"
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          maxLength={maxLengthOf('proxyUsername')}
          autoComplete="off"
          spellCheck={false}
          required
        />
        <label htmlFor="proxy-password">{texts.proxy.password}</label>
        <input
          id="proxy-password"
          type="password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          maxLength={maxLengthOf('proxyPassword')}
          autoComplete="off"
          required
        />
        <div className="actions">
          <button type="submit" className="primary">
            {texts.proxy.submit}
          </button>
          <button type="button" onClick={() => onAnswer(null)}>
            {texts.proxy.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
