/**
 * The visit's channels (electron/ipc/contract/visit.ts) under the unknown-outcome rule: a check-in, a sale, a
 * cancellation and a cash-in go through the write gate and the pending outcomes like every write (write-wiring.ts):
 * a lost or unreadable answer leaves the write pending, nothing sends it again by itself, and the look-up that
 * shows what UiTPAS did settles it: the activity re-read for a check-in, the sale history for a sale or its
 * cancellation, the advantages for a welcome advantage, the cashed promotions (A12) for a points promotion (issue 24 item 6).
 */
import type { HandlerTable, RequestOf, ResponseOf } from '../ipc/contract';
import type { VisitChannel, createVisitHandlers } from '../uitpas/visit-handlers';
import { visitKeys } from './visit-keys';
import type { WriteServices } from './write-wiring';

type VisitHandlers = ReturnType<typeof createVisitHandlers>;
type VisitWrite = 'visit:checkin' | 'visit:buyTicket' | 'visit:cancelTicketSale' | 'visit:cashInWelcomeAdvantage' | 'visit:cashInPointsPromotion';

/** The pending key of each write, the look-up that settles it decides which (visit-keys.ts). */
const settledBy: { [C in VisitWrite]: (request: RequestOf<C>) => string } = {
  'visit:checkin': ({ uitpasNumber, cdbid }) => visitKeys.checkin(uitpasNumber, cdbid),
  'visit:buyTicket': ({ uitpasNumber }) => visitKeys.sales(uitpasNumber),
  'visit:cancelTicketSale': ({ uitpasNumber }) => visitKeys.sales(uitpasNumber),
  'visit:cashInWelcomeAdvantage': ({ uitpasNumber }) => visitKeys.advantages(uitpasNumber),
  'visit:cashInPointsPromotion': ({ uitpasNumber }) => visitKeys.promotions(uitpasNumber),
};

export function visitHandlers(visit: VisitHandlers, writes: WriteServices): Pick<HandlerTable, VisitChannel> {
  const writing =
    <C extends VisitWrite>(channel: C) =>
    (request: RequestOf<C>): Promise<ResponseOf<C>> => {
      const key = (settledBy[channel] as (request: RequestOf<C>) => string)(request);
      const memory = [visitKeys.card((request as { uitpasNumber: string }).uitpasNumber)];
      return writes.write(channel, request, { lookUp: [key], memory }, async () => (visit[channel] as (request: RequestOf<C>) => Promise<ResponseOf<C>>)(request));
    };

  return {
    'visit:searchActivities': (search) =>
      writes.lookingUp(async () => visit['visit:searchActivities'](search), (page) => page.activities.map((activity) => visitKeys.checkin(search.uitpasNumber, activity.cdbid))),
    'visit:getAdvantages': (request) => writes.lookingUp(async () => visit['visit:getAdvantages'](request), () => [visitKeys.advantages(request.uitpasNumber)]),
    'visit:getTicketSales': (request) => writes.lookingUp(async () => visit['visit:getTicketSales'](request), () => [visitKeys.sales(request.uitpasNumber)]),
    'visit:getCoupons': (request) => visit['visit:getCoupons'](request),
    'visit:getPointsHistory': (request) => writes.lookingUp(async () => visit['visit:getPointsHistory'](request), () => [visitKeys.promotions(request.uitpasNumber)]),
    'visit:checkin': writing('visit:checkin'),
    'visit:buyTicket': writing('visit:buyTicket'),
    'visit:cancelTicketSale': writing('visit:cancelTicketSale'),
    'visit:cashInWelcomeAdvantage': writing('visit:cashInWelcomeAdvantage'),
    'visit:cashInPointsPromotion': writing('visit:cashInPointsPromotion'),
  };
}
