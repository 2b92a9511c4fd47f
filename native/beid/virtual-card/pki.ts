/**
 * A made-up National Register PKI for virtual cards: a root CA and an RRN
 * certificate issued by it, with the RRN key that signs the card's files.
 * Tests trust such a root explicitly; the app's real trust anchors never
 * include one, so a virtual card never passes as genuine against them.
 */
import { generateKeyPairSync, randomBytes, sign, X509Certificate, type KeyObject } from 'node:crypto';
import { der } from './der';

export type CardKeyType = 'rsa' | 'ec';

export interface CardPki {
  root: X509Certificate;
  rrnCertificate: Buffer;
  rrnKey: KeyObject;
  keyType: CardKeyType;
}

const oids = {
  country: '2.5.4.6',
  organisation: '2.5.4.10',
  commonName: '2.5.4.3',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
};

export interface CardPkiOptions {
  keyType: CardKeyType;
  rootName?: string;
  /** Validity of the root (and of the RRN certificate unless rrnValidFrom/To say otherwise). */
  validFrom?: Date;
  validTo?: Date;
  /** A renewed RRN certificate starts after the card was issued (an address change re-signed later). */
  rrnValidFrom?: Date;
  rrnValidTo?: Date;
  /** The RRN certificate's common name; real cards say "RRN". Another name makes a certificate that is not the Register's. */
  rrnCommonName?: string;
  /** Key usage bits of the RRN certificate (first byte); real: digitalSignature + nonRepudiation. */
  rrnKeyUsage?: number;
}

/** RFC 5280 key usage bits (first byte). */
export const KeyUsage = { digitalSignature: 0x80, nonRepudiation: 0x40, keyCertSign: 0x04, cRLSign: 0x02 } as const;

export function createCardPki({
  keyType,
  rootName = 'Test Root CA (virtual eID)',
  validFrom = new Date('2010-01-01T00:00:00Z'),
  validTo = new Date('2045-01-01T00:00:00Z'),
  rrnValidFrom = validFrom,
  rrnValidTo = validTo,
  rrnCommonName = 'RRN',
  rrnKeyUsage = KeyUsage.digitalSignature | KeyUsage.nonRepudiation,
}: CardPkiOptions): CardPki {
  const rootKeys = newKeyPair(keyType);
  const rrnKeys = newKeyPair(keyType);
  const rootSubject = name(rootName, rootName);
  const root = certificate({
    issuer: rootSubject,
    subject: rootSubject,
    publicKey: rootKeys.publicKey,
    signingKey: rootKeys.privateKey,
    keyType,
    isCa: true,
    keyUsage: KeyUsage.keyCertSign | KeyUsage.cRLSign,
    validFrom,
    validTo,
  });
  const rrnCertificate = certificate({
    issuer: rootSubject,
    // The real RRN certificate's subject is C=BE, O=RRN, CN=RRN; only its root tells a virtual one apart.
    subject: name('RRN', rrnCommonName),
    publicKey: rrnKeys.publicKey,
    signingKey: rootKeys.privateKey,
    keyType,
    isCa: false,
    keyUsage: rrnKeyUsage,
    validFrom: rrnValidFrom,
    validTo: rrnValidTo,
  });
  return { root: new X509Certificate(root), rrnCertificate, rrnKey: rrnKeys.privateKey, keyType };
}

/** Longest DER ECDSA P-384 signature: SEQUENCE of two 49-byte INTEGERs. */
const ecSignatureFileSize = 104;

/**
 * How the card signs its files: RSA PKCS#1 v1.5 with SHA-256; ECDSA P-384 with
 * SHA-384 stored as DER padded with zeros (its real length is sig[1] + 2,
 * reference §8), or as raw r||s.
 */
export function signCardFile(pki: CardPki, data: Buffer, ecEncoding: 'der-padded' | 'raw' = 'der-padded'): Buffer {
  if (pki.keyType === 'rsa') return sign('sha256', data, pki.rrnKey);
  if (ecEncoding === 'raw') return sign('sha384', data, { key: pki.rrnKey, dsaEncoding: 'ieee-p1363' });
  const signature = sign('sha384', data, { key: pki.rrnKey, dsaEncoding: 'der' });
  return Buffer.concat([signature, Buffer.alloc(ecSignatureFileSize - signature.length)]);
}

function newKeyPair(keyType: CardKeyType) {
  return keyType === 'rsa'
    ? generateKeyPairSync('rsa', { modulusLength: 2048 })
    : generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
}

function name(organisation: string, commonName: string): Buffer {
  return der.sequence(
    der.set(der.sequence(der.oid(oids.country), der.printable('BE'))),
    der.set(der.sequence(der.oid(oids.organisation), der.utf8(organisation))),
    der.set(der.sequence(der.oid(oids.commonName), der.utf8(commonName))),
  );
}

interface CertificateSpec {
  issuer: Buffer;
  subject: Buffer;
  publicKey: KeyObject;
  signingKey: KeyObject;
  keyType: CardKeyType;
  isCa: boolean;
  keyUsage: number;
  validFrom: Date;
  validTo: Date;
}

function certificate(spec: CertificateSpec): Buffer {
  const algorithm =
    spec.keyType === 'rsa' ? der.sequence(der.oid(oids.sha256WithRsa), der.null()) : der.sequence(der.oid(oids.ecdsaWithSha384));
  const serial = randomBytes(8);
  const extensions = der.explicit(
    3,
    der.sequence(
      der.sequence(der.oid(oids.basicConstraints), der.boolean(true), der.octetString(der.sequence(...(spec.isCa ? [der.boolean(true)] : [])))),
      der.sequence(der.oid(oids.keyUsage), der.boolean(true), der.octetString(der.bitString(Buffer.from([spec.keyUsage])))),
    ),
  );
  const tbs = der.sequence(
    der.explicit(0, der.smallInteger(2)),
    der.integer(serial),
    algorithm,
    spec.issuer,
    der.sequence(der.generalizedTime(spec.validFrom), der.generalizedTime(spec.validTo)),
    spec.subject,
    spec.publicKey.export({ type: 'spki', format: 'der' }),
    extensions,
  );
  const signature = spec.keyType === 'rsa' ? sign('sha256', tbs, spec.signingKey) : sign('sha384', tbs, spec.signingKey);
  return der.sequence(tbs, algorithm, der.bitString(signature));
}
