import type { PolicyProblem } from '../../electron/ipc/contract';
import { texts } from '../texts';

/** The machine's policy cannot be used: the app stops here and names the file and the key, for IT. */
export function PolicyStopScreen({ problem }: { problem: PolicyProblem }) {
  return (
    <main className="narrow" data-testid="policy-problem">
      <h2 tabIndex={-1} ref={(heading) => heading?.focus()}>
        {texts.policy.title}
      </h2>
      <p role="alert">{texts.policy.intro}</p>
      <dl className="facts">
        <dt>{texts.policy.file}</dt>
        <dd>
          <code data-testid="policy-file">{problem.file}</code>
        </dd>
        <dt>{texts.policy.key}</dt>
        <dd>
          {problem.key === null ? texts.policy.wholeFile : <code data-testid="policy-key">{problem.key}</code>}
        </dd>
      </dl>
      <p>{texts.policy.problems[problem.problem]}</p>
      <p className="muted">{texts.policy.whatToDo}</p>
    </main>
  );
}
