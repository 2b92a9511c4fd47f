/**
 * Builds the page's `window.balie` API on top of a transport. The preload uses
 * Electron's ipcRenderer as transport, the browser host a loopback WebSocket;
 * both hand the page the same object, so the renderer cannot tell them apart.
 */
import type {
  BalieApi,
  EventChannel,
  EventPayloadOf,
  RequestChannel,
  RequestOf,
  ResponseOf,
  Result,
} from './contract';

export interface BridgeTransport {
  invoke(channel: RequestChannel, payload: unknown): Promise<Result<unknown>>;
  /** Returns a function that removes the listener. Listeners get the payload only, never a transport event. */
  subscribe(channel: EventChannel, listener: (payload: unknown) => void): () => void;
}

export function createBalieApi(transport: BridgeTransport): BalieApi {
  const invoke = <C extends RequestChannel>(channel: C, payload: RequestOf<C>) =>
    transport.invoke(channel, payload) as Promise<Result<ResponseOf<C>>>;
  const on = <C extends EventChannel>(channel: C, listener: (payload: EventPayloadOf<C>) => void) =>
    transport.subscribe(channel, (payload) => listener(payload as EventPayloadOf<C>));

  return {
    getAppInfo: () => invoke('app:getInfo', undefined),
    confirmClose: (answer) => invoke('app:confirmClose', answer),
    getReaders: () => invoke('eid:getReaders', undefined),
    getCards: () => invoke('eid:getCards', undefined),
    insertDemoCard: (request) => invoke('eid:insertDemoCard', request),
    removeDemoCard: () => invoke('eid:removeDemoCard', undefined),
    practiseLostAnswers: (request) => invoke('demo:practiseLostAnswers', request),
    getSession: () => invoke('session:get', undefined),
    logIn: () => invoke('session:login', undefined),
    logOut: () => invoke('session:logout', undefined),
    chooseBalie: (request) => invoke('session:chooseBalie', request),
    saveSettings: (change) => invoke('settings:save', change),
    getCard: (request) => invoke('uitpas:getCard', request),
    getPrice: (query) => invoke('uitpas:getPrice', query),
    findPassholders: (request) => invoke('uitpas:findPassholders', request),
    identify: (request) => invoke('uitpas:identify', request),
    searchPassholders: (request) => invoke('uitpas:searchPassholders', request),
    registerPassholder: (fields) => invoke('uitpas:registerPassholder', fields),
    registerNewCard: (request) => invoke('uitpas:registerNewCard', request),
    updatePassholder: (request) => invoke('uitpas:updatePassholder', request),
    setOptInPreferences: (request) => invoke('uitpas:setOptInPreferences', request),
    blockCard: (request) => invoke('uitpas:blockCard', request),
    registerInCardSystem: (request) => invoke('uitpas:registerInCardSystem', request),
    updateCardSystemData: (request) => invoke('uitpas:updateCardSystemData', request),
    getSupportReport: (request) => invoke('support:getReport', request),
    getUpdateNotice: () => invoke('update:getNotice', undefined),
    searchActivities: (search) => invoke('visit:searchActivities', search),
    checkin: (request) => invoke('visit:checkin', request),
    buyTicket: (request) => invoke('visit:buyTicket', request),
    cancelTicketSale: (request) => invoke('visit:cancelTicketSale', request),
    getAdvantages: (request) => invoke('visit:getAdvantages', request),
    cashInWelcomeAdvantage: (request) => invoke('visit:cashInWelcomeAdvantage', request),
    cashInPointsPromotion: (request) => invoke('visit:cashInPointsPromotion', request),
    getCoupons: (request) => invoke('visit:getCoupons', request),
    getPointsHistory: (request) => invoke('visit:getPointsHistory', request),
    getTicketSales: (request) => invoke('visit:getTicketSales', request),
    answerProxyCredentials: (answer) => invoke('proxy:answerCredentials', answer),
    onCloseRequested: (listener) => on('app:closeRequested', listener),
    onSessionChanged: (listener) => on('session:changed', listener),
    onReaders: (listener) => on('eid:readers', listener),
    onReading: (listener) => on('eid:reading', listener),
    onCard: (listener) => on('eid:card', listener),
    onCardRemoved: (listener) => on('eid:removed', listener),
    onReadFailed: (listener) => on('eid:error', listener),
    onCardTapped: (listener) => on('card:tapped', listener),
    onCardSeen: (listener) => on('card:seen', listener),
    onUpdateNotice: (listener) => on('update:notice', listener),
    onProxyCredentialsRequested: (listener) => on('proxy:credentialsRequested', listener),
  };
}
