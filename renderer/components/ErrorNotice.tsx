import { useEffect, useRef, useState } from 'react';
import type { BalieError, Passholder } from '../../electron/ipc/contract';
import { errorText, texts } from '../texts';

/**
 * A failed request, in the staff member's language, taking the focus so it is seen and read out.
 * When the request may have arrived at UiTPAS, the look-up that settles it is
 * the focused button: `settle` answers the pass holder when it did arrive
 * (the form then shows that result and offers no second send), or null when
 * it did not (sending again is safe). Render it with a new key per failure,
 * so an old look-up line never stands beside a new failure.
 */
export function ErrorNotice({
  error,
  settle,
  onSettled,
  takeFocus = true,
}: {
  error: BalieError;
  /** False where the field stays focused for the next scan (the home search); the notice is still read out. */
  takeFocus?: boolean;
  settle?: () => Promise<Passholder | null>;
  onSettled?: (arrived: Passholder | null) => void;
}) {
  const [result, setResult] = useState<'none' | 'failed' | null>(null);
  const [busy, setBusy] = useState(false);
  const notice = useRef<HTMLDivElement>(null);
  const lookUpButton = useRef<HTMLButtonElement>(null);
  const canSettle = error.outcomeUnknown === true && settle !== undefined;
  useEffect(() => {
    if (takeFocus) (canSettle ? lookUpButton.current : notice.current)?.focus();
  }, [canSettle, takeFocus]);
  const check = async () => {
    if (!settle || busy) return;
    setBusy(true);
    try {
      const arrived = await settle();
      if (!arrived) setResult('none');
      onSettled?.(arrived);
    } catch {
      setResult('failed');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div ref={notice} className="notice error" role="alert" tabIndex={-1} data-testid="error-notice">
      {error.outcomeUnknown && <strong>{texts.errors.outcomeUnknownTitle}. </strong>}
      {errorText(error)}
      {canSettle && result !== 'none' && (
        <div className="actions">
          <button ref={lookUpButton} type="button" disabled={busy} onClick={() => void check()}>
            {busy ? texts.busy : texts.errors.lookUp}
          </button>
        </div>
      )}
      {result === 'none' && <p data-testid="lookup-result">{texts.errors.lookedUpNone}</p>}
      {result === 'failed' && <p data-testid="lookup-result">{texts.errors.lookUpFailed}</p>}
    </div>
  );
}
