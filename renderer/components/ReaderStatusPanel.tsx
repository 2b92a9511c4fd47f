import type { ReaderStatus } from '../../electron/ipc/contract';
import { texts } from '../texts';

export function ReaderStatusPanel({ status, platform }: { status: ReaderStatus; platform: string }) {
  return (
    <section className="panel" aria-labelledby="readers-title">
      <h2 id="readers-title">{texts.readers.title}</h2>
      {status.service === 'unavailable' ? (
        <p role="alert" className="warning">
          {texts.readers.serviceDown} {texts.readers.serviceHelp[platform] ?? ''}
        </p>
      ) : status.readers.length === 0 ? (
        <p>{texts.readers.none}</p>
      ) : (
        <ul className="readers" aria-label={texts.readers.title}>
          {status.readers.map((reader) => (
            <li key={reader.name} data-card={reader.cardPresent ? 'present' : 'absent'}>
              <span className="reader-name">{reader.name}</span>
              <span className="reader-card">{reader.cardPresent ? texts.readers.cardPresent : texts.readers.noCard}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
