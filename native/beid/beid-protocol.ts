/**
 * The BEID applet protocol over any CardTransport: recognising the card,
 * selecting files and reading them in 252-byte chunks.
 *
 * The status words it handles itself (pcsc-lite passes them through, BEID is T=0):
 * 6Cxx "wrong length, xx bytes available" → re-send with Le = xx;
 * 61xx "xx bytes waiting" → GET RESPONSE; 6B00 past the end of a file whose size
 * is a multiple of 252 → end of file; 6282 "end of file before Le" → last chunk.
 */
import { Apdu, hexSw, maxReadLength, parseResponse, type ResponseApdu } from './apdu';
import { beidAppletAid, type CardFile } from './card-files';
import { EidReadError } from './errors';
import type { CardTransport } from './transport';

export type AppletVersion = '1.1' | '1.7' | '1.8' | 'unknown';

export interface CardInfo {
  /** Chip serial number from GET CARD DATA, hex. */
  serial: string;
  appletVersion: AppletVersion;
  /** The raw applet version byte (0x11, 0x17, 0x18, …). */
  appletVersionByte: number;
}

const appletVersions: Readonly<Record<number, AppletVersion>> = { 0x11: '1.1', 0x17: '1.7', 0x18: '1.8' };

/** Applet 1.0/1.1 cards need a pause before a 6Cxx re-send. */
const oldAppletResendDelayMs = 10;

/**
 * 'path': one SELECT with P1=08 and the path below 3F00 (the applet manuals' form).
 * 'fid-walk': SELECT by file identifier (P1=02), one step at a time from 3F00,
 * the form eid-mw uses (cardcomm/pkcs11/src/cardlayer/card.cpp SelectByPath:
 * "the Belpic card doesn't support select by path").
 */
export type SelectForm = 'path' | 'fid-walk';

/** Chip serial → the SELECT form that card answered to; bounded, oldest forgotten first. */
export class SelectMemory {
  private readonly forms = new Map<string, SelectForm>();
  constructor(private readonly capacity = 64) {}
  get(serial: string): SelectForm | undefined {
    return this.forms.get(serial);
  }
  set(serial: string, form: SelectForm): void {
    this.forms.delete(serial);
    this.forms.set(serial, form);
    if (this.forms.size > this.capacity) this.forms.delete(this.forms.keys().next().value!);
  }
}

export class BeidProtocol {
  /** Every APDU sent, re-sends and GET RESPONSEs included: the measure of a read's cost. */
  apduCount = 0;
  private resendDelayMs = 0;
  private serial: string | undefined;
  /** The form that worked for this card; until known, the path form is tried first. */
  selectForm: SelectForm | undefined;
  /** The DF the last walk ended in, so a file beside the previous one takes one SELECT. */
  private currentDf: number | undefined;
  /** Transactions entered and not yet left: only the outermost one is a PC/SC transaction. */
  private lockDepth = 0;

  constructor(
    private readonly transport: CardTransport,
    private readonly memory?: SelectMemory,
  ) {}

  /** GET CARD DATA; when the BEID applet is not the default, select it by AID first. Anything else is not an eID. */
  identify(): Promise<CardInfo> {
    return this.transaction(() => this.identifyUnlocked());
  }

  private async identifyUnlocked(): Promise<CardInfo> {
    let response = await this.send(Apdu.getCardData());
    if (response.sw !== 0x9000) {
      const select = await this.send(Apdu.selectAid(beidAppletAid));
      if (select.sw !== 0x9000) throw new EidReadError('not-eid', `select applet: ${hexSw(select.sw)}`);
      response = await this.send(Apdu.getCardData());
    }
    if (response.sw !== 0x9000 || response.data.length < 28) {
      throw new EidReadError('not-eid', `get card data: ${hexSw(response.sw)}, ${response.data.length} bytes`);
    }
    const versionByte = response.data[21]!;
    const appletVersion = appletVersions[versionByte] ?? 'unknown';
    if (appletVersion === '1.1') this.resendDelayMs = oldAppletResendDelayMs;
    const serial = response.data.subarray(0, 16).toString('hex').toUpperCase();
    this.serial = serial;
    this.selectForm ??= this.memory?.get(serial);
    return { serial, appletVersion, appletVersionByte: versionByte };
  }

  /**
   * SELECT by absolute path (P1=08). Whatever a card answers to that (6A80,
   * 6700, 6A82, 6A86, 6A87, 6D00, ...), walk 3F00 → DF → EF by file identifier,
   * as eid-mw does, before giving up; a card that needed the walk gets it
   * straight away for its later files (and later reads, via SelectMemory).
   */
  async select(file: CardFile): Promise<void> {
    if (this.selectForm !== 'fid-walk') {
      const direct = await this.send(Apdu.selectPath(file.path));
      if (direct.sw === 0x9000) {
        this.remember('path');
        return;
      }
    }
    const df = file.path[0]!;
    const ef = file.path[file.path.length - 1]!;
    // eid-mw's SelectFile first selects the file by ID "assuming we're in the correct DF", then walks.
    if (this.currentDf === df && file.path.length === 2 && (await this.send(Apdu.selectFid(ef))).sw === 0x9000) return;
    this.currentDf = undefined;
    for (const fid of [0x3f00, ...file.path]) {
      const step = await this.send(Apdu.selectFid(fid));
      if (step.sw !== 0x9000) throw selectFailed(file, step.sw);
    }
    this.currentDf = df;
    this.remember('fid-walk');
  }

  private remember(form: SelectForm): void {
    if (this.selectForm === form) return;
    this.selectForm = form;
    if (this.serial) this.memory?.set(this.serial, form);
  }

  /** SELECT, then READ BINARY until the end of the file, as one transaction. `onBytes` gets the running total. */
  readFile(file: CardFile, onBytes?: (bytesRead: number) => void): Promise<Buffer> {
    return this.transaction(() => this.readFileUnlocked(file, onBytes));
  }

  /**
   * One PC/SC transaction around `work` where the transport has them; inside
   * one, identify() and readFile() begin none of their own, so a group of files
   * is read as one (eid-mw's CCard::Lock counts nested locks the same way).
   * Another program may have selected elsewhere between two transactions;
   * select() then finds its file ID missing and walks from 3F00, as eid-mw's
   * SelectFile does.
   */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (!this.transport.transaction || this.lockDepth > 0) return this.nested(work);
    return this.transport.transaction(() => this.nested(work));
  }

  private async nested<T>(work: () => Promise<T>): Promise<T> {
    this.lockDepth += 1;
    try {
      return await work();
    } finally {
      this.lockDepth -= 1;
    }
  }

  private async readFileUnlocked(file: CardFile, onBytes?: (bytesRead: number) => void): Promise<Buffer> {
    await this.select(file);
    const chunks: Buffer[] = [];
    let offset = 0;
    for (;;) {
      const response = await this.send(Apdu.readBinary(offset, maxReadLength));
      if (response.sw === 0x6b00 && offset > 0) break;
      if (response.sw !== 0x9000 && response.sw !== 0x6282) {
        throw new EidReadError('unreadable-data', `read ${file.label} at ${offset}: ${hexSw(response.sw)}`);
      }
      chunks.push(response.data);
      offset += response.data.length;
      onBytes?.(offset);
      if (response.sw === 0x6282 || response.data.length < maxReadLength) break;
    }
    return Buffer.concat(chunks);
  }

  private async send(apdu: Buffer): Promise<ResponseApdu> {
    let response = await this.exchange(apdu);
    if (response.sw1 === 0x6c) {
      if (this.resendDelayMs > 0) await sleep(this.resendDelayMs);
      const resend = Buffer.from(apdu);
      resend[resend.length - 1] = response.sw2;
      response = await this.exchange(resend);
    }
    let data = response.data;
    while (response.sw1 === 0x61) {
      response = await this.exchange(Apdu.getResponse(response.sw2));
      data = Buffer.concat([data, response.data]);
    }
    return { ...response, data };
  }

  private async exchange(apdu: Buffer): Promise<ResponseApdu> {
    this.apduCount += 1;
    return parseResponse(await this.transport.transmit(apdu));
  }
}

function selectFailed(file: CardFile, sw: number): EidReadError {
  return new EidReadError('unreadable-data', `select ${file.label}: ${hexSw(sw)}`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
