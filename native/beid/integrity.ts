/**
 * Is the card's data what the National Register signed?
 *
 * - the photo's hash must equal tag 11 of the identity file (SHA-1, SHA-256 or
 *   SHA-384, chosen by the hash's length);
 * - the identity file must carry the RRN's signature (4032);
 * - the address file, trailing zeros stripped, followed by the identity
 *   signature, must carry the RRN's signature (4034);
 * - the RRN certificate (503C) must be issued by one of the trust anchors, and
 *   be the National Register's: not a CA, CN=RRN in Belgium, a key usage for
 *   signing (eid-mw plugins_tools/eid-viewer/verify.c eid_vwr_verify_rrncert
 *   checks the chain; certhelpers.c reads the key usage).
 *
 * The chain counts when it is valid at the card's validity begin OR now: a card
 * stays in use after the root behind its RRN certificate expired, and the
 * address file is re-signed during the card's life (an address change) with a
 * newer RRN certificate that did not exist when the card was made.
 */
import { createHash, verify, X509Certificate, type KeyObject } from 'node:crypto';

export type PhotoHashAlgorithm = 'sha1' | 'sha256' | 'sha384';

export interface IntegrityReport {
  /** Identity file signed by a trusted RRN certificate. */
  identity: boolean;
  /** Address file signed by a trusted RRN certificate. */
  address: boolean;
  /** Photo matches the hash in a genuine identity file. */
  photo: boolean;
  photoHashMatches: boolean;
  photoHashAlgorithm: PhotoHashAlgorithm | null;
  certificate: CertificateVerdict;
}

/** 'not-rrn': chains to a root, but is not the National Register's signing certificate. */
export type CertificateVerdict = 'trusted' | 'untrusted' | 'unreadable' | 'not-rrn';

/** When the chain is judged: the card's validity begin (null when unreadable) and now. */
export interface TrustMoments {
  cardValidFrom: Date | null;
  now: Date;
}

export interface SignedCardFiles {
  identity: Buffer;
  identitySignature: Buffer;
  address: Buffer;
  addressSignature: Buffer;
  rrnCertificate: Buffer;
}

const hashByLength: Readonly<Record<number, PhotoHashAlgorithm>> = { 20: 'sha1', 32: 'sha256', 48: 'sha384' };

export function photoHashAlgorithm(hash: Buffer): PhotoHashAlgorithm | null {
  return hashByLength[hash.length] ?? null;
}

export function photoMatchesHash(photo: Buffer, hash: Buffer): boolean {
  const algorithm = photoHashAlgorithm(hash);
  return algorithm !== null && createHash(algorithm).update(photo).digest().equals(hash);
}

/** The identity and address signatures and the certificate chain, without the photo. */
export function checkSignatures(
  files: SignedCardFiles,
  photoHash: Buffer,
  trustAnchors: readonly X509Certificate[],
  moments: TrustMoments,
): Pick<IntegrityReport, 'identity' | 'address' | 'certificate'> {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(files.rrnCertificate);
  } catch {
    return { identity: false, address: false, certificate: 'unreadable' };
  }
  const at = [moments.cardValidFrom, moments.now].filter((moment): moment is Date => moment !== null);
  const chains = at.some((moment) => isIssuedByAnchor(certificate, trustAnchors, moment));
  const verdict: CertificateVerdict = !chains ? 'untrusted' : isRrnCertificate(certificate) ? 'trusted' : 'not-rrn';
  const trusted = verdict === 'trusted';
  // Some re-signed cards keep a SHA-1 photo hash while signing with SHA-256; RSA signatures fall back to SHA-1.
  const digests = [photoHashAlgorithm(photoHash) ?? 'sha256', 'sha256', 'sha1'];
  const signedBy = (data: Buffer, signature: Buffer) => digests.some((digest) => verifies(certificate.publicKey, digest, data, signature));
  const addressData = Buffer.concat([stripTrailingZeros(files.address), files.identitySignature]);
  return {
    identity: trusted && signedBy(files.identity, files.identitySignature),
    address: trusted && signedBy(addressData, files.addressSignature),
    certificate: verdict,
  };
}

export function checkIntegrity(
  files: SignedCardFiles & { photo: Buffer },
  photoHash: Buffer,
  trustAnchors: readonly X509Certificate[],
  moments: TrustMoments,
): IntegrityReport {
  const signatures = checkSignatures(files, photoHash, trustAnchors, moments);
  const photoHashMatches = photoMatchesHash(files.photo, photoHash);
  return {
    ...signatures,
    photo: signatures.identity && photoHashMatches,
    photoHashMatches,
    photoHashAlgorithm: photoHashAlgorithm(photoHash),
  };
}

export function isGenuine(report: IntegrityReport): boolean {
  return report.identity && report.address && report.photo && report.certificate === 'trusted';
}

function isIssuedByAnchor(certificate: X509Certificate, anchors: readonly X509Certificate[], at: Date): boolean {
  if (!validAt(certificate, at)) return false;
  return anchors.some((anchor) => {
    try {
      return validAt(anchor, at) && certificate.checkIssued(anchor) && certificate.verify(anchor.publicKey);
    } catch {
      return false;
    }
  });
}

const keyUsageOid = Buffer.from([0x06, 0x03, 0x55, 0x1d, 0x0f]);
const keyUsageBits = { digitalSignature: 0x80, nonRepudiation: 0x40, keyCertSign: 0x04 };

/** The National Register's signing certificate: an end entity, CN=RRN in Belgium, allowed to sign. */
export function isRrnCertificate(certificate: X509Certificate): boolean {
  const subject = new Set(certificate.subject.split('\n'));
  if (certificate.ca || !subject.has('C=BE') || !subject.has('CN=RRN')) return false;
  const usage = keyUsage(certificate.raw);
  return usage !== null && (usage & (keyUsageBits.digitalSignature | keyUsageBits.nonRepudiation)) !== 0 && (usage & keyUsageBits.keyCertSign) === 0;
}

/**
 * The first byte of the key usage bit string (RFC 5280 4.2.1.3), or null without
 * the extension. node:crypto exposes no key usage bits, so the extension is
 * found in the DER: OID 2.5.29.15, an optional critical flag, then an OCTET
 * STRING wrapping the BIT STRING.
 */
function keyUsage(der: Buffer): number | null {
  let at = der.indexOf(keyUsageOid);
  if (at < 0) return null;
  at += keyUsageOid.length;
  if (der[at] === 0x01) at += 3;
  if (der[at] !== 0x04 || der[at + 2] !== 0x03) return null;
  const bitStringLength = der[at + 3]!;
  return bitStringLength >= 2 ? der[at + 5]! : 0;
}

function validAt(certificate: X509Certificate, at: Date): boolean {
  return new Date(certificate.validFrom) <= at && at <= new Date(certificate.validTo);
}

/**
 * RSA (applet 1.1 and 1.7) signs with PKCS#1 v1.5. Applet 1.8 signs with ECDSA
 * P-384, stored either as DER padded with zeros (its real length is sig[1] + 2)
 * or as raw r||s; both are accepted.
 */
function verifies(key: KeyObject, digest: string, data: Buffer, signature: Buffer): boolean {
  try {
    if (key.asymmetricKeyType !== 'ec') return verify(digest, data, key, signature);
    const der = signature[0] === 0x30 && signature.length >= 2 ? signature.subarray(0, signature[1]! + 2) : null;
    if (der && verify(digest, data, { key, dsaEncoding: 'der' }, der)) return true;
    return verify(digest, data, { key, dsaEncoding: 'ieee-p1363' }, signature);
  } catch {
    return false;
  }
}

function stripTrailingZeros(data: Buffer): Buffer {
  let end = data.length;
  while (end > 0 && data[end - 1] === 0) end--;
  return data.subarray(0, end);
}
