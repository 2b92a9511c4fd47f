import { describe, expect, it } from 'vitest';
import { cardNumber } from '../../electron/simulator/seed';
import { keyboardScanDetector, type KeyPress, type KeyVerdict } from '../../renderer/flows/keyboard-scan';

/** A made-up Gent card number with a valid check digit. */
const card = cardNumber('09000', 1, false);
const digits = Array.from(card);

/** Keys typed `gapMs` apart from `start`, as the events' timeStamps would say; the verdict of each. */
function typed(keys: string[], { start = 1000, gapMs, takesText = false }: { start?: number; gapMs: number | ((index: number) => number); takesText?: boolean | ((index: number) => boolean) }) {
  const detector = keyboardScanDetector();
  const gap = typeof gapMs === 'function' ? gapMs : () => gapMs;
  let at = start;
  const verdicts: KeyVerdict[] = keys.map((key, index) => {
    if (index > 0) at += gap(index);
    const press: KeyPress = { key, at, repeat: false, modified: false, takesText: typeof takesText === 'function' ? takesText(index) : takesText };
    return detector.key(press);
  });
  return { detector, verdicts, end: at };
}
const starts = { act: 'pass', starts: true } as const;

describe('a scan on a control that takes no text', () => {
  it("a person's keys act, however many: 80 ms or more between two keys", () => {
    const { verdicts } = typed(['0', '0', '1', 'Enter'], { gapMs: 80 });
    expect(verdicts).toEqual([starts, starts, starts, { act: 'pass' }]);
  });

  it('a scanner\'s keys are held back from the second on, the first is named for undoing, Enter hands the number on', () => {
    const { verdicts } = typed([...digits, 'Enter'], { gapMs: 4 });
    expect(verdicts[0]).toEqual(starts);
    expect(verdicts[1]).toEqual({ act: 'hold', since: 1000 });
    expect(verdicts.slice(2, -1)).toEqual(Array(card.length - 2).fill({ act: 'hold' }));
    expect(verdicts.at(-1)).toEqual({ act: 'scan', text: card });
  });

  it('a scanner that ends with Tab, or with nothing: the number is handed on all the same', () => {
    expect(typed([...digits, 'Tab'], { gapMs: 4 }).verdicts.at(-1)).toEqual({ act: 'scan', text: card });
    const { detector, end } = typed(digits, { gapMs: 4 });
    expect(detector.idle(end + 5)).toEqual({ act: 'none' });
    expect(detector.idle(end + 120)).toEqual({ act: 'scan', text: card });
    expect(detector.idle(end + 200)).toEqual({ act: 'none' });
  });

  it("a USB scanner's uneven timing (15–30 ms, a late digit, a late Enter) is still one scan, and its Enter never acts", () => {
    const uneven = [15, 30, 18, 28, 16, 60, 22, 17, 29, 15, 19, 26, 30];
    const { verdicts } = typed([...digits, 'Enter'], { gapMs: (index) => uneven[index - 1] ?? 20 });
    expect(verdicts[0]).toEqual(starts);
    expect(verdicts.slice(1, -1).every((verdict) => verdict.act === 'hold')).toBe(true);
    expect(verdicts.at(-1)).toEqual({ act: 'scan', text: card });
  });

  it('a scan without Enter whose idle never came: the next key, a moment later, hands its number on and acts itself', () => {
    const detector = keyboardScanDetector();
    digits.forEach((key, index) => detector.key({ key, at: index * 4, repeat: false, modified: false, takesText: false }));
    expect(detector.key({ key: '1', at: 400, repeat: false, modified: false, takesText: false })).toEqual({ ...starts, ended: card });
  });

  it('a chip number in capitals: the Shift before a letter does not break the run', () => {
    const chip = ['0', '4', 'Shift', 'A', '1', 'B', 'Shift', 'C', '2', 'D', '3'];
    expect(typed([...chip, 'Enter'], { gapMs: 3 }).verdicts.at(-1)).toEqual({ act: 'scan', text: '04A1BC2D3' });
  });

  it('a short fast run is no card: held back, nothing handed on', () => {
    const { verdicts } = typed(['1', '2', '3', 'Enter'], { gapMs: 5 });
    expect(verdicts).toEqual([starts, { act: 'hold', since: 1000 }, { act: 'hold' }, { act: 'hold' }]);
  });

  it('is judged where it began: the focus moved into a text field after its first key, the rest is still held', () => {
    const { verdicts } = typed([...digits, 'Enter'], { gapMs: 4, takesText: (index) => index > 0 });
    expect(verdicts.at(-1)).toEqual({ act: 'scan', text: card });
  });

  it('a key held down, or with Ctrl, is never part of a scan', () => {
    const detector = keyboardScanDetector();
    expect(detector.key({ key: '1', at: 0, repeat: false, modified: false, takesText: false })).toEqual(starts);
    expect(detector.key({ key: '1', at: 3, repeat: true, modified: false, takesText: false })).toEqual({ act: 'pass' });
    expect(detector.key({ key: 'c', at: 6, repeat: false, modified: true, takesText: false })).toEqual({ act: 'pass' });
    expect(detector.key({ key: 'Enter', at: 9, repeat: false, modified: false, takesText: false })).toEqual({ act: 'pass' });
  });

  it("a person's answer right before a scan stays: only the scan's own keys are held", () => {
    const detector = keyboardScanDetector();
    expect(detector.key({ key: '1', at: 0, repeat: false, modified: false, takesText: false })).toEqual(starts);
    const verdicts = [...digits, 'Enter'].map((key, index) => detector.key({ key, at: 500 + index * 4, repeat: false, modified: false, takesText: false }));
    expect(verdicts[1]).toEqual({ act: 'hold', since: 500 });
    expect(verdicts.at(-1)).toEqual({ act: 'scan', text: card });
  });
});

describe('a scan in a text field', () => {
  it('is the field\'s: every key acts', () => {
    const { verdicts } = typed([...digits, 'Enter'], { gapMs: 4, takesText: true });
    expect(verdicts).toEqual([starts, ...Array<KeyVerdict>(card.length).fill({ act: 'pass' })]);
  });
});
