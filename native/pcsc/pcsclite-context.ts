import pcsclite from 'pcsclite';
import type { CreatePcscContext } from './pcsc-port';

/** The real PC/SC stack: npm `pcsclite` over pcscd (Linux), WinSCard (Windows) or PCSC.framework (macOS). */
export const createPcscliteContext: CreatePcscContext = () => pcsclite();
