import { useEffect, useState } from 'react';
import type { Passholder } from '../../electron/ipc/contract';
import { inszProblem, normaliseInsz } from '../../electron/rules/insz';
import { useApp } from '../context';

/**
 * Who already has a UiTPAS with this INSZ, looked up as soon as it is a
 * complete, valid number: `null` until UiTPAS answered (or when the look-up
 * failed: then nobody is stopped, and register's INSZ_ALREADY_USED still is).
 */
export function useExistingHolders(insz: string | undefined): Passholder[] | null {
  const { api, store } = useApp();
  const balie = store((state) => state.session?.balie?.id);
  const [found, setFound] = useState<{ insz: string; holders: Passholder[] } | null>(null);
  const valid = insz && inszProblem(insz) === null ? normaliseInsz(insz) : null;
  useEffect(() => {
    if (!valid || !balie) return;
    let current = true;
    void api.findPassholders({ query: valid }).then((result) => {
      if (current && result.ok) setFound({ insz: valid, holders: result.value });
    });
    return () => {
      current = false;
    };
  }, [api, valid, balie]);
  return found && found.insz === valid ? found.holders : null;
}
