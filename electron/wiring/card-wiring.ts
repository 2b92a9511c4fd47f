/** Cards in readers: the card service watching the PC/SC readers, the log of reads for support, and the demo eID. */
import type { X509Certificate } from 'node:crypto';
import type { ConnectCard, CreatePcscContext } from '../../native/pcsc/pcsc-port';
import { CardService } from '../cards/card-service';
import { DemoCard, demoReaderName } from '../cards/demo-card';
import { contractError, type HandlerTable } from '../ipc/contract';
import { BalieFailure } from '../ipc/dispatch';
import type { MainEvents } from '../ipc/main-events';
import { ReadLog } from '../support/read-log';
import type { UitpasSession } from '../uitpas/session';
import type { DemoEnvironment } from './demo-environment';

export interface CardServicesOptions {
  createPcscContext: CreatePcscContext;
  connectCard?: ConnectCard;
  trustAnchors: readonly X509Certificate[];
  log?: Pick<Console, 'warn'>;
}

export interface CardServices {
  cards: CardService;
  reads: ReadLog;
  demoCard: DemoCard;
}

export function cardServices(options: CardServicesOptions, events: MainEvents, session: UitpasSession): CardServices {
  const { createPcscContext, connectCard, trustAnchors, log } = options;
  // Reader roles are read at each insertion, the policy's over the user's, so IT's pinning applies without a restart.
  const cards = new CardService({ createPcscContext, connectCard, trustAnchors, events, log, readerRoles: async () => (await session.effectiveSettings()).readerRoles });
  const reads = new ReadLog(events, demoReaderName);
  cards.start();
  return { cards, reads, demoCard: new DemoCard(cards) };
}

type CardChannel = 'eid:getReaders' | 'eid:getCards' | 'eid:insertDemoCard' | 'eid:removeDemoCard' | 'demo:practiseLostAnswers';

export function cardHandlers(services: CardServices, session: UitpasSession, demo: DemoEnvironment, log?: Pick<Console, 'warn'>): Pick<HandlerTable, CardChannel> {
  const { cards, demoCard } = services;
  const demoOnly = async () => {
    if ((await session.view()).environment !== 'demo') throw new BalieFailure(contractError('demo-only'));
  };
  return {
    'eid:getReaders': () => cards.readers(),
    'eid:getCards': () => cards.currentCards(),
    'eid:insertDemoCard': async ({ person, forged }) => {
      await demoOnly();
      // The read reports through the usual eid:* events; the request only starts it.
      demoCard.insert(person, forged).catch((error: unknown) => {
        (log ?? console).warn(`[demo] oefenkaart niet gelezen: ${error instanceof Error ? error.name : typeof error}`);
      });
      return null;
    },
    'eid:removeDemoCard': async () => {
      await demoOnly();
      demoCard.remove();
      return null;
    },
    'demo:practiseLostAnswers': async ({ on }) => {
      await demoOnly();
      demo.practise(on);
      return null;
    },
  };
}
