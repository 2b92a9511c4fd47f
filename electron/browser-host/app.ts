/**
 * The whole browser host as `npm run dev:browser` and the end-to-end tests run
 * it: the real main-process services, bound to the browser host server.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CreatePcscContext } from '../../native/pcsc/pcsc-port';
import { createDispatcher } from '../dispatch';
import { createMainServices } from '../main-services';
import { startBrowserHost, type BrowserHost } from './server';

export interface BrowserHostAppOptions {
  projectRoot: string;
  createPcscContext: CreatePcscContext;
  port?: number;
}

export interface BrowserHostApp extends BrowserHost {
  version: string;
}

export async function startBrowserHostApp({ projectRoot, createPcscContext, port }: BrowserHostAppOptions): Promise<BrowserHostApp> {
  const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { productName: string; version: string };
  const services = createMainServices({
    appInfo: { name: pkg.productName, version: pkg.version, platform: process.platform, host: 'browser' },
    createPcscContext,
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
      services.close();
    },
  };
}
