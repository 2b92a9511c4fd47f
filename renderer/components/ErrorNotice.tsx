import { useState } from 'react';
import type { BalieError } from '../../electron/ipc/contract';
import { useApp } from '../context';
import { errorText, texts } from '../texts';

/**
 * A failed request, in the staff member's language. When the request may have arrived at UiTPAS, the
 * look-up that settles it is one click away, and `onSettled` tells the form
 * whether sending again is safe.
 */
export function ErrorNotice({ error, lookUp, onSettled }: { error: BalieError; lookUp?: string; onSettled?: (arrived: boolean) => void }) {
  const { api } = useApp();
  const [result, setResult] = useState<'found' | 'none' | null>(null);
  const check = async () => {
    if (!lookUp) return;
    const found = await api.findPassholders({ query: lookUp });
    const arrived = found.ok && found.value.length > 0;
    setResult(arrived ? 'found' : 'none');
    onSettled?.(arrived);
  };
  return (
    <div className="notice error" role="alert" data-testid="error-notice">
      {error.outcomeUnknown && <strong>{texts.errors.outcomeUnknownTitle}. </strong>}
      {errorText(error)}
      {error.outcomeUnknown && lookUp && (
        <div className="actions">
          <button type="button" onClick={() => void check()}>
            {texts.errors.lookUp}
          </button>
          {result && <span data-testid="lookup-result">{result === 'found' ? texts.errors.lookedUpFound : texts.errors.lookedUpNone}</span>}
        </div>
      )}
    </div>
  );
}
