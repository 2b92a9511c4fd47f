/**
 * Reads the release feed electron-builder publishes beside the installers: `latest.yml` (Windows),
 * `latest-mac.yml`, `latest-linux.yml`, the files electron-updater reads too. Through the app's
 * transport, so the PC's proxy and certificate store apply as for every other call.
 */
import { FAILSAFE_SCHEMA, load } from 'js-yaml';
import type { HttpTransport } from '../uitpas/transport';
import { isVersion, type FeedRelease } from './update-plan';

/** electron-updater's file name per OS (electron-updater's getChannelFilename with the default channel `latest`). */
export function feedFileName(platform: string): string {
  if (platform === 'darwin') return 'latest-mac.yml';
  if (platform === 'linux') return 'latest-linux.yml';
  return 'latest.yml';
}

/** A feed file is a few hundred bytes; anything far larger is not one. */
const maxFeedBytes = 64 * 1024;

export class ReleaseFeedError extends Error {
  constructor(readonly reason: 'unreachable' | 'http-status' | 'too-large' | 'not-a-feed', detail: string) {
    super(`release feed ${reason}: ${detail}`);
    this.name = 'ReleaseFeedError';
  }
}

/**
 * The feed's address from electron-builder's `app-update.yml` (what it writes into the app's resources
 * from electron-builder.yml's `publish`, and what electron-updater itself reads): a `generic` provider's
 * `url`, or null for none or another provider.
 */
export function feedUrlFromAppUpdate(text: string): string | null {
  let document: unknown;
  try {
    document = load(text, { schema: FAILSAFE_SCHEMA });
  } catch {
    return null;
  }
  if (typeof document !== 'object' || document === null) return null;
  const { provider, url } = document as Record<string, unknown>;
  if (provider !== 'generic' || typeof url !== 'string' || !URL.canParse(url)) return null;
  return url;
}

/** The newest version and our `minimumVersion` out of a feed file's text. */
export function parseReleaseFeed(text: string): FeedRelease {
  let document: unknown;
  try {
    // Every scalar as a string: `version: 1.10` must not become the number 1.1.
    document = load(text, { schema: FAILSAFE_SCHEMA });
  } catch (error) {
    throw new ReleaseFeedError('not-a-feed', error instanceof Error ? error.name : 'yaml');
  }
  if (typeof document !== 'object' || document === null) throw new ReleaseFeedError('not-a-feed', 'no mapping');
  const { version, minimumVersion } = document as Record<string, unknown>;
  if (!isVersion(version)) throw new ReleaseFeedError('not-a-feed', 'version');
  if (minimumVersion !== undefined && !isVersion(minimumVersion)) throw new ReleaseFeedError('not-a-feed', 'minimumVersion');
  return { version, minimumVersion: minimumVersion ?? null };
}

export async function readReleaseFeed(feedUrl: string, platform: string, transport: HttpTransport, timeoutMs = 15_000): Promise<FeedRelease> {
  const url = new URL(feedFileName(platform), feedUrl.endsWith('/') ? feedUrl : `${feedUrl}/`);
  let response: Response;
  try {
    response = await transport(url, { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs), headers: { 'Cache-Control': 'no-cache' } });
  } catch (error) {
    throw new ReleaseFeedError('unreachable', error instanceof Error ? error.name : 'network');
  }
  if (!response.ok) throw new ReleaseFeedError('http-status', String(response.status));
  const body = await response.arrayBuffer();
  if (body.byteLength > maxFeedBytes) throw new ReleaseFeedError('too-large', String(body.byteLength));
  return parseReleaseFeed(new TextDecoder().decode(body));
}
