/**
 * A barcode scanner is a keyboard: it types the card number faster than any
 * person can and ends it with Enter (or Tab). Where the focus is in a text
 * field the field takes the scan as typing. Where it is on a control that takes
 * no text (a question's tick-box, the send button, a dialog's answer) the keys
 * would each act: a digit answers a question, the Enter sends the form. This
 * tells those keys apart, pure (the times are the events' own), so the app can
 * hold a scan's keys back and route the number as a tapped card
 * (catch-scans.ts).
 */

/** Two keys closer than this are a machine: people need 80 ms or more between two keys; scanners send every few ms. */
export const scanKeyGapMs = 25;
/** The shortest scan routed: UiTPAS numbers have 13 digits, chip numbers 8 or more hex digits. */
export const scanMinLength = 8;

export interface KeyPress {
  key: string;
  /** The event's timeStamp (ms). */
  at: number;
  /** Held down (auto-repeat), or with Ctrl, Alt or Meta: never a scan. */
  repeat: boolean;
  modified: boolean;
  /** The focus is in a field that takes text: it takes the scan itself. */
  takesText: boolean;
}

export type KeyVerdict =
  /** The key does what it does. */
  | { act: 'pass' }
  /**
   * Part of a scan on a control without text: held back. `since` is set on the key that shows the run is a
   * scan: its first key has already acted (it looked like a person's) and what it did is to be undone.
   */
  | { act: 'hold'; since?: number }
  /** The scan's last key: held back, and the number goes where a tapped card goes. */
  | { act: 'scan'; text: string };

/** One character a scanner types (no space: Space ticks a box, and card numbers have none). */
const isScanCharacter = (key: string) => key.length === 1 && key !== ' ';
const endsScan = (key: string) => key === 'Enter' || key === 'Tab';
/** Keys a scanner may press around a character (Shift for a capital, AltGr on some layouts): they neither make nor break a run. */
const modifierKeys = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock']);

interface Run {
  text: string;
  startedAt: number;
  lastAt: number;
  /** The run began on a control without text; it is judged there, wherever the focus moved since. */
  onControl: boolean;
}

export interface KeyboardScanDetector {
  key(press: KeyPress): KeyVerdict;
  /** Nothing came for a while (`at`): a scanner that sends no Enter ends here. */
  idle(at: number): { act: 'none' } | { act: 'scan'; text: string };
}

export function keyboardScanDetector({ gapMs = scanKeyGapMs, minLength = scanMinLength } = {}): KeyboardScanDetector {
  let run: Run | null = null;
  const isScan = (current: Run) => current.onControl && current.text.length >= 2;
  const close = (current: Run): { act: 'scan'; text: string } | null => (isScan(current) && current.text.length >= minLength ? { act: 'scan', text: current.text } : null);

  return {
    key({ key, at, repeat, modified, takesText }) {
      if (modifierKeys.has(key)) return { act: 'pass' };
      const going = run && at - run.lastAt <= gapMs ? run : null;
      if (repeat || modified || !(isScanCharacter(key) || endsScan(key))) {
        run = null;
        return going && isScan(going) ? { act: 'hold' } : { act: 'pass' };
      }
      if (endsScan(key)) {
        run = null;
        if (!going || !isScan(going)) return { act: 'pass' };
        return close(going) ?? { act: 'hold' };
      }
      if (!going) {
        run = { text: key, startedAt: at, lastAt: at, onControl: !takesText };
        return { act: 'pass' };
      }
      const wasScan = isScan(going);
      run = { ...going, text: going.text + key, lastAt: at };
      if (!run.onControl) return { act: 'pass' };
      return wasScan ? { act: 'hold' } : { act: 'hold', since: going.startedAt };
    },
    idle(at) {
      const ended = run && at - run.lastAt > gapMs ? run : null;
      if (!ended) return { act: 'none' };
      run = null;
      return close(ended) ?? { act: 'none' };
    },
  };
}
