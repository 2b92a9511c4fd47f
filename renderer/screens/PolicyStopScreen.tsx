import type { PolicyProblem } from '../../electron/ipc/contract';
import { catalogues, texts as workstationTexts } from '../texts';

/** The machine's policy cannot be used: the app stops here and names the file and the key, for IT. */
/** In the language the policy asks for, when that much of it could be read; otherwise the workstation's. */
export function PolicyStopScreen({ problem }: { problem: PolicyProblem }) {
  const texts = problem.language ? catalogues[problem.language] : workstationTexts;
  return (
    <main className="narrow" data-testid="policy-problem" lang={problem.language}>
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
