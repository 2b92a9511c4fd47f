import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useApp } from '../context';
import type { UnresolvedTap } from './registration';

/**
 * While a pass holder action with a card field is open (Nieuwe kaart, another card system with a card), a card
 * tapped on the reader or scanned anywhere goes into that field (store.routeScan sets `actionCard`) and is checked
 * as a typed one, once the form holds it: `put` fills the field, `check` runs the card check for the form. A card
 * UiTPAS does not know (or a failed look-up) is returned to be said beside the field, until the field (`value`)
 * changes.
 */
export function useReaderCard(takes: boolean, value: string, put: (uitpasNumber: string) => void, check: (form: HTMLFormElement | null) => void): UnresolvedTap | null {
  const { store } = useApp();
  const card = store((state) => state.actionCard);
  const [arrived, setArrived] = useState(0);
  const [unresolved, setUnresolved] = useState<{ tap: UnresolvedTap; value: string } | null>(null);
  const latest = useRef({ value, put, check });
  // The check of the last render reads the fields as they are now.
  useLayoutEffect(() => {
    latest.current = { value, put, check };
  });
  useEffect(() => {
    if (!takes) return;
    store.setState({ actionTakesCard: true, actionCard: undefined });
    return () => store.setState({ actionTakesCard: false, actionCard: undefined });
  }, [takes, store]);
  const seen = useRef(card?.id);
  useEffect(() => {
    if (!takes || !card || card.id === seen.current) return;
    seen.current = card.id;
    if (!('uitpasNumber' in card)) return setUnresolved({ tap: card, value: latest.current.value });
    setUnresolved(null);
    latest.current.put(card.uitpasNumber);
    setArrived((count) => count + 1);
  }, [card, takes]);
  useEffect(() => {
    if (arrived > 0) latest.current.check(document.querySelector<HTMLInputElement>('.action-form [name="uitpasNumber"]')?.form ?? null);
  }, [arrived]);
  return unresolved?.value === value ? unresolved.tap : null;
}
