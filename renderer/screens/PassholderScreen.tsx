import { useEffect, useRef, useState } from 'react';
import type { OptInRetry, Passholder } from '../../electron/ipc/contract';
import { OptInsRetry } from '../components/OptInsRetry';
import { EidAddressNotice } from '../components/EidChanges';
import { EidPanel } from '../components/EidPanel';
import { PassholderFacts } from '../components/PassholderFacts';
import { VisitPanels, VisitSidePanel } from '../components/visit/VisitPanels';
import { useApp } from '../context';
import { formatDate } from '../format/date';
import { formatAmount, formatUitpasNumber } from '../format/numbers';
import { latestKansenStatuutEndDate } from '../../electron/rules/fields';
import { cardsAfter, currentCards, type CardAfter } from '../flows/cards-after';
import { focusElement } from '../flows/focus';
import { texts } from '../texts';
import { BlockForm, type BlockReason } from './actions/BlockForm';
import { KansenStatuutForm } from './actions/KansenStatuutForm';
import { NewCardForm, type NewCardDone } from './actions/NewCardForm';
import { OptInsForm } from './actions/OptInsForm';
import { RegisterInSystemForm, type RegisteredInSystem } from './actions/RegisterInSystemForm';
import { UpdateForm } from './actions/UpdateForm';


const noCards: CardAfter[] = [];

type Action = 'newCard' | 'update' | 'registerInSystem' | 'updateCardSystem' | 'optIns' | 'block';

/** "Vraag € 5,00." when there is something to collect. */
const collect = (price: string | undefined) => (price && Number(price) > 0 ? ` ${texts.register.collect(formatAmount(price))}` : '');

/** What UiTPAS now says about a card the pass holder had before the new one. */
function cardAfterText({ number, systemName, status }: CardAfter): string {
  const shown = formatUitpasNumber(number);
  if (status === 'BLOCKED') return texts.passholder.oldCardBlocked(shown);
  if (status === 'ACTIVE') return texts.passholder.cardStillActive(shown, systemName);
  if (status === null) return texts.passholder.cardStatusUnknown(shown);
  return texts.passholder.cardNowInState(shown, texts.passholder.cardState[status] ?? status.toLowerCase());
}

/** A pass holder found by number, INSZ, name or eID, and what this balie may do for them. */
export function PassholderScreen({ passholder, initialAction }: { passholder: Passholder; initialAction?: Action }) {
  const { api, store } = useApp();
  const { session, card } = store();
  const [holder, setHolder] = useState(passholder);
  const [action, setAction] = useState<Action | null>(initialAction ?? null);
  const [done, setDone] = useState<{ message: string; id: number } | null>(null);
  /** Opt-ins the update's follow-up could not store (SX PassHolderService::update), offered once more. */
  const [optInsRetry, setOptInsRetry] = useState<OptInRetry | null>(null);
  // Cards replaced at this counter stay listed when the pass holder is opened again, their status asked anew (uitpas/card).
  const formerCards = store((state) => state.formerCards[holder.uid]) ?? noCards;
  const balanceInVisit = store((state) => state.visit?.subject.kind === 'passholder');
  const setFormerCards = (change: (current: CardAfter[]) => CardAfter[]) =>
    store.setState((state) => ({ formerCards: { ...state.formerCards, [holder.uid]: change(state.formerCards[holder.uid] ?? []) } }));
  /** The card being blocked, and after a block the reason the new card is offered with. */
  const [blocking, setBlocking] = useState<string | null>(null);
  const [newCardReason, setNewCardReason] = useState<BlockReason | undefined>(undefined);
  const heading = useRef<HTMLHeadingElement>(null);
  const doneNotice = useRef<HTMLParagraphElement>(null);
  const balieSystems = session?.balie?.cardSystems ?? [];
  const may = (permission: string, systemId?: string) =>
    balieSystems.some((system) => (systemId === undefined || system.id === systemId) && system.permissions.includes(permission));
  const otherSystems = balieSystems.filter((system) => system.permissions.includes('registratie') && !holder.cardSystems.some((own) => own.id === system.id));
  const kansenSystems = holder.cardSystems.filter((system) => system.kansenStatuut && may('kansenstatuut toekennen', system.id));
  // At the latest end date UiTPAS allows there is nothing to extend: the button goes, a line says why and when it can.
  const latest = latestKansenStatuutEndDate(new Date());
  const extendable = kansenSystems.filter((system) => (system.kansenStatuutEndDate?.slice(0, 10) ?? '') < latest);

  useEffect(() => {
    const known = store.getState().formerCards[holder.uid] ?? [];
    if (known.length === 0) return;
    void cardsAfter(api, known, '').then((now) => setFormerCards(() => now.map((card, index) => ({ ...card, status: card.status ?? known[index]?.status ?? null }))));
    // Once per opening: the statuses of the cards it already listed.
  }, []);
  // Opening a pass holder puts the focus on their name (not the page body), unless an action opens with them.
  useEffect(() => {
    if (!initialAction) focusElement(heading.current);
  }, [initialAction]);
  // After an action, the focus goes to what happened.
  useEffect(() => {
    if (done) focusElement(doneNotice.current);
  }, [done]);

  const finish = async (message: string, number?: string) => {
    setAction(null);
    setDone({ message, id: Date.now() });
    const current = number ?? holder.cardSystems.find((system) => system.currentCard)?.currentCard?.uitpasNumber;
    if (!current) return;
    const found = await api.findPassholders({ query: current });
    const fresh = found.ok ? found.value.find((candidate) => candidate.uid === holder.uid) : undefined;
    if (!fresh) return;
    setHolder(fresh);
    store.passholderReread(fresh);
  };
  /** Another action throws away what was typed in the open one: ask first. */
  const open = async (name: Action) => {
    if (action !== name && !(await store.mayLeave())) return;
    setDone(null);
    setOptInsRetry(null);
    setNewCardReason(undefined);
    setAction(name);
  };
  const block = async (uitpasNumber: string) => {
    if (!(await store.mayLeave())) return;
    setDone(null);
    setOptInsRetry(null);
    setBlocking(uitpasNumber);
    setAction('block');
  };
  /** Blocked: said so, and the new card offered at once with the matching reason (NG block-pass "block and replace"). */
  const blocked = (uitpasNumber: string) => (reason: BlockReason) =>
    void finish(texts.record.blocked(formatUitpasNumber(uitpasNumber)), uitpasNumber).then(() => {
      setNewCardReason(reason);
      setAction('newCard');
    });
  const newCardDone = async ({ number, price }: NewCardDone) => {
    const after = await cardsAfter(api, currentCards(holder), number);
    // A card no longer in use stays listed with its status (it is not in the pass holder's data any more).
    setFormerCards((current) => [...current.filter((card) => !after.some((now) => now.number === card.number)), ...after.filter((card) => card.status !== null && card.status !== 'ACTIVE')]);
    const told = after.map((card) => ` ${cardAfterText(card)}`).join('');
    void finish(`${texts.passholder.newCardDone(formatUitpasNumber(number))}${collect(price)}${told}`, number);
  };
  const inSystemDone = ({ systemName, number, price }: RegisteredInSystem) => void finish(`${texts.passholder.registeredInSystem(systemName)}${collect(price)}`, number);

  const actions: [Action, string, boolean][] = [
    ['newCard', texts.passholder.newCard, may('registratie')],
    ['update', texts.passholder.update, may('registratie')],
    ['registerInSystem', texts.passholder.registerInSystem, otherSystems.length > 0],
    ['updateCardSystem', texts.passholder.updateCardSystem, extendable.length > 0],
    ['optIns', texts.record.changeOptIns, may('registratie')],
  ];
  // As the real counter's pass holder page (NG passholder/ubr.passholder.module.js): the record in the side column,
  // the visit (activities, advantages) in the main one, so a tapped card shows the activities without scrolling at 1024×640.
  return (
    <main className="columns passholder">
      <div>
        <section className="panel holder-head" aria-labelledby="holder-title">
          <h2 id="holder-title" ref={heading} data-testid="passholder-name">
            {[holder.firstName, holder.secondName, holder.name].filter(Boolean).join(' ')}
          </h2>
          <EidAddressNotice holder={holder} card={card} />
          <div aria-live="polite">
            {done && (
              <p ref={doneNotice} key={done.id} className="notice ok" data-testid="done">
                {done.message}
              </p>
            )}
            {optInsRetry && <OptInsRetry key={done?.id} retry={optInsRetry} after="update" />}
          </div>
        </section>
        {action === 'newCard' && <NewCardForm key={newCardReason ?? 'new'} holder={holder} initialReason={newCardReason} onDone={(card) => void newCardDone(card)} />}
        {action === 'block' && blocking && <BlockForm key={blocking} uitpasNumber={blocking} onDone={blocked(blocking)} />}
        {action === 'optIns' && <OptInsForm holder={holder} onDone={() => void finish(texts.record.optInsSaved)} />}
        {action === 'update' && (
          <UpdateForm
            holder={holder}
            onDone={({ picture, retry }) => {
              void finish(`${texts.passholder.saved}${picture === 'stored' ? ` ${texts.record.photoStored}` : picture === 'failed' ? ` ${texts.record.photoFailed}` : ''}`);
              setOptInsRetry(retry ?? null);
            }}
          />
        )}
        {action === 'registerInSystem' && <RegisterInSystemForm holder={holder} systems={otherSystems} onDone={inSystemDone} />}
        {action === 'updateCardSystem' && <KansenStatuutForm holder={holder} systems={extendable} onDone={(endDate) => void finish(texts.passholder.extended(formatDate(endDate)))} />}
        <VisitPanels />
      </div>
      <div>
        <section className="panel record" aria-labelledby="record-title">
          <h3 id="record-title">{texts.passholder.record}</h3>
          <PassholderFacts holder={holder} formerCards={formerCards} balanceInVisit={balanceInVisit} onBlock={{ may: (systemId) => may('registratie', systemId), block: (number) => void block(number) }} />
          <div className="actions">
            {actions
              .filter(([, , offered]) => offered)
              .map(([name, label]) => (
                <button
                  key={name}
                  type="button"
                  className={action === name ? 'primary' : ''}
                  aria-pressed={action === name}
                  onClick={() => void open(name)}
                >
                  {label}
                </button>
              ))}
            <button type="button" onClick={() => void store.go({ name: 'home' })}>
              {texts.session.back}
            </button>
          </div>
          {kansenSystems.length > 0 && extendable.length === 0 && (
            <p className="hint" data-testid="kansenstatuut-at-latest">
              {texts.passholder.atLatest(formatDate(latest))}
            </p>
          )}
        </section>
        <VisitSidePanel />
        <EidPanel showRegister={false} />
      </div>
    </main>
  );
}
