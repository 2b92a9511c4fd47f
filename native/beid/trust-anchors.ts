/**
 * The Belgian root CAs that may issue an RRN certificate. Shipped with the app
 * (build/belgium-root-ca/); the packaged app always loads these. Tests pass
 * their own anchors to the reader instead; no setting lets a user change them.
 */
import { X509Certificate } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function loadTrustAnchors(directory: string): X509Certificate[] {
  const anchors = readdirSync(directory)
    .filter((name) => name.endsWith('.pem'))
    .sort()
    .map((name) => new X509Certificate(readFileSync(join(directory, name))));
  if (anchors.length === 0) throw new Error(`no trust anchors in ${directory}`);
  return anchors;
}
