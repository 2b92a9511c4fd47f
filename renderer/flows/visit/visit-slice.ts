/**
 * The visit of a pass holder or a group pass at the counter (issue 24), as a store slice with named
 * transitions: the screens render `visit` and dispatch these. Everything the page shows comes from an
 * answer of main (window.balie, electron/ipc/contract/visit.ts); nothing is worked out here but the
 * amount to collect for a chosen tariff and number of persons (NG "Totaal" = price × count,
 * /work/shared/reference/counter-day.md §8, "the reference" below).
 *
 * Writes (a check-in, a sale, its cancellation, a cash-in) follow the unknown-outcome rule: an answer that
 * was lost or unreadable leaves the write `unknown`, nothing is sent again by itself, and only a look-up
 * (the transitions named `…LookedUp`) settles it, from what UiTPAS then shows (issue 24 item 6).
 */
import type {
  Activity,
  ActivityDateType,
  ActivityPage,
  Advantage,
  BalieApi,
  BalieError,
  Coupon,
  PointsHistoryEntry,
  Result,
  TicketSale,
} from '../../../electron/ipc/contract';

/** The real counter pages its activities by 5 (NG activity.controller.js, reference §1.1). */
export const activitiesPerPage = 5;

export type VisitSubject =
  /** `chipNumber`: the card was tapped, so a check-in names the chip (reference §2.1). `points`: the balance as UiTPAS last said it. */
  | { kind: 'passholder'; uitpasNumber: string; chipNumber?: string; points: number | null }
  /** A group pass: no points and no advantages, tickets at kansentarief from a yearly quota (reference §8). */
  | { kind: 'groupPass'; uitpasNumber: string; availableTickets: number | null };

export type Loadable<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; error: BalieError };

export interface ActivitiesQuery {
  datetype: ActivityDateType;
  /** YYYY-MM-DD, with `day` only. */
  date?: string;
  q: string;
  /** From 1. */
  page: number;
}

/**
 * What became of one write: `unknown` keeps when it was sent and the balance before it, which the look-up
 * compares with what UiTPAS then shows; `settled` is what that look-up found.
 */
export type Outcome<Done> =
  | { step: 'sending' }
  | { step: 'done'; done: Done }
  | { step: 'refused'; error: BalieError }
  | { step: 'unknown'; error: BalieError; sentAt: number; balanceBefore: number | null; checking?: boolean; checkFailed?: boolean }
  | { step: 'settled'; arrived: boolean };

export interface VisitOutcomes {
  /** By cdbid: the points earned and the balance after them. */
  checkin: Record<string, Outcome<{ earned: number; balance: number }>>;
  /** By cdbid: the sale and what to collect. */
  sale: Record<string, Outcome<{ ticketSale: TicketSale; collectCents: number; persons: number }>>;
  /** By ticketSaleId. */
  cancel: Record<string, Outcome<{ refundCents?: number }>>;
  /** By advantageKey(). */
  cashIn: Record<string, Outcome<{ title: string; balance: number | null }>>;
}

/** A tariff being chosen: several price classes or tariffs, or a group pass (it always asks the number of persons). */
export interface SaleChoice {
  cdbid: string;
  /** Index into the activity's `sales.tariffs`. */
  tariff: number;
  priceClass: string;
  persons: number;
}

export interface VisitState {
  /** Per opened visit: an answer for an earlier person is dropped. */
  id: number;
  subject: VisitSubject;
  query: ActivitiesQuery;
  activities: Loadable<ActivityPage>;
  /** Pass holders only. */
  advantages?: Loadable<Advantage[]>;
  coupons: Loadable<Coupon[]>;
  /** Open when staff asked for it ("Historiek"); points only for a pass holder. */
  history?: { points?: Loadable<PointsHistoryEntry[]>; sales: Loadable<TicketSale[]> };
  choice?: SaleChoice;
  outcomes: VisitOutcomes;
}

/** Whether a write of this visit is on its way or has an outcome nobody has checked yet (a lost answer). */
export function visitAwaitsOutcome(visit: VisitState | undefined): boolean {
  if (!visit) return false;
  return Object.values(visit.outcomes).some((byKey: Record<string, { step: string }>) => Object.values(byKey).some((outcome) => outcome.step === 'sending' || outcome.step === 'unknown'));
}

/** What the slice needs from the app store: the state's `visit`, the app's dialog, and counting writes in flight. */
export interface VisitHost {
  get(): VisitState | undefined;
  put(visit: VisitState | undefined): void;
  ask(question: { title: string; text: string; yes: string; no: string }): Promise<boolean>;
  track<T>(request: Promise<T>): Promise<T>;
}

/** The words of the two questions, from the page's catalogue (the slice holds no text of its own). */
export interface VisitQuestions {
  cancel(sale: TicketSale): { title: string; text: string; yes: string; no: string };
  cashIn(advantage: Advantage): { title: string; text: string; yes: string; no: string };
}

type VisitCalls = Pick<
  BalieApi,
  | 'searchActivities'
  | 'checkin'
  | 'buyTicket'
  | 'cancelTicketSale'
  | 'getAdvantages'
  | 'cashInWelcomeAdvantage'
  | 'cashInPointsPromotion'
  | 'getCoupons'
  | 'getPointsHistory'
  | 'getTicketSales'
  | 'identify'
>;

export const advantageKey = (advantage: Pick<Advantage, 'kind' | 'id'>) => `${advantage.kind}:${advantage.id}`;

/** The open tariffs of an activity, in SX's order (kansentarief first): what a choice offers. */
export const openTariffs = (activity: Activity) => activity.sales.tariffs.map((tariff, index) => ({ tariff, index })).filter(({ tariff }) => !tariff.maximumReached);

/** What the chosen tariff and class cost per person, or undefined when the class has no price in that tariff. */
export function choicePrice(activity: Activity, choice: SaleChoice): number | undefined {
  return activity.sales.tariffs[choice.tariff]?.prices.find((price) => price.priceClass === choice.priceClass)?.cents;
}

/** A sale in the history counts as the one whose answer was lost when it is for that activity and no older than this before sending (clocks differ; inferred). */
const saleClockSlackMs = 10 * 60_000;

const unwrap = <T>(result: Result<T>): Loadable<T> => (result.ok ? { status: 'ready', value: result.value } : { status: 'failed', error: result.error });
const points = (value: string | number | undefined | null): number | null => {
  const number = Number(value);
  return value === undefined || value === null || value === '' || !Number.isFinite(number) ? null : Math.trunc(number);
};

export function createVisitSlice(api: VisitCalls, host: VisitHost, questions: VisitQuestions) {
  let opened = 0;
  let activitiesAsked = 0;

  /** Changes the visit if it is still the one `id` names (an answer for an earlier person changes nothing). */
  const update = (id: number, change: (visit: VisitState) => VisitState) => {
    const visit = host.get();
    if (visit && visit.id === id) host.put(change(visit));
  };
  /** `Outcome<never>`: any step but `done`, which fits every kind. */
  const setOutcome = <K extends keyof VisitOutcomes>(id: number, kind: K, key: string, outcome: VisitOutcomes[K][string] | Outcome<never>) =>
    update(id, (visit) => ({ ...visit, outcomes: { ...visit.outcomes, [kind]: { ...visit.outcomes[kind], [key]: outcome } } }));
  const setBalance = (id: number, balance: number | null) =>
    update(id, (visit) => (visit.subject.kind === 'passholder' && balance !== null ? { ...visit, subject: { ...visit.subject, points: balance } } : visit));
  /** An activity as re-read after a write, in place in the list. */
  const replaceActivity = (id: number, activity: Activity) =>
    update(id, (visit) =>
      visit.activities.status === 'ready'
        ? { ...visit, activities: { status: 'ready', value: { ...visit.activities.value, activities: visit.activities.value.activities.map((one) => (one.cdbid === activity.cdbid ? activity : one)) } } }
        : visit,
    );
  const findActivity = (visit: VisitState, cdbid: string) => (visit.activities.status === 'ready' ? visit.activities.value.activities.find((one) => one.cdbid === cdbid) : undefined);
  /** One activity re-read (A1 with its cdbid), as SX does after a write. */
  const reReadActivity = async (visit: VisitState, cdbid: string): Promise<Activity | null> => {
    const result = await api.searchActivities({ uitpasNumber: visit.subject.uitpasNumber, datetype: 'unlimited', cdbid });
    return result.ok ? (result.value.activities.find((one) => one.cdbid === cdbid) ?? null) : null;
  };
  /** The card as uitpas/retrieve has it now: the pass holder's balance, or the group's tickets left. */
  const reReadCard = async (id: number, uitpasNumber: string): Promise<number | null> => {
    const found = await api.identify({ query: uitpasNumber });
    if (!found.ok || !found.value) return null;
    if (found.value.groupPass) {
      const left = points(found.value.groupPass.availableTickets);
      update(id, (visit) => (visit.subject.kind === 'groupPass' ? { ...visit, subject: { ...visit.subject, availableTickets: left } } : visit));
      return left;
    }
    const balance = points(found.value.passholder?.points);
    setBalance(id, balance);
    return balance;
  };

  const loadActivities = async (visit: VisitState) => {
    const asked = ++activitiesAsked;
    const { datetype, date, q, page } = visit.query;
    const result = await api.searchActivities({
      uitpasNumber: visit.subject.uitpasNumber,
      datetype,
      ...(datetype === 'day' && date ? { date } : {}),
      ...(q.trim() ? { q: q.trim() } : {}),
      start: (page - 1) * activitiesPerPage,
      max: activitiesPerPage,
    });
    // Only the latest search counts: a slow answer for an earlier range never replaces a newer one.
    if (asked === activitiesAsked) update(visit.id, (now) => ({ ...now, activities: unwrap(result) }));
  };
  const loadAdvantages = async (id: number, uitpasNumber: string) => {
    const result = await api.getAdvantages({ uitpasNumber });
    update(id, (visit) => ({ ...visit, advantages: unwrap(result) }));
    return result;
  };
  const loadCoupons = async (id: number, uitpasNumber: string) => {
    const result = await api.getCoupons({ uitpasNumber });
    update(id, (visit) => ({ ...visit, coupons: unwrap(result) }));
  };
  const loadSales = async (id: number, uitpasNumber: string) => {
    const result = await api.getTicketSales({ uitpasNumber });
    update(id, (visit) => ({ ...visit, history: { ...visit.history, sales: unwrap(result) } }));
    return result;
  };
  const loadPointsHistory = async (id: number, uitpasNumber: string) => {
    const result = await api.getPointsHistory({ uitpasNumber });
    update(id, (visit) => ({ ...visit, history: visit.history ? { ...visit.history, points: unwrap(result) } : visit.history }));
    return result;
  };
  /** A changed search: back to its first page, the list loading. */
  const searchChanged = (change: Partial<ActivitiesQuery>) => {
    const visit = host.get();
    if (!visit) return;
    const next: VisitState = { ...visit, query: { ...visit.query, page: 1, ...change }, activities: { status: 'loading' }, choice: undefined };
    host.put(next);
    void loadActivities(next);
  };

  /** Runs a write: `sending`, then its answer, a refusal, or an unknown outcome (never sent again by itself). */
  /** A write on its way or whose outcome is unknown is not sent again, nor asked again (a double click, or a lost answer). */
  const awaitingOutcome = (visit: VisitState, kind: keyof VisitOutcomes, key: string): boolean => {
    const outcome = visit.outcomes[kind][key];
    return outcome?.step === 'sending' || outcome?.step === 'unknown';
  };
  const writing = async <T>(
    visit: VisitState,
    kind: keyof VisitOutcomes,
    key: string,
    send: () => Promise<Result<T>>,
  ): Promise<{ ok: true; value: T } | { ok: false }> => {
    if (awaitingOutcome(visit, kind, key)) return { ok: false };
    const sentAt = Date.now();
    const balanceBefore = visit.subject.kind === 'passholder' ? visit.subject.points : null;
    setOutcome(visit.id, kind, key, { step: 'sending' });
    let result: Result<T>;
    try {
      result = await host.track(send());
    } catch {
      // The bridge itself failed after the request may have left: as unknown as a lost answer.
      result = { ok: false, error: { code: 'internal', outcomeUnknown: true } };
    }
    if (result.ok) return result;
    if (result.error.outcomeUnknown) setOutcome(visit.id, kind, key, { step: 'unknown', error: result.error, sentAt, balanceBefore });
    else setOutcome(visit.id, kind, key, { step: 'refused', error: result.error });
    return { ok: false };
  };

  /** Marks an unknown outcome as being looked up; false when there is none (or a look-up runs already). */
  const startLookUp = (visit: VisitState, kind: keyof VisitOutcomes, key: string) => {
    const outcome = visit.outcomes[kind][key];
    if (outcome?.step !== 'unknown' || outcome.checking) return undefined;
    setOutcome(visit.id, kind, key, { ...outcome, checking: true, checkFailed: false });
    return outcome;
  };

  const sell = async (visit: VisitState, activity: Activity, request: { priceClass: string; ticketSaleCouponId?: string; cents: number; persons?: number }) => {
    const { id, subject } = visit;
    const persons = request.persons ?? 1;
    const result = await writing(visit, 'sale', activity.cdbid, () =>
      api.buyTicket({
        cdbid: activity.cdbid,
        uitpasNumber: subject.uitpasNumber,
        priceClass: request.priceClass,
        ...(request.ticketSaleCouponId ? { ticketSaleCouponId: request.ticketSaleCouponId } : {}),
        // A group pass must say how many tickets, a pass holder must not (reference §3.2).
        ...(subject.kind === 'groupPass' ? { amountOfTickets: persons } : {}),
      }),
    );
    if (!result.ok) return;
    update(id, (now) => ({ ...now, choice: undefined }));
    // What UiTPAS registered is what to collect; for a group pass, whether its tariff is per person or for all is not
    // documented, so there the offer's price per person counts.
    const registered = subject.kind === 'passholder' ? result.value.ticketSale.tariffCents : undefined;
    setOutcome(id, 'sale', activity.cdbid, { step: 'done', done: { ticketSale: result.value.ticketSale, collectCents: registered ?? request.cents * persons, persons } });
    // As NG: the activity re-read, the coupons reloaded, and a group's tickets left read again (reference §3.3).
    if (result.value.activity) replaceActivity(id, result.value.activity);
    const after: Promise<unknown>[] = [loadCoupons(id, subject.uitpasNumber)];
    if (subject.kind === 'groupPass') after.push(reReadCard(id, subject.uitpasNumber));
    if (host.get()?.history) after.push(loadSales(id, subject.uitpasNumber));
    await Promise.all(after);
  };

  /** The cancellation itself, once staff said yes: the sale cancelled (A4), then the history, activities and coupons read again. */
const cancelConfirmed = async (sale: TicketSale): Promise<void> => {
    const visit = host.get();
    // Only a sale of the visit on screen: the next citizen's card may have opened another while staff were asked.
    if (!visit || !(visit.history?.sales.status === 'ready' && visit.history.sales.value.some((one) => one.id === sale.id))) return;
    const { id, subject } = visit;
    const result = await writing(visit, 'cancel', sale.id, () => api.cancelTicketSale({ ticketSaleId: sale.id, uitpasNumber: subject.uitpasNumber }));
    if (!result.ok) return;
    setOutcome(id, 'cancel', sale.id, { step: 'done', done: { ...(sale.tariffCents !== undefined ? { refundCents: sale.tariffCents } : {}) } });
    const now = host.get();
    if (now) await Promise.all([loadSales(id, subject.uitpasNumber), loadActivities(now), loadCoupons(id, subject.uitpasNumber)]);
  };

  return {
    /**
     * A pass holder or group pass opened: every first look-up goes out at once (activities of today,
     * advantages, coupons), so the page is complete one slowest answer after the scan, not one after another.
     */
    opened(subject: VisitSubject): void {
      const id = ++opened;
      const visit: VisitState = {
        id,
        subject,
        query: { datetype: 'today', q: '', page: 1 },
        activities: { status: 'loading' },
        ...(subject.kind === 'passholder' ? { advantages: { status: 'loading' } as const } : {}),
        coupons: { status: 'loading' },
        outcomes: { checkin: {}, sale: {}, cancel: {}, cashIn: {} },
      };
      host.put(visit);
      void loadActivities(visit);
      void loadCoupons(id, subject.uitpasNumber);
      if (subject.kind === 'passholder') void loadAdvantages(id, subject.uitpasNumber);
    },
    /** Another person, or no one: everything of this visit is dropped, and late answers with it. */
    closed(): void {
      opened++;
      host.put(undefined);
    },
    /** A range; "Kies datum" searches once it has a day (YYYY-MM-DD), until then it only shows the field. */
    rangeChanged(datetype: ActivityDateType, date?: string): void {
      const visit = host.get();
      if (datetype === 'day' && !/^\d{4}-\d{2}-\d{2}$/.test(date ?? '')) {
        if (visit) host.put({ ...visit, query: { ...visit.query, datetype, date: undefined } });
        return;
      }
      searchChanged({ datetype, date: datetype === 'day' ? date : undefined });
    },
    textSearched(q: string): void {
      searchChanged({ q });
    },
    pageChanged(page: number): void {
      const visit = host.get();
      if (!visit || page < 1) return;
      const next: VisitState = { ...visit, query: { ...visit.query, page }, activities: { status: 'loading' }, choice: undefined };
      host.put(next);
      void loadActivities(next);
    },

    /** "Punten sparen": one action; the new balance from the answer, the activity re-read (reference §2, §10.3). */
    async checkinRequested(cdbid: string): Promise<void> {
      const visit = host.get();
      if (!visit || visit.subject.kind !== 'passholder') return;
      const { id, subject } = visit;
      const activity = findActivity(visit, cdbid);
      const result = await writing(visit, 'checkin', cdbid, () =>
        api.checkin({ cdbid, uitpasNumber: subject.uitpasNumber, ...(subject.chipNumber ? { chipNumber: subject.chipNumber } : {}) }),
      );
      if (!result.ok) {
        // A refusal carries UiTPAS's count of the pass holder's points (DOC inchecken-pashouder.md).
        const outcome = host.get()?.outcomes.checkin[cdbid];
        if (outcome?.step === 'refused' && outcome.error.points !== undefined) setBalance(id, outcome.error.points);
        return;
      }
      setOutcome(id, 'checkin', cdbid, { step: 'done', done: { earned: activity?.numberOfPoints ?? 0, balance: result.value.points } });
      setBalance(id, result.value.points);
      const fresh = result.value.activity ?? (await reReadActivity(visit, cdbid));
      if (fresh) replaceActivity(id, fresh);
      // More points may open advantages (A8 filters on the holder's points), as NG reloads them.
      await loadAdvantages(id, subject.uitpasNumber);
    },
    /** The look-up that settles a check-in without an answer: the activity re-read (checkinConstraintReason) and the balance. */
    async checkinLookedUp(cdbid: string): Promise<void> {
      const visit = host.get();
      const unknown = visit && startLookUp(visit, 'checkin', cdbid);
      if (!visit || !unknown) return;
      const [activity] = await Promise.all([reReadActivity(visit, cdbid), reReadCard(visit.id, visit.subject.uitpasNumber)]);
      if (!activity) { setOutcome(visit.id, 'checkin', cdbid, { ...unknown, checking: false, checkFailed: true }); return; }
      replaceActivity(visit.id, activity);
      setOutcome(visit.id, 'checkin', cdbid, { step: 'settled', arrived: activity.checkin.state === 'saved' });
    },

    /**
     * "Tarief toekennen": one action when the offer is one price for a pass holder (kansentarief or a coupon);
     * a choice otherwise (several classes or tariffs, and always for a group pass, which says how many persons).
     */
    async saleRequested(cdbid: string): Promise<void> {
      const visit = host.get();
      const activity = visit && findActivity(visit, cdbid);
      if (!visit || !activity) return;
      const { offer } = activity;
      if (visit.subject.kind === 'passholder' && (offer.kind === 'kansentarief' || offer.kind === 'coupon')) {
        return sell(visit, activity, { priceClass: offer.priceClass, cents: offer.cents, ...(offer.kind === 'coupon' ? { ticketSaleCouponId: offer.ticketSaleCouponId } : {}) });
      }
      const first = openTariffs(activity)[0];
      const priceClass = first?.tariff.prices[0]?.priceClass;
      if (!first || priceClass === undefined) return;
      host.put({ ...visit, choice: { cdbid, tariff: first.index, priceClass, persons: 1 } });
    },
    choiceChanged(change: Partial<Omit<SaleChoice, 'cdbid'>>): void {
      const visit = host.get();
      if (!visit?.choice) return;
      const activity = findActivity(visit, visit.choice.cdbid);
      const next = { ...visit.choice, ...change };
      // Another tariff may not have the class chosen before: its first class then.
      if (activity && choicePrice(activity, next) === undefined) next.priceClass = activity.sales.tariffs[next.tariff]?.prices[0]?.priceClass ?? next.priceClass;
      host.put({ ...visit, choice: next });
    },
    choiceClosed(): void {
      const visit = host.get();
      if (visit) host.put({ ...visit, choice: undefined });
    },
    /** The chosen tariff, class and number of persons sold. */
    async saleConfirmed(): Promise<void> {
      const visit = host.get();
      const choice = visit?.choice;
      const activity = visit && choice && findActivity(visit, choice.cdbid);
      if (!visit || !choice || !activity) return;
      const tariff = activity.sales.tariffs[choice.tariff];
      const cents = choicePrice(activity, choice);
      if (!tariff || tariff.maximumReached || cents === undefined || choice.persons < 1) return;
      await sell(visit, activity, { priceClass: choice.priceClass, cents, persons: choice.persons, ...(tariff.ticketSaleCouponId ? { ticketSaleCouponId: tariff.ticketSaleCouponId } : {}) });
    },
    /** Settles a sale without an answer: the sale history (A14) shows whether it was registered. */
    async saleLookedUp(cdbid: string): Promise<void> {
      const visit = host.get();
      const unknown = visit && startLookUp(visit, 'sale', cdbid);
      if (!visit || !unknown) return;
      const [sales, activity] = await Promise.all([loadSales(visit.id, visit.subject.uitpasNumber), reReadActivity(visit, cdbid), visit.subject.kind === 'groupPass' ? reReadCard(visit.id, visit.subject.uitpasNumber) : null]);
      if (activity) replaceActivity(visit.id, activity);
      if (!sales.ok) { setOutcome(visit.id, 'sale', cdbid, { ...unknown, checking: false, checkFailed: true }); return; }
      const known = new Set(Object.values(visit.outcomes.sale).flatMap((outcome) => (outcome.step === 'done' ? [outcome.done.ticketSale.id] : [])));
      const arrived = sales.value.some(
        (sale) => sale.nodeId === cdbid && !known.has(sale.id) && (!sale.creationDate || Date.parse(sale.creationDate) >= unknown.sentAt - saleClockSlackMs),
      );
      setOutcome(visit.id, 'sale', cdbid, { step: 'settled', arrived });
    },

    historyOpened(): void {
      const visit = host.get();
      if (!visit) return;
      const history = { sales: { status: 'loading' } as const, ...(visit.subject.kind === 'passholder' ? { points: { status: 'loading' } as const } : {}) };
      host.put({ ...visit, history });
      void loadSales(visit.id, visit.subject.uitpasNumber);
      if (visit.subject.kind === 'passholder') void loadPointsHistory(visit.id, visit.subject.uitpasNumber);
    },
    historyClosed(): void {
      const visit = host.get();
      if (visit) host.put({ ...visit, history: undefined });
    },

    /** "Ongedaan maken": asked first in the app's dialog, then the sale cancelled (A4) and the lists read again. */
    async cancelAsked(ticketSaleId: string): Promise<void> {
      const visit = host.get();
      const sale = visit?.history?.sales.status === 'ready' ? visit.history.sales.value.find((one) => one.id === ticketSaleId) : undefined;
      if (!visit || !sale || awaitingOutcome(visit, 'cancel', ticketSaleId) || !(await host.ask(questions.cancel(sale)))) return;
      await cancelConfirmed(sale);
    },
    cancelConfirmed,
    /** Settles a cancellation without an answer: gone from the sale history means cancelled. */
    async cancelLookedUp(ticketSaleId: string): Promise<void> {
      const visit = host.get();
      const unknown = visit && startLookUp(visit, 'cancel', ticketSaleId);
      if (!visit || !unknown) return;
      const sales = await loadSales(visit.id, visit.subject.uitpasNumber);
      if (!sales.ok) { setOutcome(visit.id, 'cancel', ticketSaleId, { ...unknown, checking: false, checkFailed: true }); return; }
      setOutcome(visit.id, 'cancel', ticketSaleId, { step: 'settled', arrived: !sales.value.some((sale) => sale.id === ticketSaleId) });
    },

    /** "Omruilen": asked once in the app's dialog, then cashed in; the advantage re-read and the balance after it (reference §4.3, §10.5). */
    async cashInAsked(key: string): Promise<void> {
      const visit = host.get();
      const advantage = visit?.advantages?.status === 'ready' ? visit.advantages.value.find((one) => advantageKey(one) === key) : undefined;
      if (!visit || !advantage || !advantage.exchangeable || awaitingOutcome(visit, 'cashIn', key) || !(await host.ask(questions.cashIn(advantage)))) return;
      const now = host.get();
      if (!now || now.id !== visit.id) return;
      const { uitpasNumber } = now.subject;
      const result = await writing(now, 'cashIn', key, () =>
        advantage.kind === 'welcome'
          ? api.cashInWelcomeAdvantage({ uitpasNumber, welcomeAdvantageId: advantage.id })
          : api.cashInPointsPromotion({ uitpasNumber, pointsPromotionId: advantage.id }),
      );
      if (!result.ok) return;
      setOutcome(now.id, 'cashIn', key, { step: 'done', done: { title: advantage.title, balance: result.value.points } });
      setBalance(now.id, result.value.points);
      update(now.id, (later) =>
        later.advantages?.status === 'ready'
          ? { ...later, advantages: { status: 'ready', value: later.advantages.value.map((one) => (advantageKey(one) === key ? result.value.advantage : one)) } }
          : later,
      );
    },
    /**
     * Settles a cash-in without an answer. A welcome advantage no longer open was cashed (it is cashed once). A
     * points promotion can be cashed again, so the list cannot tell: the cashed promotions (A12, DOC
     * pashouders/ophalen-verzilverde-omruilvoordelen.md) can, one of this promotion cashed since the cash-in was sent
     * (clocks allowed to differ, as for a sale) means it was cashed. The balance is read again for the screen.
     */
    async cashInLookedUp(key: string): Promise<void> {
      const visit = host.get();
      const unknown = visit && startLookUp(visit, 'cashIn', key);
      const before = visit?.advantages?.status === 'ready' ? visit.advantages.value.find((one) => advantageKey(one) === key) : undefined;
      if (!visit || !unknown || !before) return;
      const { id, subject } = visit;
      const still = () => setOutcome(id, 'cashIn', key, { ...unknown, checking: false, checkFailed: true });
      if (before.kind === 'welcome') {
        const [advantages] = await Promise.all([loadAdvantages(id, subject.uitpasNumber), reReadCard(id, subject.uitpasNumber)]);
        if (!advantages.ok) {
          still();
          return;
        }
        setOutcome(id, 'cashIn', key, { step: 'settled', arrived: !advantages.value.find((one) => advantageKey(one) === key)?.exchangeable });
        return;
      }
      const [cashed] = await Promise.all([loadPointsHistory(id, subject.uitpasNumber), loadAdvantages(id, subject.uitpasNumber), reReadCard(id, subject.uitpasNumber)]);
      if (!cashed.ok) {
        still();
        return;
      }
      const arrived = cashed.value.some((entry) => entry.kind === 'cashed' && entry.promotionId === before.id && Date.parse(entry.date) >= unknown.sentAt - saleClockSlackMs);
      setOutcome(id, 'cashIn', key, { step: 'settled', arrived });
    },
  };
}

export type VisitSlice = ReturnType<typeof createVisitSlice>;

/** The card a visit works with: the one scanned, or else the pass holder's active card in a card system of this balie. */
export function visitCard(
  cardSystems: readonly { id: string; currentCard?: { uitpasNumber: string; status: string } }[],
  balieSystemIds: readonly string[],
  scanned?: string,
): string | undefined {
  if (scanned) return scanned;
  const cards = cardSystems.flatMap((system) => (system.currentCard ? [{ ...system.currentCard, here: balieSystemIds.includes(system.id) }] : []));
  return (cards.find((card) => card.here && card.status === 'ACTIVE') ?? cards.find((card) => card.status === 'ACTIVE') ?? cards[0])?.uitpasNumber;
}
