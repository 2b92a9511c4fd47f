import { useEffect, useRef } from 'react';
import type { Outcome } from '../../flows/visit/visit-slice';
import { lostAnswerText, refusalText } from '../../flows/visit/visit-words';
import { texts } from '../../texts';

type Action = 'checkin' | 'sale' | 'cancel' | 'cashIn';

/**
 * What became of one write of the visit, where staff did it: the result in words (taking the focus, so it is
 * seen and read out), a refusal with UiTPAS's own message beside the app's words, or an unknown outcome with
 * the one look-up that settles it (focused: nothing is sent again by itself).
 */
export function WriteOutcome<Done>({
  action,
  outcome,
  done,
  onLookUp,
}: {
  action: Action;
  outcome: Outcome<Done> | undefined;
  done: (done: Done) => string;
  onLookUp: () => void;
}) {
  const notice = useRef<HTMLDivElement>(null);
  const lookUp = useRef<HTMLButtonElement>(null);
  const step = outcome?.step;
  useEffect(() => {
    if (step === 'unknown') lookUp.current?.focus();
    else if (step && step !== 'sending') notice.current?.focus();
  }, [step]);
  if (!outcome) return null;
  if (outcome.step === 'sending')
    return (
      <p className="muted visit-outcome" role="status">
        {texts.busy}
      </p>
    );
  if (outcome.step === 'done')
    return (
      <div ref={notice} tabIndex={-1} className="notice ok visit-outcome" role="status" data-testid={`${action}-done`}>
        {done(outcome.done)}
      </div>
    );
  if (outcome.step === 'settled')
    return (
      <div ref={notice} tabIndex={-1} className={`notice ${outcome.arrived ? 'ok' : 'info'} visit-outcome`} role="status" data-testid={`${action}-settled`}>
        {outcome.arrived ? texts.visit.arrived[action] : texts.visit.notArrived[action]}
      </div>
    );
  if (outcome.step === 'refused') {
    const { text, uitpas } = refusalText(action, outcome.error);
    return (
      <div ref={notice} tabIndex={-1} className="notice error visit-outcome" role="alert" data-testid={`${action}-refused`}>
        {text}
        {uitpas && <span className="uitpas-says">{uitpas}</span>}
      </div>
    );
  }
  return (
    <div className="notice warn visit-outcome" role="alert" data-testid={`${action}-unknown`}>
      <strong>{texts.errors.outcomeUnknownTitle}. </strong>
      {lostAnswerText(outcome.error)} {texts.visit.unknown}
      <div className="actions">
        <button ref={lookUp} type="button" disabled={outcome.checking} onClick={onLookUp}>
          {outcome.checking ? texts.busy : texts.visit.lookUp}
        </button>
      </div>
      {outcome.checkFailed && <p>{texts.visit.lookUpFailed}</p>}
    </div>
  );
}
