/** `npm run dev:browser`: the app in a browser, with the real services and card readers. */
import { resolve } from 'node:path';
import { createPcscliteContext } from '../../native/pcsc/pcsclite-context';
import { startBrowserHostApp } from './app';

// Built to out-dev/browser-host/start.js, two levels below the project root.
const projectRoot = resolve(__dirname, '../..');

void startBrowserHostApp({
  projectRoot,
  createPcscContext: createPcscliteContext,
  port: Number(process.env.BALIE_PORT ?? 5180),
}).then((host) => {
  console.log(`UiTPAS Balie ${host.version} draait in de browser host.\nOpen (de link werkt één keer, in één tab): ${host.url}\nStoppen: Ctrl+C`);
  const stop = () => void host.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
});
