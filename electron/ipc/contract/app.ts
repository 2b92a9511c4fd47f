/** The app itself: what it is, closing the window, and the update notice for staff. */
import type { UpdateNoticeView } from '../../update/update-plan';
import { isCloseAnswer } from '../payload-guards';
import { isNothing } from '../validation';
import { event, request, type Answer, type Listen, type RequestIn } from './channel-spec';
import type { Result } from './errors';

export interface AppInfo {
  name: string;
  version: string;
  /** 'win32' | 'darwin' | 'linux': the page shows platform-specific help. */
  platform: string;
  /** Which host serves the page: the Electron window, or the browser host used for development and tests. */
  host: 'electron' | 'browser';
}

export const appRequests = {
  'app:getInfo': request<AppInfo>()(isNothing),
  /** The page's answer to app:closeRequested: close the window now, or keep it open. */
  'app:confirmClose': request<null>()(isCloseAnswer),
  /** The update notice for staff, if there is one (a page that loads after the check asks here). */
  'update:getNotice': request<UpdateNoticeView | null>()(isNothing),
} as const;

export const appEvents = {
  /** The window is being closed; the page asks staff first when a write is on its way, and answers with app:confirmClose. */
  'app:closeRequested': event<{ requestInFlight: boolean }>(),
  /** What the release feed said that staff must know: a newer version, one installing at closing, or this one too old. */
  'update:notice': event<UpdateNoticeView>(),
} as const;

type R = typeof appRequests;
type E = typeof appEvents;

export interface AppApi {
  getAppInfo(): Answer<R, 'app:getInfo'>;
  confirmClose(answer: RequestIn<R, 'app:confirmClose'>): Promise<Result<null>>;
  getUpdateNotice(): Answer<R, 'update:getNotice'>;
  onCloseRequested: Listen<E, 'app:closeRequested'>;
  onUpdateNotice: Listen<E, 'update:notice'>;
}
