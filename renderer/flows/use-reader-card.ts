import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useApp } from '../context';

/**
 * While a pass holder action with a card field is open (Nieuwe kaart, another card system with a card), a card
 * tapped on the reader or scanned anywhere goes into that field (store.routeScan sets `actionCard`) and is checked
 * as a typed one, once the form holds it: `put` fills the field, `check` runs the card check for the form.
 */
export function useReaderCard(takes: boolean, put: (uitpasNumber: string) => void, check: (form: HTMLFormElement | null) => void): void {
  const { store } = useApp();
  const card = store((state) => state.actionCard);
  const [arrived, setArrived] = useState(0);
  const latest = useRef({ put, check });
  // The check of the last render reads the fields as they are now.
  useLayoutEffect(() => {
    latest.current = { put, check };
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
    latest.current.put(card.uitpasNumber);
    setArrived((count) => count + 1);
  }, [card, takes]);
  useEffect(() => {
    if (arrived > 0) latest.current.check(document.querySelector<HTMLInputElement>('.action-form [name="uitpasNumber"]')?.form ?? null);
  }, [arrived]);
}
