import { useEffect, useRef, useState, type ReactNode, type SubmitEvent } from 'react';
import type { BalieError, Passholder, Result } from '../../../electron/ipc/contract';
import { CardCheckStatus } from '../../components/CardCheckStatus';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useApp } from '../../context';
import type { CardCheck } from '../../flows/card-check';
import { enterOnChoiceMovesOn, focusField, useFocusAfterRender } from '../../flows/focus';
import { texts } from '../../texts';

export interface Failure {
  error: BalieError;
  /** New per failure: the notice starts fresh each time. */
  id: number;
}

/** Sending once, counting the request as in flight, and keeping the failure for the form. */
export function useAction() {
  const { store } = useApp();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const run = async <T,>(work: () => Promise<Result<T>>, onDone: (value: T) => void) => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    const result = await store.track(work());
    setBusy(false);
    if (result.ok) onDone(result.value);
    else setFailure({ error: result.error, id: Date.now() });
  };
  return { busy, failure, run, fieldError: (name: string) => (failure?.error.field === name ? failure.error : undefined) };
}

/**
 * What every pass holder action shares: focus in its first field when it
 * opens, the card check and price in its action bar, the failure there too
 * (taking the focus), and after an unknown outcome no send button until the
 * look-up says it did not arrive.
 */
export function ActionForm({
  title,
  firstField,
  onSubmit,
  children,
  busy,
  failure,
  dirty,
  settle,
  onArrived,
  check,
  checking,
  submitLabel,
}: {
  title: string;
  firstField: string;
  onSubmit: (form: HTMLFormElement | null) => void;
  children: ReactNode;
  busy: boolean;
  failure: Failure | null;
  dirty: boolean;
  settle: () => Promise<Passholder | null>;
  onArrived: (holder: Passholder) => void;
  check?: CardCheck | null;
  checking?: boolean;
  submitLabel?: string;
}) {
  const { store } = useApp();
  const form = useRef<HTMLFormElement>(null);
  const [waiting, setWaiting] = useState(false);
  const focusAfterRender = useFocusAfterRender(form);

  // An action opens with the focus in its first field: a scanner can go at once.
  useEffect(() => focusField(form.current, firstField), [firstField]);
  useEffect(() => {
    store.setState({ unsavedWork: dirty });
    return () => store.setState({ unsavedWork: false });
  }, [dirty, store]);
  useEffect(() => {
    setWaiting(failure?.error.outcomeUnknown === true);
    if (failure?.error.field) focusField(form.current, failure.error.field, { select: true });
  }, [failure]);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (busy || waiting || checking) return;
    onSubmit(form.current);
  };
  return (
    <form
      ref={form}
      className="panel action-form"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key !== 'Enter' || enterOnChoiceMovesOn(event)) return;
        // Enter on a choice (the card system) sends, as in a text field; it does not open the list.
        if (!(event.target instanceof HTMLSelectElement)) return;
        event.preventDefault();
        form.current?.requestSubmit();
      }}
      noValidate
      aria-label={title}
    >
      <h3>{title}</h3>
      {children}
      <div className="actions sticky" data-testid="action-bar">
        {failure && !failure.error.field && (
          <ErrorNotice
            key={failure.id}
            error={failure.error}
            settle={settle}
            onSettled={(arrived) => {
              if (arrived) return onArrived(arrived);
              setWaiting(false);
              focusAfterRender('submit');
            }}
          />
        )}
        {/* While UiTPAS may or may not have done it, there is nothing to collect yet. */}
        {check !== undefined && <CardCheckStatus check={waiting ? null : check} pending={checking} />}
        <span className="spacer" />
        {!waiting && (
          <button type="submit" name="submit" className="primary" disabled={busy}>
            {busy ? texts.busy : (submitLabel ?? texts.passholder.save)}
          </button>
        )}
      </div>
    </form>
  );
}
