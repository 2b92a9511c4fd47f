/**
 * A virtual BEID card: a made-up person turned into the card's files (TLV,
 * signatures, RRN certificate, photo) and an APDU responder over them that
 * behaves like the applet, with the variations real cards show. Tests put it
 * behind vpcd so the real pcscd/pcsclite path is exercised; demo mode hands it
 * to the reader service directly.
 *
 * By default it answers as a real card does: 6Cxx when a READ BINARY asks for
 * more than the file has left (applet manuals 1.7 §6.4 / 1.8 §6.7; eid-mw
 * cardlayer/card.cpp SendAPDU re-sends on 6C), 6B00 past the end, the address
 * file padded to 117 bytes, RSA-2048 signatures of 256 bytes on 1.7 and
 * zero-padded DER ECDSA signatures on 1.8 (reference §8). Every other
 * behaviour is a knob a test turns on; docs/eid-conformance.md lists them.
 */
import { createHash } from 'node:crypto';
import { CardFiles, beidAppletAid, type CardFileName } from '../card-files';
import { IdentityTag } from '../identity';
import { encodeTlv } from '../tlv';
import type { CardTransport } from '../transport';
import type { VirtualPerson } from './people';
import { placeholderPhoto } from './placeholder-photo';
import { signCardFile, type CardPki } from './pki';

export const cardAtrs = {
  /** Applet 1.1 and 1.7 cards since 12/2004. */
  applet17: Buffer.from('3b9813400aa503010101ad1311', 'hex'),
  /** Applet 1.8 cards since 2020. */
  applet18: Buffer.from('3b7f96000080318065b085040120120fff829000', 'hex'),
};

export type VirtualAppletVersion = '1.1' | '1.7' | '1.8';

/** How the card says "the file ends before the Le you asked for". */
export type EndOfFileSignal = 'short-read' | 'wrong-length' | 'end-of-file-warning';

export interface VirtualCardOptions {
  person: VirtualPerson;
  pki: CardPki;
  appletVersion?: VirtualAppletVersion;
  atr?: Buffer;
  endOfFile?: EndOfFileSignal;
  photoHash?: 'sha1' | 'sha256' | 'sha384';
  photo?: Buffer;
  /** Extra identity fields (e.g. a long unknown tag), written after the standard ones. */
  extraIdentityFields?: readonly (readonly [number, Uint8Array])[];
  /** Data changed after the National Register signed it. */
  tamper?: 'identity' | 'address' | 'photo';
  /** The BEID applet is not the default: GET CARD DATA fails until it is selected by AID. */
  appletNotDefault?: boolean;
  /**
   * The status word the card gives a SELECT by path (P1=08) instead of selecting,
   * e.g. 0x6a80, 0x6700, 0x6a86, 0x6d00: the reader must walk file identifiers
   * as eid-mw does (cardlayer/card.cpp SelectByPath).
   */
  pathSelectAnswer?: number;
  /** Replaces (or adds) identity fields before signing: bad UTF-8, odd dates, unknown codes. */
  identityFields?: Readonly<Record<number, Uint8Array | string>>;
  /** Replaces (or adds) address fields before signing. */
  addressFields?: Readonly<Record<number, Uint8Array | string>>;
  /** 1.8 signatures as stored: zero-padded DER (real cards) or raw r||s (accepted too). */
  ecSignatureEncoding?: 'der-padded' | 'raw';
  /** Answers READ BINARY with 61xx, so the reader must send GET RESPONSE. */
  answerWithGetResponse?: boolean;
}

const versionBytes: Readonly<Record<VirtualAppletVersion, number>> = { '1.1': 0x11, '1.7': 0x17, '1.8': 0x18 };
const addressFileSize = 117;

const ok = (data: Buffer = Buffer.alloc(0)) => Buffer.concat([data, Buffer.from([0x90, 0x00])]);
const status = (sw: number, data: Buffer = Buffer.alloc(0)) => Buffer.concat([data, Buffer.from([sw >> 8, sw & 0xff])]);

export function buildCardFiles(options: VirtualCardOptions): Map<CardFileName, Buffer> {
  const { person, pki } = options;
  const photo = Buffer.from(options.photo ?? placeholderPhoto);
  const appletVersion = options.appletVersion ?? (pki.keyType === 'ec' ? '1.8' : '1.7');
  const hashAlgorithm = options.photoHash ?? (appletVersion === '1.8' ? 'sha384' : 'sha256');
  const text = (value: string) => Buffer.from(value, 'utf8');
  const identity = encodeTlv(withOverrides([
    ...(appletVersion === '1.8' ? [[0x00, Buffer.from([0x00, 0x01])] as const] : []),
    [IdentityTag.cardNumber, text(person.cardNumber)],
    [IdentityTag.chipNumber, createHash('sha256').update(person.cardNumber).digest().subarray(0, 16)],
    [IdentityTag.validityBegin, text(person.validityBegin)],
    [IdentityTag.validityEnd, text(person.validityEnd)],
    [IdentityTag.deliveryMunicipality, text(person.deliveryMunicipality)],
    [IdentityTag.nationalNumber, text(person.nationalNumber)],
    [IdentityTag.surname, text(person.surname)],
    [IdentityTag.firstNames, text(person.firstNames)],
    [IdentityTag.thirdNameInitial, text(person.thirdNameInitial)],
    [IdentityTag.nationality, text(person.nationality)],
    [IdentityTag.placeOfBirth, text(person.placeOfBirth)],
    [IdentityTag.dateOfBirth, text(person.birthDate)],
    [IdentityTag.sex, text(person.sexCode)],
    [IdentityTag.nobleCondition, text('')],
    [IdentityTag.documentType, text(String(person.documentType))],
    [IdentityTag.specialStatus, text('0')],
    [IdentityTag.photoHash, createHash(hashAlgorithm).update(photo).digest()],
    // Applet 1.8 adds the SHA-384 of its basic public key file 4040 (ID_ADRESSE v5, tag 1A).
    ...(appletVersion === '1.8' ? [[IdentityTag.basicKeyHash, createHash('sha384').update(`basic key ${person.cardNumber}`).digest()] as const] : []),
    ...(options.extraIdentityFields ?? []),
  ], options.identityFields));
  const addressTlv = encodeTlv(withOverrides([
    [0x01, text(person.street)],
    [0x02, text(person.postalCode)],
    [0x03, text(person.municipality)],
  ], options.addressFields));
  const address = Buffer.concat([addressTlv, Buffer.alloc(Math.max(0, addressFileSize - addressTlv.length))]);
  const encoding = options.ecSignatureEncoding ?? 'der-padded';
  const identitySignature = signCardFile(pki, identity, encoding);
  const addressSignature = signCardFile(pki, Buffer.concat([addressTlv, identitySignature]), encoding);

  const files = new Map<CardFileName, Buffer>([
    ['identity', identity],
    ['identitySignature', identitySignature],
    ['address', address],
    ['addressSignature', addressSignature],
    ['rrnCertificate', pki.rrnCertificate],
    ['photo', photo],
  ]);
  if (options.tamper) alterAfterSigning(files.get(options.tamper)!, options.tamper, person);
  return files;
}

function withOverrides(
  fields: readonly (readonly [number, Uint8Array])[],
  overrides: Readonly<Record<number, Uint8Array | string>> = {},
): (readonly [number, Uint8Array])[] {
  const bytes = (value: Uint8Array | string) => (typeof value === 'string' ? Buffer.from(value, 'utf8') : value);
  const replaced = fields.map(([tag, value]) => [tag, tag in overrides ? bytes(overrides[tag]!) : value] as const);
  const added = Object.entries(overrides)
    .map(([tag, value]) => [Number(tag), bytes(value)] as const)
    .filter(([tag]) => !fields.some(([known]) => known === tag));
  return [...replaced, ...added];
}

/** Changes one letter of a visible field (or a byte of the photo), keeping the file parseable. */
function alterAfterSigning(file: Buffer, which: 'identity' | 'address' | 'photo', person: VirtualPerson): void {
  if (which === 'photo') {
    file[file.length - 10] = file[file.length - 10]! ^ 0xff;
    return;
  }
  const field = Buffer.from(which === 'identity' ? person.surname : person.street, 'utf8');
  const at = file.indexOf(field);
  file[at] = field[0] === 0x58 ? 0x59 : 0x58;
}

export class VirtualBeidCard {
  readonly atr: Buffer;
  readonly files: Map<CardFileName, Buffer>;
  private readonly byPath = new Map<string, Buffer>();
  private readonly appletVersion: VirtualAppletVersion;
  private appletSelected: boolean;
  private currentDf: number | null = null;
  private currentFile: Buffer | null = null;
  private pendingResponse: Buffer | null = null;

  constructor(private readonly options: VirtualCardOptions) {
    this.appletVersion = options.appletVersion ?? (options.pki.keyType === 'ec' ? '1.8' : '1.7');
    this.atr = options.atr ?? (this.appletVersion === '1.8' ? cardAtrs.applet18 : cardAtrs.applet17);
    this.appletSelected = !options.appletNotDefault;
    this.files = buildCardFiles(options);
    for (const [name, content] of this.files) this.byPath.set(pathKey(CardFiles[name].path), content);
  }

  /** Power cycle or warm reset: the applet forgets the selected file, as a real card does. */
  reset(): void {
    this.appletSelected = !this.options.appletNotDefault;
    this.currentDf = null;
    this.currentFile = null;
    this.pendingResponse = null;
  }

  /** The card as a transport, for reading it without a reader (demo mode, unit tests). */
  asTransport(): CardTransport {
    return { transmit: (apdu) => Promise.resolve(this.transmit(apdu)) };
  }

  transmit(apdu: Buffer): Buffer {
    const [cla, ins, p1, p2] = [apdu[0], apdu[1], apdu[2] ?? 0, apdu[3] ?? 0];
    if (cla === 0x80 && ins === 0xe4) return this.getCardData(apdu[4] ?? 0);
    if (cla !== 0x00) return status(0x6e00);
    switch (ins) {
      case 0xa4:
        return this.select(p1, apdu.subarray(5, 5 + (apdu[4] ?? 0)));
      case 0xb0:
        return this.readBinary(((p1 & 0x7f) << 8) | p2, apdu[4] || 256);
      case 0xc0:
        return this.getResponse(apdu[4] ?? 0);
      default:
        return status(0x6d00);
    }
  }

  private getCardData(le: number): Buffer {
    if (!this.appletSelected) return status(0x6d00);
    if (le !== 0x1c) return status(0x6c1c);
    const data = Buffer.alloc(28);
    createHash('sha1').update(this.options.person.cardNumber).digest().copy(data, 0, 0, 16);
    data[21] = versionBytes[this.appletVersion];
    data[27] = 0x0f;
    return ok(data);
  }

  private select(p1: number, data: Buffer): Buffer {
    if (p1 === 0x04) {
      if (!data.equals(beidAppletAid)) return status(0x6a82);
      this.appletSelected = true;
      return ok();
    }
    if (p1 === 0x08) {
      if (this.options.pathSelectAnswer !== undefined) return status(this.options.pathSelectAnswer);
      const path = [...Array(data.length / 2).keys()].map((index) => data.readUInt16BE(index * 2));
      return this.enter(path);
    }
    if (p1 === 0x02 && data.length === 2) {
      const fid = data.readUInt16BE(0);
      if (fid === 0x3f00) {
        this.currentDf = null;
        this.currentFile = null;
        return ok();
      }
      if (fid === 0xdf00 || fid === 0xdf01) {
        this.currentDf = fid;
        this.currentFile = null;
        return ok();
      }
      return this.currentDf === null ? status(0x6a82) : this.enter([this.currentDf, fid]);
    }
    return status(0x6a86);
  }

  private enter(path: number[]): Buffer {
    const file = this.byPath.get(pathKey(path));
    if (!file) return status(0x6a82);
    this.currentDf = path[0] ?? null;
    this.currentFile = file;
    return ok();
  }

  private readBinary(offset: number, le: number): Buffer {
    const file = this.currentFile;
    if (!file) return status(0x6986);
    if (offset >= file.length) return status(0x6b00);
    const remaining = file.length - offset;
    if (remaining >= le) return this.respond(file.subarray(offset, offset + le), 0x9000);
    switch (this.options.endOfFile ?? 'wrong-length') {
      case 'short-read':
        return this.respond(file.subarray(offset), 0x9000);
      case 'wrong-length':
        return status(0x6c00 | remaining);
      case 'end-of-file-warning':
        return this.respond(file.subarray(offset), 0x6282);
    }
  }

  private respond(data: Buffer, sw: number): Buffer {
    if (!this.options.answerWithGetResponse || sw !== 0x9000 || data.length === 0) return status(sw, data);
    this.pendingResponse = Buffer.from(data);
    return status(0x6100 | (data.length & 0xff));
  }

  private getResponse(le: number): Buffer {
    const pending = this.pendingResponse;
    if (!pending) return status(0x6985);
    this.pendingResponse = null;
    return ok(pending.subarray(0, le || 256));
  }
}

function pathKey(path: readonly number[]): string {
  return path.map((fid) => fid.toString(16)).join('/');
}
