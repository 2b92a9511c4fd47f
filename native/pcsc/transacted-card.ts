import * as addon from 'pcsc-transactions';
import type { ConnectCard } from './pcsc-port';

/** The real card handle: the app's addon over WinSCard, PCSC.framework or pcsc-lite (native/pcsc-transactions). */
export const connectTransacted: ConnectCard = async (readerName, shareMode, protocols) => {
  const card = await addon.connect(readerName, shareMode, protocols);
  return {
    transmit: (apdu) => addon.transmit(card, apdu),
    beginTransaction: () => addon.beginTransaction(card),
    endTransaction: (disposition) => addon.endTransaction(card, disposition),
    disconnect: (disposition) => addon.disconnect(card, disposition),
  };
};
