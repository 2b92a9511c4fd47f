/**
 * Where the visit's calls go in the simulator (paths: reference /work/shared/reference/counter-day.md §0.1).
 * Consumer requests may search activities (A1), points promotions (A8) and read one promotion (A10/A11), as CF
 * signs them; everything else needs a staff member's token.
 */
import { cashedPointsPromotions, cashInPointsPromotion, cashInWelcomeAdvantage, pointsPromotions, readPromotion, welcomeAdvantages } from './advantage-operations';
import { run, type OperationContext, type Reply } from './operation-core';
import { buyTicket, cancelTicketSale, checkin, searchActivities } from './visit-operations';
import { coupons, searchCheckins, searchTicketSales } from './visit-history-operations';

/** undefined: not a visit call; null: it needs a staff token and this was a consumer request. */
export function routeVisit(method: string, segments: readonly string[], context: OperationContext): Reply | null | undefined {
  const [, second, third, fourth, fifth] = segments;
  const path = segments.slice(1).join('/');
  if (method === 'GET') {
    if (path === 'cultureevent/search') return run(searchActivities, context);
    if (path === 'passholder/pointsPromotions') return run(pointsPromotions, context);
    if (second === 'promotion' && (third === 'welcomeAdvantage' || third === 'pointsPromotion') && fourth && segments.length === 4) return run((c) => readPromotion(c, third, fourth), context);
  }
  const staff = (reply: () => Reply): Reply | null => (context.employeeUid === null ? null : reply());
  if (method === 'GET') {
    if (path === 'cultureevent/searchCheckins') return staff(() => run(searchCheckins, context));
    if (path === 'cultureevent/searchTicketsales') return staff(() => run(searchTicketSales, context));
    if (second === 'passholder' && third && segments.length === 4) {
      if (fourth === 'welcomeadvantages') return staff(() => run((c) => welcomeAdvantages(c, third), context));
      if (fourth === 'coupons') return staff(() => run((c) => coupons(c, third), context));
      if (fourth === 'cashedPointsPromotions') return staff(() => run((c) => cashedPointsPromotions(c, third), context));
    }
    return undefined;
  }
  if (method !== 'POST') return undefined;
  if (path === 'passholder/checkin') return staff(() => run(checkin, context));
  if (second === 'passholder' && third && segments.length === 4) {
    if (fourth === 'cashInWelcomeAdvantage') return staff(() => run((c) => cashInWelcomeAdvantage(c, third), context));
    if (fourth === 'cashInPointsPromotion') return staff(() => run((c) => cashInPointsPromotion(c, third), context));
  }
  if (second === 'cultureevent' && third === 'cancel' && fourth && segments.length === 4) return staff(() => run((c) => cancelTicketSale(c, fourth), context));
  if (second === 'cultureevent' && third && fourth === 'buy' && fifth && segments.length === 5) return staff(() => run((c) => buyTicket(c, third, fifth), context));
  return undefined;
}
