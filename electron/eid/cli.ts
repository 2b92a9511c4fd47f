/**
 * `npm run --silent eid -- read [--reader NAME] [--photo FILE] [--wait SECONDS] [--lang nl|fr]`
 * `npm run --silent eid -- watch`
 *
 * For counter support: reads the eID in a reader and prints one JSON document
 * (reader, card, identity, address, photo summary, integrity, and the pass
 * holder fields the app would fill in), or, with `watch`, one JSON line per
 * reader event until Ctrl+C. Output is the card holder's personal data: it goes
 * to stdout only, never to a file unless --photo asks for the photo. Its
 * messages come from the page's catalogue (renderer/messages/), in the language
 * of --lang or else of LANG, Dutch by default.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readEid, type EidRead } from '../../native/beid/read-eid';
import { isGenuine } from '../../native/beid/integrity';
import { loadTrustAnchors } from '../../native/beid/trust-anchors';
import { connectShared, toEidReadError } from '../../native/pcsc/card-connection';
import type { PcscCardReader } from '../../native/pcsc/pcsc-port';
import { createPcscliteContext } from '../../native/pcsc/pcsclite-context';
import { ReaderWatcher } from '../../native/pcsc/reader-watcher';
import { fr } from '../../renderer/messages/fr';
import { nl } from '../../renderer/messages/nl';
import { isLanguage } from '../settings/languages';
import { MainEvents } from '../ipc/main-events';
import { toPassholderPrefill } from './prefill';
import { EidReaderService } from './reader-service';

// Built to out-dev/eid-cli.js, one level below the project root.
const trustAnchors = () => loadTrustAnchors(resolve(__dirname, '../build/belgium-root-ca'));

class CliError extends Error {}

/** The catalogue for --lang, or the shell's LANG (fr_BE.UTF-8 → fr), or Dutch. */
function catalogue(lang: string | undefined) {
  const wanted = (lang ?? process.env.LANG ?? '').slice(0, 2);
  return isLanguage(wanted) ? { nl, fr }[wanted] : nl;
}

let texts = nl;

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { reader: { type: 'string' }, photo: { type: 'string' }, wait: { type: 'string', default: '5' }, lang: { type: 'string' } },
  });
  texts = catalogue(values.lang);
  const command = positionals[0];
  if (command === 'watch') return watch();
  if (command !== 'read') throw new CliError(texts.cli.usage);
  const { reader, atr } = await waitForCard(values.reader, Number(values.wait) * 1000);
  const connection = await connectShared(reader, {
    onWaiting: () => process.stderr.write(`${texts.cli.waitingForOtherProgram}\n`),
  }).catch((error: unknown) => {
    throw new CliError(texts.eidCauses[toEidReadError(error).reason]);
  });
  let read: EidRead;
  try {
    read = await readEid(connection, { trustAnchors: trustAnchors() });
  } catch (error) {
    throw new CliError(texts.eidCauses[toEidReadError(error).reason]);
  } finally {
    await connection.close();
  }
  if (values.photo) writeFileSync(values.photo, read.photo);
  process.stdout.write(`${JSON.stringify(report(reader.name, atr, read, values.photo ?? null), null, 2)}\n`);
}

function report(readerName: string, atr: Buffer | undefined, read: EidRead, photoFile: string | null) {
  const { identity, address, card, photo, integrity, warnings, expired } = read;
  return {
    reader: readerName,
    card: {
      atr: atr?.toString('hex').toUpperCase() ?? null,
      appletVersion: card.appletVersion,
      chipSerial: card.serial,
      cardNumber: identity.cardNumber,
      validityBegin: identity.validityBegin,
      validityEnd: identity.validityEnd,
      documentType: { code: identity.documentType, label: texts.eid.documentTypes[identity.documentType] ?? texts.eid.unknownDocumentType(identity.documentType) },
      expired,
    },
    identity: {
      ...identity,
      specialOrganisation: identity.specialOrganisation && { code: identity.specialOrganisation, label: texts.eid.specialOrganisations[identity.specialOrganisation] },
      workPermit: identity.workPermit && { code: identity.workPermit, label: texts.eid.workPermits[identity.workPermit] },
      photoHash: identity.photoHash.toString('hex'),
      basicKeyHash: identity.basicKeyHash.toString('hex'),
    },
    address,
    photo: { bytes: photo.length, sha256: createHash('sha256').update(photo).digest('hex'), savedTo: photoFile },
    integrity: { ...integrity, genuine: isGenuine(integrity) },
    warnings,
    passholderFields: toPassholderPrefill(identity, address, isGenuine(integrity) && !expired),
    apduCount: read.apduCount,
  };
}

/** The first reader with a card (or the named one), waiting up to `waitMs` for the card to go in. */
function waitForCard(wanted: string | undefined, waitMs: number): Promise<{ reader: PcscCardReader; atr: Buffer | undefined }> {
  return new Promise((resolvePromise, reject) => {
    const finish = (outcome: () => void) => {
      clearTimeout(timer);
      watcher.close();
      outcome();
    };
    const watcher = new ReaderWatcher({
      createContext: createPcscliteContext,
      retryDelaysMs: [waitMs + 1000],
      log: { warn: () => undefined },
      onChange: () => undefined,
      onCardInserted: (reader, atr) => {
        if (!wanted || reader.name === wanted) finish(() => resolvePromise({ reader, atr }));
      },
    });
    const timer = setTimeout(() => {
      const status = watcher.status();
      const names = status.readers.map((reader) => reader.name);
      const message =
        status.service === 'unavailable'
          ? texts.eidCauses['pcsc-unavailable']
          : names.length === 0
            ? texts.cli.noReader
            : wanted && !names.includes(wanted)
              ? texts.cli.readerNotFound(wanted, names.join(', '))
              : texts.cli.noCard;
      finish(() => reject(new CliError(message)));
    }, waitMs);
    watcher.start();
  });
}

/** One JSON line per reader event, the photo left out, until interrupted. */
function watch(): Promise<void> {
  const events = new MainEvents();
  events.subscribe((channel, payload) => {
    const line: object = channel === 'eid:card' ? { ...(payload as object), photo: undefined } : (payload as object);
    process.stdout.write(`${JSON.stringify({ event: channel, ...line })}\n`);
  });
  const service = new EidReaderService({ createPcscContext: createPcscliteContext, trustAnchors: trustAnchors(), events, log: { warn: () => undefined } });
  service.start();
  return new Promise((done) => {
    process.once('SIGINT', () => {
      service.close();
      done();
    });
  });
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof CliError ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
