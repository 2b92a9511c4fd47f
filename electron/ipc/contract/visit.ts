/**
 * The pass holder's visit (issue 24): the balie's activities for a card, saving points, selling a ticket at
 * kansentarief or with a coupon and undoing it, advantages and cashing them in, coupons and both histories.
 * Payload fields are the UiTPAS API's own parameter names; the model is electron/uitpas/visit-model.ts, the
 * calls behind each channel are A1–A15 of /work/shared/reference/counter-day.md.
 */
import type {
  ActivityPage,
  Advantage,
  CashInResult,
  CheckinResult,
  Coupon,
  PointsHistoryEntry,
  TicketSale,
  TicketSaleResult,
} from '../../uitpas/visit-model';
import {
  isActivitySearch,
  isCancelTicketSaleRequest,
  isCardQuery,
  isCashInPointsPromotionRequest,
  isCashInWelcomeAdvantageRequest,
  isCheckinRequest,
  isTicketSaleRequest,
} from '../payload-guards';
import { request, type Answer, type RequestIn } from './channel-spec';

export type * from '../../uitpas/visit-model';
export { activityDateTypes } from '../../uitpas/visit-model';

export const visitRequests = {
  /** A1: the balie's activities for this card (today first by default), with check-in state and price offer; `cdbid` re-reads one. */
  'visit:searchActivities': request<ActivityPage>()(isActivitySearch),
  /** A2 "Punten sparen": the new balance and the activity re-read. A lost answer is an unknown outcome: settled by re-reading the activity. */
  'visit:checkin': request<CheckinResult>()(isCheckinRequest),
  /** A3 "Tarief toekennen": kansentarief (no coupon) or a coupon; amountOfTickets for a group pass only. Settled by the sale history. */
  'visit:buyTicket': request<TicketSaleResult>()(isTicketSaleRequest),
  /** A4 "Ongedaan maken": undo a sale from the history. Settled by the sale history. */
  'visit:cancelTicketSale': request<{ code: 'ACTION_SUCCEEDED' }>()(isCancelTicketSaleRequest),
  /** A6 + A8: welcome advantages and points promotions cashable at this balie now, welcome ones first. */
  'visit:getAdvantages': request<Advantage[]>()(isCardQuery),
  /** A7 "Omruilen" of a welcome advantage, then A10 and the balance. Settled by the advantage's cashedIn. */
  'visit:cashInWelcomeAdvantage': request<CashInResult>()(isCashInWelcomeAdvantageRequest),
  /** A9 "Omruilen" of a points promotion, then A11 and the balance. Settled by the advantages' re-read. */
  'visit:cashInPointsPromotion': request<CashInResult>()(isCashInPointsPromotionRequest),
  /** A15 "Bonnen": the card's coupons with what is left. */
  'visit:getCoupons': request<Coupon[]>()(isCardQuery),
  /** A13 + A12 "Historiek" of the points: check-ins at this balie and cashed promotions, a year back, newest first. */
  'visit:getPointsHistory': request<PointsHistoryEntry[]>()(isCardQuery),
  /** A14 "Historiek korting & bonnen": this balie's ticket sales to the card, newest first. */
  'visit:getTicketSales': request<TicketSale[]>()(isCardQuery),
} as const;

type R = typeof visitRequests;

export interface VisitApi {
  searchActivities(search: RequestIn<R, 'visit:searchActivities'>): Answer<R, 'visit:searchActivities'>;
  checkin(request: RequestIn<R, 'visit:checkin'>): Answer<R, 'visit:checkin'>;
  buyTicket(request: RequestIn<R, 'visit:buyTicket'>): Answer<R, 'visit:buyTicket'>;
  cancelTicketSale(request: RequestIn<R, 'visit:cancelTicketSale'>): Answer<R, 'visit:cancelTicketSale'>;
  getAdvantages(request: RequestIn<R, 'visit:getAdvantages'>): Answer<R, 'visit:getAdvantages'>;
  cashInWelcomeAdvantage(request: RequestIn<R, 'visit:cashInWelcomeAdvantage'>): Answer<R, 'visit:cashInWelcomeAdvantage'>;
  cashInPointsPromotion(request: RequestIn<R, 'visit:cashInPointsPromotion'>): Answer<R, 'visit:cashInPointsPromotion'>;
  getCoupons(request: RequestIn<R, 'visit:getCoupons'>): Answer<R, 'visit:getCoupons'>;
  getPointsHistory(request: RequestIn<R, 'visit:getPointsHistory'>): Answer<R, 'visit:getPointsHistory'>;
  getTicketSales(request: RequestIn<R, 'visit:getTicketSales'>): Answer<R, 'visit:getTicketSales'>;
}
