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

/**
 * Two keys closer than this start a scan: a scanner sends a key every few ms. Most people leave 50 ms or more
 * between two keys; a fast typist's rolled keys can come closer and are then taken for a scanner's (nothing
 * happens; the key is pressed again).
 */
export const scanKeyGapMs = 25;
/**
 * Once a run is a scan, a pause up to this keeps it going: a USB scanner sends a report every 8–10 ms, a press and
 * a release per character (and Shift on some layouts), and a busy UI thread stamps keys late. A scan's late Enter
 * must not press the send button.
 */
export const scanPauseMs = 100;
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

export type KeyVerdict = (
  /** The key does what it does; `starts`: it may be a scan's first key (where a scan began, for the focus). */
  | { act: 'pass'; starts?: true }
  /**
   * Part of a scan on a control without text: held back. `since` is set on the key that shows the run is a
   * scan: its first key has already acted (it looked like a person's) and what it did is to be undone.
   */
  | { act: 'hold'; since?: number }
  /** The scan's last key: held back, and the number goes where a tapped card goes. */
  | { act: 'scan'; text: string }
) & {
  /** A scan without Enter or Tab that this key showed to be over (it came after the pause): its number, to hand on. */
  ended?: string;
};

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

export function keyboardScanDetector({ gapMs = scanKeyGapMs, pauseMs = scanPauseMs, minLength = scanMinLength } = {}): KeyboardScanDetector {
  let run: Run | null = null;
  const isScan = (current: Run) => current.onControl && current.text.length >= 2;
  const close = (current: Run): { act: 'scan'; text: string } | null => (isScan(current) && current.text.length >= minLength ? { act: 'scan', text: current.text } : null);
  /** The run still going at `at`: a scan allows its pause, anything else only the gap of a scanner's keys. */
  const goingAt = (at: number) => (run && at - run.lastAt <= (isScan(run) ? pauseMs : gapMs) ? run : null);

  return {
    key({ key, at, repeat, modified, takesText }) {
      if (modifierKeys.has(key)) return { act: 'pass' };
      const going = goingAt(at);
      // A scan without Enter that this key shows to be over: handed on beside what this key does.
      const over = run && !going ? close(run) : null;
      const ended = over ? { ended: over.text } : {};
      if (repeat || modified || !(isScanCharacter(key) || endsScan(key))) {
        run = null;
        return going && isScan(going) ? { act: 'hold', ...ended } : { act: 'pass', ...ended };
      }
      if (endsScan(key)) {
        run = null;
        if (!going || !isScan(going)) return { act: 'pass', ...ended };
        return close(going) ?? { act: 'hold' };
      }
      if (!going) {
        run = { text: key, startedAt: at, lastAt: at, onControl: !takesText };
        return { act: 'pass', starts: true, ...ended };
      }
      const wasScan = isScan(going);
      run = { ...going, text: going.text + key, lastAt: at };
      if (!run.onControl) return { act: 'pass' };
      return wasScan ? { act: 'hold' } : { act: 'hold', since: going.startedAt };
    },
    idle(at) {
      const ended = run && !goingAt(at) ? run : null;
      if (!ended) return { act: 'none' };
      run = null;
      return close(ended) ?? { act: 'none' };
    },
  };
}
