import type { Registered } from '../../electron/ipc/contract';
import { useApp } from '../context';
import { texts } from '../texts';

export function RegisteredScreen({ result, who }: { result: Registered & { verified: boolean }; who: string }) {
  const { store } = useApp();
  return (
    <main className="narrow">
      <section className="panel" aria-labelledby="done-title">
        <h2 id="done-title">{texts.register.done}</h2>
        <p className="notice ok" role="status" data-testid="registered">
          {texts.register.doneText(who, result.uitpasNumber)}
        </p>
        <p>{result.verified ? texts.register.doneVerified : texts.register.doneNotVerified}</p>
        <p className="muted">
          {texts.register.uid}: <span data-testid="registered-uid">{result.uid}</span>
        </p>
        <button type="button" className="primary" autoFocus onClick={() => store.go({ name: 'home' })}>
          {texts.register.another}
        </button>
      </section>
    </main>
  );
}
