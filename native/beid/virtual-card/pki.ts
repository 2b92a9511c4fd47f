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
  commonName: '2.5.4.3',
  basicConstraints: '2.5.29.19',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
};

export interface CardPkiOptions {
  keyType: CardKeyType;
  rootName?: string;
  /** Validity of both certificates. */
  validFrom?: Date;
  validTo?: Date;
}

export function createCardPki({
  keyType,
  rootName = 'Test Root CA (virtual eID)',
  validFrom = new Date('2010-01-01T00:00:00Z'),
  validTo = new Date('2045-01-01T00:00:00Z'),
}: CardPkiOptions): CardPki {
  const rootKeys = newKeyPair(keyType);
  const rrnKeys = newKeyPair(keyType);
  const rootSubject = name(rootName);
  const root = certificate({
    issuer: rootSubject,
    subject: rootSubject,
    publicKey: rootKeys.publicKey,
    signingKey: rootKeys.privateKey,
    keyType,
    isCa: true,
    validFrom,
    validTo,
  });
  const rrnCertificate = certificate({
    issuer: rootSubject,
    subject: name('RRN (virtual eID)'),
    publicKey: rrnKeys.publicKey,
    signingKey: rootKeys.privateKey,
    keyType,
    isCa: false,
    validFrom,
    validTo,
  });
  return { root: new X509Certificate(root), rrnCertificate, rrnKey: rrnKeys.privateKey, keyType };
}

/** How the card signs its files: RSA PKCS#1 v1.5 with SHA-256, or ECDSA P-384 as raw r||s. */
export function signCardFile(pki: CardPki, data: Buffer): Buffer {
  return pki.keyType === 'rsa'
    ? sign('sha256', data, pki.rrnKey)
    : sign('sha384', data, { key: pki.rrnKey, dsaEncoding: 'ieee-p1363' });
}

function newKeyPair(keyType: CardKeyType) {
  return keyType === 'rsa'
    ? generateKeyPairSync('rsa', { modulusLength: 2048 })
    : generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
}

function name(commonName: string): Buffer {
  return der.sequence(
    der.set(der.sequence(der.oid(oids.country), der.printable('BE'))),
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
  validFrom: Date;
  validTo: Date;
}

function certificate(spec: CertificateSpec): Buffer {
  const algorithm =
    spec.keyType === 'rsa' ? der.sequence(der.oid(oids.sha256WithRsa), der.null()) : der.sequence(der.oid(oids.ecdsaWithSha384));
  const serial = randomBytes(8);
  const extensions = der.explicit(
    3,
    der.sequence(der.sequence(der.oid(oids.basicConstraints), der.boolean(true), der.octetString(der.sequence(...(spec.isCa ? [der.boolean(true)] : []))))),
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
