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
