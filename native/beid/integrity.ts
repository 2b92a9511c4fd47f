/**
 * Is the card's data what the National Register signed?
 *
 * - the photo's hash must equal tag 11 of the identity file (SHA-1, SHA-256 or
 *   SHA-384, chosen by the hash's length);
 * - the identity file must carry the RRN's signature (4032);
 * - the address file, trailing zeros stripped, followed by the identity
 *   signature, must carry the RRN's signature (4034);
 * - the RRN certificate (503C) must be issued by one of the trust anchors.
 *
 * The chain is judged at the card's validity-begin date: a card stays in use
 * after the root behind its RRN certificate expired, and what matters is that
 * the root was valid when the card was made.
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
  certificate: 'trusted' | 'untrusted' | 'unreadable';
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
  judgedAt: Date,
): Pick<IntegrityReport, 'identity' | 'address' | 'certificate'> {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(files.rrnCertificate);
  } catch {
    return { identity: false, address: false, certificate: 'unreadable' };
  }
  const trusted = isIssuedByAnchor(certificate, trustAnchors, judgedAt);
  // Some re-signed cards keep a SHA-1 photo hash while signing with SHA-256; RSA signatures fall back to SHA-1.
  const digests = [photoHashAlgorithm(photoHash) ?? 'sha256', 'sha256', 'sha1'];
  const signedBy = (data: Buffer, signature: Buffer) => digests.some((digest) => verifies(certificate.publicKey, digest, data, signature));
  const addressData = Buffer.concat([stripTrailingZeros(files.address), files.identitySignature]);
  return {
    identity: trusted && signedBy(files.identity, files.identitySignature),
    address: trusted && signedBy(addressData, files.addressSignature),
    certificate: trusted ? 'trusted' : 'untrusted',
  };
}

export function checkIntegrity(
  files: SignedCardFiles & { photo: Buffer },
  photoHash: Buffer,
  trustAnchors: readonly X509Certificate[],
  judgedAt: Date,
): IntegrityReport {
  const signatures = checkSignatures(files, photoHash, trustAnchors, judgedAt);
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
