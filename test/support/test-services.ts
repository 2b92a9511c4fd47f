/** The real main services with fake card readers, an in-memory secret store and a data folder of their own: what the hardening tests drive. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMainServices, type MainServicesOptions } from '../../electron/main-services';
import { authorizeAtSimulator } from '../../electron/simulator/headless-authorize';
import { FakePcscContext } from './fake-pcsc';
import { memoryCipher } from './memory-cipher';

export function testServices(name: string, extra: Partial<MainServicesOptions> = {}) {
  return createMainServices({
    appInfo: { name: 'UiTPAS Balie', version: '0', platform: 'linux', host: 'browser' },
    createPcscContext: () => new FakePcscContext(),
    trustAnchors: [],
    dataDirectory: mkdtempSync(join(tmpdir(), `balie-${name}-`)),
    secretCipher: memoryCipher(),
    showAuthorizePage: authorizeAtSimulator,
    log: { warn: () => undefined },
    ...extra,
  });
}
