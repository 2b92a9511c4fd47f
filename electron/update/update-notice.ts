/**
 * The update notice staff see: kept here so a page that loads (or reloads) after the check still gets it
 * (update:getNotice), and sent to an open page as it changes (update:notice).
 */
import type { MainEvents } from '../ipc/main-events';
import type { UpdateNoticeView } from './update-plan';

export class UpdateNoticeBoard {
  private shown: UpdateNoticeView | null = null;

  constructor(private readonly events: MainEvents) {}

  get current(): UpdateNoticeView | null {
    return this.shown;
  }

  show(notice: UpdateNoticeView): void {
    this.shown = notice;
    this.events.emit('update:notice', notice);
  }
}
