/**
 * Closing the window asks the page first (app:closeRequested, with whether a
 * write to UiTPAS is on its way: closing then loses its answer, and staff would
 * not know whether the pass holder was registered). The page answers with
 * app:confirmClose. A page that cannot answer never holds the window hostage:
 * a crashed or hung page lets it close, and so does a second close while
 * nothing is on its way.
 */
import type { BrowserWindow } from 'electron';

export interface CloseQuestion {
  writesInFlight(): number;
  askToClose(): void;
  onCloseAnswer(listener: (close: boolean) => void): void;
}

export function guardClose(window: BrowserWindow, question: CloseQuestion): void {
  let allowed = false;
  let asked = false;
  question.onCloseAnswer((close) => {
    asked = false;
    if (!close) return;
    allowed = true;
    window.close();
  });
  window.on('close', (event) => {
    if (allowed || (asked && question.writesInFlight() === 0)) return;
    event.preventDefault();
    asked = true;
    question.askToClose();
  });
  const release = () => {
    allowed = true;
  };
  window.webContents.on('render-process-gone', release);
  window.on('unresponsive', release);
}
