/** Pass holders and their cards at UiTPAS: look-ups, registration, the record, opt-ins, blocking, new cards, card systems. */
import type { CardInfo, Identification, Passholder, UitpasPrice } from '../../uitpas/model';
import type { OptInPreferences, Registered } from '../../uitpas/types';
import {
  isBlockRequest,
  isCardQuery,
  isCardSystemDataChange,
  isCardSystemRegistration,
  isFindPassholdersQuery,
  isNewCardRequest,
  isOptInChange,
  isPassholderSearch,
  isPriceQuery,
  isRegisterPassholderRequest,
  isUpdatePassholderRequest,
} from '../payload-guards';
import { request, type Answer, type RequestIn } from './channel-spec';

/**
 * What became of a call the real counter makes after register or update (SX PassHolderService register()/update()):
 * stored, failed (the registration or update stands; the page may retry the opt-ins), or not sent.
 */
export type FollowUp = 'stored' | 'failed' | 'not-sent';

/** The opt-ins a failed follow-up sent, kept so the page can send them once more through setOptInPreferences. */
export interface OptInRetry {
  uid: string;
  /** A card of the pass holder: main reads the record by it, for the birth date that decides the under-16 rule. */
  uitpasNumber: string;
  preferences: OptInPreferences;
}

export const passholderRequests = {
  'uitpas:getCard': request<CardInfo>()(isCardQuery),
  'uitpas:getPrice': request<UitpasPrice>()(isPriceQuery),
  /** A UiTPAS number, an INSZ or a chip number, as typed or scanned: looked up through uitpas/retrieve. */
  'uitpas:findPassholders': request<Passholder[]>()(isFindPassholdersQuery),
  /**
   * Whatever was scanned, typed or tapped (UiTPAS number, INSZ, chip number), as uitpas/retrieve finds it:
   * a pass holder, a card (in stock, blocked, deleted, another balie's), a group pass, or null for nothing.
   */
  'uitpas:identify': request<Identification | null>()(isFindPassholdersQuery),
  /** Search by name (`*` as wildcard), first name, date of birth (YYYY-MM-DD), postal code, or several UiTPAS numbers. */
  'uitpas:searchPassholders': request<{ total: number; passholders: Passholder[] }>()(isPassholderSearch),
  /**
   * Answers whether UiTPAS was told the data is verified (main decides that from the eID read), and what became
   * of the opt-ins and the photo sent after it.
   */
  'uitpas:registerPassholder': request<Registered & { verified: boolean; optIns: FollowUp; picture: FollowUp }>()(isRegisterPassholderRequest),
  'uitpas:registerNewCard': request<Registered>()(isNewCardRequest),
  'uitpas:updatePassholder': request<{ code: string; picture: FollowUp; optIns: FollowUp; retry?: OptInRetry }>()(isUpdatePassholderRequest),
  /** The five opt-ins of a pass holder: after a registration whose own follow-up failed, or changed on their screen. */
  'uitpas:setOptInPreferences': request<OptInPreferences>()(isOptInChange),
  /** Blocks one card (lost, stolen, defect); a new card is a separate step. */
  'uitpas:blockCard': request<{ code: string }>()(isBlockRequest),
  'uitpas:registerInCardSystem': request<Passholder>()(isCardSystemRegistration),
  'uitpas:updateCardSystemData': request<{ code: string }>()(isCardSystemDataChange),
} as const;

type R = typeof passholderRequests;

export interface PassholdersApi {
  getCard(request: RequestIn<R, 'uitpas:getCard'>): Answer<R, 'uitpas:getCard'>;
  getPrice(query: RequestIn<R, 'uitpas:getPrice'>): Answer<R, 'uitpas:getPrice'>;
  findPassholders(request: RequestIn<R, 'uitpas:findPassholders'>): Answer<R, 'uitpas:findPassholders'>;
  identify(request: RequestIn<R, 'uitpas:identify'>): Answer<R, 'uitpas:identify'>;
  searchPassholders(request: RequestIn<R, 'uitpas:searchPassholders'>): Answer<R, 'uitpas:searchPassholders'>;
  registerPassholder(fields: RequestIn<R, 'uitpas:registerPassholder'>): Answer<R, 'uitpas:registerPassholder'>;
  registerNewCard(request: RequestIn<R, 'uitpas:registerNewCard'>): Answer<R, 'uitpas:registerNewCard'>;
  updatePassholder(request: RequestIn<R, 'uitpas:updatePassholder'>): Answer<R, 'uitpas:updatePassholder'>;
  setOptInPreferences(request: RequestIn<R, 'uitpas:setOptInPreferences'>): Answer<R, 'uitpas:setOptInPreferences'>;
  blockCard(request: RequestIn<R, 'uitpas:blockCard'>): Answer<R, 'uitpas:blockCard'>;
  registerInCardSystem(request: RequestIn<R, 'uitpas:registerInCardSystem'>): Answer<R, 'uitpas:registerInCardSystem'>;
  updateCardSystemData(request: RequestIn<R, 'uitpas:updateCardSystemData'>): Answer<R, 'uitpas:updateCardSystemData'>;
}
