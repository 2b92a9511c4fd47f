/**
 * The whole browser host as `npm run dev:browser` and the end-to-end tests run
 * it: the real main-process services, bound to the browser host server.
 */
import type { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTrustAnchors } from '../../native/beid/trust-anchors';
import type { CreatePcscContext } from '../../native/pcsc/pcsc-port';
import { createDispatcher } from '../ipc/dispatch';
import { authorizeAtSimulator } from '../simulator/headless-authorize';
import type { MainEvents } from '../ipc/main-events';
import { createMainServices, type MainServices } from '../main-services';
import { machinePolicySource } from '../settings/machine-policy';
import { startBrowserHost, type BrowserHost } from './server';

export interface BrowserHostAppOptions {
  projectRoot: string;
  createPcscContext: CreatePcscContext;
  /** Defaults to the bundled Belgian roots; tests pass the roots of their virtual cards. */
  trustAnchors?: readonly X509Certificate[];
  /** Settings of this host (a test's own folder, so runs start fresh). */
  dataDirectory?: string;
  /** Where the machine's root is for the policy file (policy-source.ts); tests give a temporary folder. Default: the machine's own. */
  policyRoot?: string;
  /** The network the UiTPAS client uses; tests make it fail on purpose. */
  fetch?: typeof fetch;
  port?: number;
}

export interface BrowserHostApp extends BrowserHost {
  version: string;
  /** The main-process events, for benchmarks that time what the page does with them. */
  events: MainEvents;
  /**
   * Where a proxy's question for credentials is asked (the app's Electron `login` events ask here): the
   * browser host's own network is Node's and never asks, so its tests ask here to show staff the dialog.
   */
  askProxyCredentials: MainServices['proxyQuestions']['ask'];
}

export async function startBrowserHostApp({
  projectRoot,
  createPcscContext,
  trustAnchors = loadTrustAnchors(join(projectRoot, 'build/belgium-root-ca')),
  dataDirectory = join(projectRoot, 'out-dev/browser-host-data'),
  policyRoot,
  fetch,
  port,
}: BrowserHostAppOptions): Promise<BrowserHostApp> {
  // The same policy file as the app: a counter's browser-host test obeys what IT set.
  const policy = machinePolicySource(process.platform, policyRoot);
  await policy.load();
  const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { productName: string; version: string };
  const services = createMainServices({
    appInfo: { name: pkg.productName, version: pkg.version, platform: process.platform, host: 'browser' },
    createPcscContext,
    trustAnchors,
    dataDirectory,
    policy,
    // The browser host is for development: it keeps no secrets, so only the demo environment logs in.
    secretCipher: {
      unavailableReason: () => Promise.resolve('browser-host'),
      encrypt: () => Promise.reject(new Error('no secret store')),
      decrypt: () => Promise.reject(new Error('no secret store')),
    },
    showAuthorizePage: authorizeAtSimulator,
    fetch,
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
    events: services.events,
    askProxyCredentials: services.proxyQuestions.ask,
    close: async () => {
      await host.close();
      await services.close();
    },
  };
}
