/** The app's network as staff meet it: a proxy that asks for a user name and password. */
import { isProxyAnswer } from '../payload-guards';
import { event, request, type Answer, type Listen, type RequestIn } from './channel-spec';

/** A proxy's question for credentials (open), or that it is over (answered, or timed out: the page closes its dialog). */
export interface ProxyQuestion {
  requestId: string;
  /** The proxy as Chromium names it; never the address the request was for. */
  host: string;
  port: number;
  open: boolean;
}

export const networkRequests = {
  /** Staff's answer to proxy:credentialsRequested: the user name and password, or none to cancel. Kept nowhere. */
  'proxy:answerCredentials': request<null>()(isProxyAnswer),
} as const;

export const networkEvents = {
  'proxy:credentialsRequested': event<ProxyQuestion>(),
} as const;

type R = typeof networkRequests;
type E = typeof networkEvents;

/** What the page answers a proxy's question with. */
export type ProxyAnswer = RequestIn<R, 'proxy:answerCredentials'>;

export interface NetworkApi {
  answerProxyCredentials(answer: ProxyAnswer): Answer<R, 'proxy:answerCredentials'>;
  onProxyCredentialsRequested: Listen<E, 'proxy:credentialsRequested'>;
}
