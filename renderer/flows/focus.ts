import { useEffect, useRef, type RefObject } from 'react';

/**
 * Where focus goes after an action: always to an element the staff can see,
 * never the page body. Scrolling keeps it clear of the sticky bars (see
 * scroll-padding in styles.css).
 */
export function focusField(container: HTMLElement | null, name: string, options: { select?: boolean } = {}): void {
  const element = container?.querySelector<HTMLElement>(`[name="${name}"]`);
  if (!element) return;
  element.focus();
  if (options.select && element instanceof HTMLInputElement) element.select();
}

/** The control after this one in its form (what Tab would reach), so Enter in a field moves on instead of sending. */
export function focusNextField(from: HTMLInputElement | HTMLSelectElement): void {
  const controls = [...(from.form?.elements ?? [])].filter(
    (element): element is HTMLElement => element instanceof HTMLElement && element.tabIndex >= 0 && !element.matches(':disabled') && element.getClientRects().length > 0,
  );
  controls[controls.indexOf(from) + 1]?.focus();
}

/**
 * Enter on a tick-box or a radio button moves on, like Tab: in every form, a
 * scanner's Enter or a hurried second Enter never sends a choice (consent, a
 * tariff). True when it handled the key.
 */
export function enterOnChoiceMovesOn(event: { key: string; target: EventTarget | null; preventDefault(): void }): boolean {
  const { target } = event;
  if (event.key !== 'Enter' || !(target instanceof HTMLInputElement) || (target.type !== 'checkbox' && target.type !== 'radio')) return false;
  event.preventDefault();
  focusNextField(target);
  return true;
}

/** Focuses an element that is not a control (a heading, a notice) so screen readers read it and Tab continues from it. */
export function focusElement(element: HTMLElement | null): void {
  if (!element) return;
  if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
  element.focus();
}

/**
 * Focus for a field that the coming render puts on screen (a button that
 * comes back after a look-up): asked for now, done after the render.
 */
export function useFocusAfterRender(container: RefObject<HTMLElement | null>): (name: string) => void {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (!pending.current) return;
    focusField(container.current, pending.current);
    pending.current = null;
  });
  return (name) => {
    pending.current = name;
  };
}

/** Where a scan is taken on each screen: the home search, the card number of the register form or of an open action. */
const scanTargets = ['#search', 'form.register [name="uitpasNumber"]', '.action-form [name="uitpasNumber"]'];

/**
 * Focus never stays lost: when the focused element leaves the page (the eID
 * panel's button as its card is pulled, a notice that went), the focus goes
 * where a scan is taken, its text selected so a scan replaces it. A click on
 * empty space is the staff's choice and left alone. Returns the stop function.
 */
export function keepFocusForScans(document: Document): () => void {
  let last: Element | null = null;
  const remember = (event: FocusEvent) => {
    last = event.target instanceof Element ? event.target : null;
  };
  const rescue = () => {
    if (document.activeElement && document.activeElement !== document.body) return;
    if (!last || last.isConnected || document.querySelector('[role="alertdialog"]')) return;
    const target = scanTargets.map((selector) => document.querySelector<HTMLElement>(selector)).find((element) => element !== null);
    last = null;
    if (!target) return;
    target.focus();
    if (target instanceof HTMLInputElement) target.select();
  };
  const observer = new MutationObserver(rescue);
  observer.observe(document.body, { childList: true, subtree: true });
  document.addEventListener('focusin', remember);
  return () => {
    observer.disconnect();
    document.removeEventListener('focusin', remember);
  };
}
