import { describe, expect, it } from 'vitest';
import { createBalieApi } from '../../electron/ipc/bridge-api';
import type { EidCard } from '../../electron/ipc/contract';
import {
  answerQuestion,
  cardScanned,
  choicesChanged,
  eidArrived,
  eidReread,
  fieldTyped,
  kansenStatuutSet,
  nextStop,
  pendingAnswered,
  personChanged,
  scanOverAnswer,
  staffGaveSomething,
  sendFailed,
  sendStarted,
  startRegistration,
  tapUnresolved,
  type Registration,
} from '../../renderer/flows/registration';
import { createAppStore } from '../../renderer/store';

const today = new Date('2026-06-01T12:00:00Z');
/** When a key picked an answer (a KeyboardEvent's timeStamp). */
const keyAt = 1000;

/** The bridge as main drives it: events emitted by the test, every request refused. */
function fakeBridge() {
  const listeners = new Map<string, (payload: unknown) => void>();
  const api = createBalieApi({
    invoke: () => Promise.resolve({ ok: false, error: { code: 'internal' } }),
    subscribe: (channel, listener) => {
      listeners.set(channel, listener);
      return () => undefined;
    },
  });
  return { api, emit: (channel: string, payload: unknown) => listeners.get(channel)?.(payload) };
}


/** Two made-up citizens (valid INSZ check digits, nobody's). */
const card = (readId: string, who: 'benoit' | 'anneliese', reader = 'R0'): EidCard => ({
  reader,
  readId,
  complete: true,
  card: { appletVersion: '1.8', cardNumber: '1', documentType: 1, validityBegin: '', validityEnd: '' },
  prefill:
    who === 'benoit'
      ? { name: 'Dubois', firstName: 'Benoît', secondName: '', inszNumber: '85073003328', dateOfBirth: '1985-07-30', gender: 'MALE', nationality: 'Belg', placeOfBirth: 'Namur', street: 'Rue Haute 3', postalCode: '1000', city: 'Brussel', verified: true }
      : { name: 'Van den Broeck', firstName: 'Anneliese', secondName: '', inszNumber: '92021514689', dateOfBirth: '1992-02-15', gender: 'FEMALE', nationality: 'Belg', placeOfBirth: 'Gent', street: 'Veldstraat 1', postalCode: '9000', city: 'Gent', verified: true },
  dateOfBirthRaw: '',
  photo: null,
  integrity: null,
});

/** Benoît's form as the issue tells it: his e-mail typed, service e-mails and the terms by e-mail ticked, a card, the kansenstatuut. */
function benoitsForm(): Registration {
  let state = startRegistration({ card: card('b1', 'benoit'), storePhoto: true });
  state = fieldTyped(state, 'email', 'benoit@example.org');
  state = answerQuestion(state, 'optInServiceMails', keyAt);
  state = answerQuestion(state, 'legalTermsDigital', keyAt);
  state = cardScanned(state, '0900000000100');
  return kansenStatuutSet(state, true, today);
}

describe('the register form slice', () => {
  it('a change of citizen drops everything the previous one gave, in one transition', () => {
    const next = personChanged(benoitsForm(), card('a1', 'anneliese'));
    expect(next.form.values).toMatchObject({ name: 'Van den Broeck', firstName: 'Anneliese', inszNumber: '92021514689' });
    for (const gone of ['email', 'uitpasNumber', 'kansenStatuutEndDate']) expect(next.form.values[gone], gone).toBeUndefined();
    expect(next.choices.optIns.optInServiceMails).toBe(false);
    expect(next.choices.legalTermsDigital).toBe(false);
    expect(next.kansenStatuut).toBe(false);
    expect(next.form.eidReadId).toBe('a1');
    expect(next.form.dirty).toBe(false);
    expect(staffGaveSomething(next)).toBe(false);
  });

  it("asks before another citizen's eID replaces what the staff gave, and keeps the form on no", () => {
    const waiting = eidArrived(benoitsForm(), card('a1', 'anneliese'));
    expect(waiting.pendingCard?.readId).toBe('a1');
    expect(waiting.form.values.email).toBe('benoit@example.org');
    const kept = pendingAnswered(waiting, false, true);
    expect(kept.pendingCard).toBeNull();
    expect(kept.form.values).toMatchObject({ name: 'Dubois', email: 'benoit@example.org' });
    const replaced = pendingAnswered(waiting, true, true);
    expect(replaced.form.values.name).toBe('Van den Broeck');
    expect(replaced.form.values.email).toBeUndefined();
  });

  it('changes person at once when the staff gave nothing, and drops nothing for the same citizen read again', () => {
    const untouched = startRegistration({ card: card('b1', 'benoit'), storePhoto: true });
    const changed = eidArrived(untouched, card('a1', 'anneliese'));
    expect(changed.pendingCard).toBeNull();
    expect(changed.form.values.name).toBe('Van den Broeck');
    const again = eidArrived(benoitsForm(), card('b2', 'benoit'));
    expect(again.pendingCard).toBeNull();
    expect(again.form.values.email).toBe('benoit@example.org');
    expect(again.form.eidReadId).toBe('b2');
  });

  it('a first citizen fills the form and keeps a card scanned before', () => {
    const scannedFirst = startRegistration({ uitpasNumber: '0900000000100', storePhoto: true });
    const filled = eidArrived(scannedFirst, card('a1', 'anneliese'));
    expect(filled.form.values).toMatchObject({ uitpasNumber: '0900000000100', name: 'Van den Broeck' });
  });

  it("keeps the form this citizen's while a send is on its way or its lost answer waits for the look-up", () => {
    const sending = sendStarted(startRegistration({ card: card('b1', 'benoit'), storePhoto: true }));
    expect(eidArrived(sending, card('a1', 'anneliese'))).toBe(sending);
    const lost = sendFailed(sending, { code: 'uitpas-unreachable', outcomeUnknown: true }, 1);
    expect(lost.waitForLookUp).toBe(true);
    const after = eidArrived(lost, card('a1', 'anneliese'));
    expect(after).toBe(lost);
    expect(after.form.values.name).toBe('Dubois');
  });

  it('says an unknown tap beside the card field until another number is there (the form is never left for it)', () => {
    const open = startRegistration({ card: card('a1', 'anneliese'), storePhoto: true });
    const tapped = tapUnresolved(open, { id: 3, unknown: '04DEADBEEF0002', chip: true });
    expect(tapped.unresolvedTap).toEqual({ id: 3, unknown: '04DEADBEEF0002', chip: true });
    expect(tapped.form).toBe(open.form);
    expect(fieldTyped(tapped, 'email', 'a@example.be').unresolvedTap).not.toBeNull();
    expect(fieldTyped(tapped, 'uitpasNumber', '0900000000100').unresolvedTap).toBeNull();
    expect(cardScanned(tapped, '0900000000100').unresolvedTap).toBeNull();
  });

  it('the same read completing only says how far to trust it', () => {
    const pending = startRegistration({ card: { ...card('b1', 'benoit'), complete: false }, storePhoto: true });
    expect(pending.form.eidTrust).toBe('pending');
    expect(eidArrived(pending, card('b1', 'benoit')).form.eidTrust).toBe('verified');
  });

  it('picks answers by key: a "none" clears its group, an answer clears its "none", opt-ins toggle', () => {
    let state = answerQuestion(startRegistration({ storePhoto: true }), 'optInSms', keyAt);
    state = answerQuestion(state, 'optInPost', keyAt);
    expect(state.choices.optIns).toMatchObject({ optInSms: true, optInPost: true });
    state = answerQuestion(state, 'noOptIns', keyAt);
    expect(state.choices.noOptIns).toBe(true);
    expect(Object.values(state.choices.optIns).some(Boolean)).toBe(false);
    state = answerQuestion(state, 'optInSms', keyAt);
    expect(state.choices.noOptIns).toBe(false);
    state = answerQuestion(answerQuestion(state, 'legalTermsPaper', keyAt), 'noLegalTerms', keyAt);
    expect(state.choices).toMatchObject({ legalTermsPaper: false, noLegalTerms: true });
  });

  it("a scan that began on a question's box undoes the answer its first digit picked, and only that one", () => {
    let state = answerQuestion(cardScanned(startRegistration({ card: card('b1', 'benoit'), storePhoto: true }), '0900000000100'), 'noOptIns', 500);
    const given = state.choices;
    // The scan's first digit, 0, looked like "no contact" pressed by a person.
    state = answerQuestion(state, 'noContact', 2000);
    expect(state.choices.noContact).toBe(true);
    state = scanOverAnswer(state, 2000);
    expect(state.choices).toEqual(given);
    expect(state.choices.noOptIns).toBe(true);
    // Nothing left to undo, and an answer older than the scan is the staff's.
    expect(scanOverAnswer(state, 2000)).toBe(state);
    const older = answerQuestion(state, 'noContact', 1500);
    expect(scanOverAnswer(older, 1600).choices.noContact).toBe(true);
    // A change of citizen leaves nothing of the last one to bring back.
    expect(personChanged(older, card('a1', 'anneliese')).lastAnswer).toBeNull();
  });

  it('the next stop: the card, then each open question in turn, then the send button', () => {
    let state = startRegistration({ card: card('b1', 'benoit'), storePhoto: true });
    expect(nextStop(state, today)).toBe('uitpasNumber');
    state = cardScanned(state, '0900000000100');
    expect(state.scans).toBe(1);
    expect(nextStop(state, today)).toBe('email');
    state = answerQuestion(state, 'noContact', keyAt);
    // Without an e-mail address the e-mail messages cannot reach anyone: post is the first that can.
    expect(nextStop(state, today)).toBe('optInPost');
    expect(nextStop(fieldTyped(state, 'email', 'benoit@example.org'), today)).toBe('optInServiceMails');
    state = answerQuestion(state, 'noOptIns', keyAt);
    expect(nextStop(state, today)).toBe('legalTermsPaper');
    state = answerQuestion(state, 'legalTermsPaper', keyAt);
    expect(nextStop(state, today)).toBe('submit');
  });

  it('a birth date the card left empty is asked before the questions', () => {
    const yearOnly = { ...card('b1', 'benoit'), prefill: { ...card('b1', 'benoit').prefill, dateOfBirth: null }, dateOfBirthRaw: '1985' };
    const state = cardScanned(startRegistration({ card: yearOnly, storePhoto: true }), '0900000000100');
    expect(nextStop(state, today)).toBe('dateOfBirth');
  });

  it("an eID read again in its reader refreshes the form of that citizen and leaves another citizen's form alone", () => {
    const benoits = benoitsForm();
    expect(eidReread(benoits, card('b2', 'benoit')).form.eidReadId).toBe('b2');
    expect(eidReread(benoits, card('b2', 'benoit')).form.values.email).toBe('benoit@example.org');
    expect(eidReread(benoits, card('a2', 'anneliese'))).toBe(benoits);
  });

  it('choices changed by ticking count as something the staff gave', () => {
    const start = startRegistration({ storePhoto: true });
    expect(staffGaveSomething(choicesChanged(start, { ...start.choices, noContact: true }))).toBe(true);
  });
});

describe('the store binds the slice to eID events and scans', () => {
  it('a second eID in the other reader reaches the open form as a change of person; pulling it shows the first again', () => {
    const { api, emit } = fakeBridge();
    const store = createAppStore(api);
    emit('eid:card', card('b1', 'benoit', 'R0'));
    store.show({ name: 'register' });
    expect(store.getState().registration.form.values.name).toBe('Dubois');
    emit('eid:card', card('a1', 'anneliese', 'R1'));
    expect(store.getState().registration.form.values.name).toBe('Van den Broeck');
    expect(store.getState().eids.map((present) => present.readId)).toEqual(['b1', 'a1']);
    emit('eid:removed', { reader: 'R1' });
    expect(store.getState().card?.readId).toBe('b1');
    // The form is not switched back by a card that was already read: only a new read is an arrival.
    expect(store.getState().registration.form.values.name).toBe('Van den Broeck');
    expect(store.getState().registration.pendingCard).toBeNull();
  });
});

describe('a read that ends after its card was pulled', () => {
  it('brings nothing back: the panel keeps the eID that is still in', () => {
    const { api, emit } = fakeBridge();
    const store = createAppStore(api);
    emit('eid:card', card('a1', 'anneliese', 'R0'));
    emit('eid:card', { ...card('b1', 'benoit', 'R1'), complete: false });
    emit('eid:removed', { reader: 'R1' });
    emit('eid:card', card('b1', 'benoit', 'R1'));
    expect(store.getState().card?.readId).toBe('a1');
    expect(store.getState().eids.map((present) => present.readId)).toEqual(['a1']);
  });

  it('the end of an older read in the other reader neither takes the panel nor changes the citizen in the form', () => {
    const { api, emit } = fakeBridge();
    const store = createAppStore(api);
    emit('eid:card', { ...card('a1', 'anneliese', 'R0'), complete: false });
    store.show({ name: 'register' });
    emit('eid:card', { ...card('b1', 'benoit', 'R1'), complete: false });
    expect(store.getState().registration.form.values.name).toBe('Dubois');
    emit('eid:card', card('a1', 'anneliese', 'R0'));
    expect(store.getState().card?.readId).toBe('b1');
    expect(store.getState().registration.form.values.name).toBe('Dubois');
    expect(store.getState().eids.find((present) => present.readId === 'a1')?.complete).toBe(true);
  });

  it("a card read again without leaving its reader is no new citizen: the open form keeps the other one", () => {
    const { api, emit } = fakeBridge();
    const store = createAppStore(api);
    emit('eid:card', card('a1', 'anneliese', 'R0'));
    store.show({ name: 'register' });
    emit('eid:card', card('b1', 'benoit', 'R1'));
    expect(store.getState().registration.form.values.name).toBe('Dubois');
    emit('eid:removed', { reader: 'R1' });
    emit('eid:card', card('a2', 'anneliese', 'R0'));
    expect(store.getState().registration.form.values.name).toBe('Dubois');
    expect(store.getState().card?.readId).toBe('a2');
  });
});
