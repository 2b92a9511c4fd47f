import { keyboardScanDetector, scanPauseMs, type KeyboardScanDetector } from './keyboard-scan';

export interface ScanCatcher {
  /** A scan began on a control without text, and its first key, which looked like a person's, acted at `since`: undo it. */
  runStarted(since: number): void;
  /** A whole scan that landed on a control without text: its number, to go where a tapped card goes. */
  scanned(text: string): void;
}

/** Inputs that take no text: a scan there would press them, not fill them. */
const noTextInputs = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'image', 'range', 'color']);

function takesText(target: EventTarget | null): boolean {
  if (target instanceof HTMLInputElement) return !noTextInputs.has(target.type);
  return target instanceof HTMLTextAreaElement || (target instanceof HTMLElement && target.isContentEditable);
}

/**
 * Listens before the page does (capture, on the window): a scan that lands on a
 * control without text never answers a question or presses a button; its keys
 * are held back, what its first key did is undone, and its number is handed on.
 * The focus goes back where the scan began. Returns the stop function.
 */
export function catchScansOnControls(window: Window, catcher: ScanCatcher, detector: KeyboardScanDetector = keyboardScanDetector()): () => void {
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let firstTarget: HTMLElement | null = null;
  const onKey = (event: KeyboardEvent) => {
    const verdict = detector.key({
      key: event.key,
      at: event.timeStamp,
      repeat: event.repeat,
      modified: event.ctrlKey || event.altKey || event.metaKey,
      takesText: takesText(event.target),
    });
    clearTimeout(idleTimer);
    // A scanner that ends with no Enter: the run is judged once the keys stop (timers fire late, never early).
    idleTimer = setTimeout(() => {
      const ended = detector.idle(window.performance.now());
      if (ended.act === 'scan') catcher.scanned(ended.text);
    }, scanPauseMs + 20);
    if (verdict.ended !== undefined) catcher.scanned(verdict.ended);
    if (verdict.act === 'pass') {
      // Where a scan would begin: a modifier before its first character (Shift on AZERTY) does not move it.
      if (verdict.starts) firstTarget = event.target instanceof HTMLElement ? event.target : null;
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    if (verdict.act === 'hold' && verdict.since !== undefined) {
      catcher.runStarted(verdict.since);
      if (firstTarget?.isConnected) firstTarget.focus();
    }
    if (verdict.act === 'scan') catcher.scanned(verdict.text);
  };
  window.addEventListener('keydown', onKey, { capture: true });
  return () => {
    clearTimeout(idleTimer);
    window.removeEventListener('keydown', onKey, { capture: true });
  };
}
