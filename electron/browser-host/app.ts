/**
 * The whole browser host as `npm run dev:browser` and the end-to-end tests run
 * it: the real main-process services, bound to the browser host server.
 */
import type { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTrustAnchors } from '../../native/beid/trust-anchors';
import type { CreatePcscContext } from '../../native/pcsc/pcsc-port';
import { createDispatcher } from '../dispatch';
import { authorizeAtSimulator } from '../simulator/headless-authorize';
import { createMainServices } from '../main-services';
import { startBrowserHost, type BrowserHost } from './server';

export interface BrowserHostAppOptions {
  projectRoot: string;
  createPcscContext: CreatePcscContext;
  /** Defaults to the bundled Belgian roots; tests pass the roots of their virtual cards. */
  trustAnchors?: readonly X509Certificate[];
  port?: number;
}

export interface BrowserHostApp extends BrowserHost {
  version: string;
}

export async function startBrowserHostApp({
  projectRoot,
  createPcscContext,
  trustAnchors = loadTrustAnchors(join(projectRoot, 'build/belgium-root-ca')),
  port,
}: BrowserHostAppOptions): Promise<BrowserHostApp> {
  const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { productName: string; version: string };
  const services = createMainServices({
    appInfo: { name: pkg.productName, version: pkg.version, platform: process.platform, host: 'browser' },
    createPcscContext,
    trustAnchors,
    dataDirectory: join(projectRoot, 'out-dev/browser-host-data'),
    // The browser host is for development: it keeps no secrets, so only the demo environment logs in.
    secretCipher: {
      unavailableReason: () => Promise.resolve('De browser host bewaart geen geheimen: alleen de demo-omgeving werkt hier.'),
      encrypt: () => Promise.reject(new Error('no secret store')),
      decrypt: () => Promise.reject(new Error('no secret store')),
    },
    showAuthorizePage: authorizeAtSimulator,
  });
  const host = await startBrowserHost({
    rendererRoot: join(projectRoot, 'out/renderer'),
    bridgeScriptFile: join(projectRoot, 'out-dev/browser-host/bridge.js'),
    dispatch: createDispatcher(services.handlers),
    events: services.events,
    port,
  });
  return {
    ...host,
    version: pkg.version,
    close: async () => {
      await host.close();
      await services.close();
    },
  };
}
