/**
 * Reads the release feed electron-builder publishes beside the installers: `latest.yml` (Windows),
 * `latest-mac.yml`, `latest-linux.yml`, the files electron-updater reads too. Through the app's
 * transport, so the PC's proxy and certificate store apply as for every other call.
 */
import { FAILSAFE_SCHEMA, load } from 'js-yaml';
import type { ReadableStream, ReadableStreamReadResult } from 'node:stream/web';
import type { HttpTransport } from '../uitpas/transport';
import { isVersion, type FeedRelease } from './update-plan';

/** electron-updater's file name per OS and channel (electron-updater's getChannelFilename: `latest.yml`, `beta-mac.yml`, …). */
export function feedFileName(platform: string, channel = 'latest'): string {
  if (platform === 'darwin') return `${channel}-mac.yml`;
  if (platform === 'linux') return `${channel}-linux.yml`;
  return `${channel}.yml`;
}

/** Only https: a feed over plain http could be swapped on the way. Loopback http only where a test asks for it. */
export function isFeedUrlAllowed(url: string, allowLoopbackHttp = false): boolean {
  if (!URL.canParse(url)) return false;
  const { protocol, hostname } = new URL(url);
  return protocol === 'https:' || (allowLoopbackHttp && protocol === 'http:' && (hostname === '127.0.0.1' || hostname === 'localhost'));
}

/** A feed file is a few hundred bytes; anything far larger is not one. */
const maxFeedBytes = 64 * 1024;

export class ReleaseFeedError extends Error {
  constructor(readonly reason: 'unreachable' | 'http-status' | 'too-large' | 'not-a-feed' | 'not-https', detail: string) {
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

export interface FeedReadOptions {
  channel?: string;
  timeoutMs?: number;
  /** Tests only: a feed on http://127.0.0.1. */
  allowLoopbackHttp?: boolean;
}

export async function readReleaseFeed(feedUrl: string, platform: string, transport: HttpTransport, options: FeedReadOptions = {}): Promise<FeedRelease> {
  const url = new URL(feedFileName(platform, options.channel), feedUrl.endsWith('/') ? feedUrl : `${feedUrl}/`);
  if (!isFeedUrlAllowed(url.href, options.allowLoopbackHttp)) throw new ReleaseFeedError('not-https', url.protocol);
  let response: Response;
  try {
    response = await transport(url, { redirect: 'manual', signal: AbortSignal.timeout(options.timeoutMs ?? 15_000), headers: { 'Cache-Control': 'no-cache' } });
  } catch (error) {
    throw new ReleaseFeedError('unreachable', error instanceof Error ? error.name : 'network');
  }
  if (!response.ok) throw new ReleaseFeedError('http-status', String(response.status));
  return parseReleaseFeed(await readCapped(response, maxFeedBytes));
}

/** The body read chunk by chunk and dropped as soon as it passes the cap: a huge answer is never held whole. */
async function readCapped(response: Response, cap: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > cap) {
    await response.body?.cancel();
    throw new ReleaseFeedError('too-large', String(declared));
  }
  if (!response.body) return '';
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (error) {
      throw new ReleaseFeedError('unreachable', error instanceof Error ? error.name : 'network');
    }
    if (chunk.done) break;
    size += chunk.value.byteLength;
    if (size > cap) {
      await reader.cancel();
      throw new ReleaseFeedError('too-large', `more than ${cap}`);
    }
    chunks.push(chunk.value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
