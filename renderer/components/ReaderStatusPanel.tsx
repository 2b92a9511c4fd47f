import type { ReaderStatus } from '../../electron/ipc/contract';
import { readerProblemCode } from '../flows/reader-problem';
import { texts } from '../texts';

export function ReaderStatusPanel({ status, platform }: { status: ReaderStatus; platform: string }) {
  const problem = readerProblemCode(status, platform);
  return (
    <section className="panel" aria-labelledby="readers-title">
      <h2 id="readers-title">{texts.readers.title}</h2>
      {problem ? (
        <div role="alert" className="warning" data-problem-code={problem}>
          <p>{texts.readers.serviceDown}</p>
          <p className="hint">{texts.readers.codeForIt(problem)}</p>
        </div>
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
