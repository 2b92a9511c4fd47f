/**
 * `npm run --silent eid -- read [--reader NAME] [--photo FILE] [--wait SECONDS] [--lang nl|fr]`
 * `npm run --silent eid -- watch`
 *
 * For counter support: reads the card in a reader and prints one JSON document:
 * for an eID the reader, card, identity, address, photo summary, integrity, and
 * the pass holder fields the app would fill in; for a UiTPAS card its kind and
 * chip number; both with the APDUs and PC/SC transactions the read took. With
 * `watch`, one JSON line per
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
import { isContactlessAtr } from '../../native/contactless/card-kind';
import { readChipNumber } from '../../native/contactless/chip-number';
import { connectShared, toEidReadError, type CardConnection } from '../../native/pcsc/card-connection';
import type { PcscCardReader } from '../../native/pcsc/pcsc-port';
import { createPcscliteContext } from '../../native/pcsc/pcsclite-context';
import { ReaderWatcher } from '../../native/pcsc/reader-watcher';
import { connectTransacted } from '../../native/pcsc/transacted-card';
import { fr } from '../../renderer/messages/fr';
import { nl } from '../../renderer/messages/nl';
import { isLanguage } from '../settings/languages';
import { MainEvents } from '../ipc/main-events';
import { toPassholderPrefill } from './prefill';
import { CardService } from './card-service';

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
  const connection = await connectShared(reader.name, connectTransacted, {
    onWaiting: () => process.stderr.write(`${texts.cli.waitingForOtherProgram}\n`),
  }).catch((error: unknown) => {
    throw new CliError(texts.eidCauses[toEidReadError(error).reason]);
  });
  let read: EidRead | { chipNumber: string };
  try {
    read = await readCard(connection, atr);
  } catch (error) {
    throw error instanceof CliError ? error : new CliError(texts.eidCauses[toEidReadError(error).reason]);
  } finally {
    await connection.close();
  }
  const apdus = { apduCount: connection.apduCount, transactions: connection.transactions };
  if ('chipNumber' in read) {
    // Support's "does the reader see the card?": the kind and the chip number, and nothing personal.
    process.stdout.write(`${JSON.stringify({ reader: reader.name, card: { kind: 'uitpas', atr: hex(atr), chipNumber: read.chipNumber }, ...apdus }, null, 2)}\n`);
    return;
  }
  if (values.photo) writeFileSync(values.photo, read.photo);
  process.stdout.write(`${JSON.stringify({ ...report(reader.name, atr, read, values.photo ?? null), ...apdus }, null, 2)}\n`);
}

/** As the card service tells cards apart: a contactless ATR gives a chip number; any other card is read as an eID, or else asked for one. */
async function readCard(connection: CardConnection, atr: Buffer | undefined): Promise<EidRead | { chipNumber: string }> {
  if (isContactlessAtr(atr)) return chipNumberOr(connection, 'unknown-card');
  try {
    return await readEid(connection, { trustAnchors: trustAnchors() });
  } catch (error) {
    if (toEidReadError(error).reason !== 'not-eid') throw error;
    return chipNumberOr(connection, 'not-eid');
  }
}

async function chipNumberOr(connection: CardConnection, cause: 'unknown-card' | 'not-eid'): Promise<{ chipNumber: string }> {
  const { chipNumber } = await readChipNumber(connection);
  if (chipNumber === null) throw new CliError(texts.eidCauses[cause]);
  return { chipNumber };
}

function hex(bytes: Buffer | undefined): string | null {
  return bytes?.toString('hex').toUpperCase() ?? null;
}

function report(readerName: string, atr: Buffer | undefined, read: EidRead, photoFile: string | null) {
  const { identity, address, card, photo, integrity, warnings, expired } = read;
  return {
    reader: readerName,
    card: {
      kind: 'eid',
      atr: hex(atr),
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
  const service = new CardService({ createPcscContext: createPcscliteContext, trustAnchors: trustAnchors(), events, log: { warn: () => undefined } });
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
