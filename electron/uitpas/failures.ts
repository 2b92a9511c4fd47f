/** Turns what can go wrong with UiTPAS into the contract's BalieError, field and outcome included. */
import { contractError, type BalieError } from '../ipc/contract';
import { BalieFailure } from '../ipc/dispatch';
import { SecretStoreUnavailableError } from '../settings/secret-store';
import { UitpasError, UitpasFailure } from './errors';
import { LoginCancelledError } from './login-flow';

const codeByKind = {
  rejected: 'uitpas-rejected',
  'login-required': 'uitpas-login-required',
  timeout: 'uitpas-timeout',
  unreachable: 'uitpas-unreachable',
  server: 'uitpas-server',
  'bad-response': 'uitpas-bad-response',
} as const;

export function toBalieError(failure: UitpasFailure): BalieError {
  const error: BalieError = { code: codeByKind[failure.kind], message: failure.message };
  if (failure.outcomeUnknown) {
    error.outcomeUnknown = true;
    error.message = `${failure.message} Misschien is het toch gelukt: zoek de pashouder eerst op (rijksregisternummer of UiTPAS-nummer) voor je het opnieuw probeert.`;
  }
  if (failure instanceof UitpasError) {
    error.apiCode = failure.code;
    if (failure.field) error.field = failure.field;
    if (failure.requiredPermission) error.requiredPermission = failure.requiredPermission;
    if (failure.existing) error.existingPassholderUid = failure.existing.userId;
  }
  return error;
}

/** Runs a UiTPAS call for a handler: expected failures become typed results for the page. */
export async function calling<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UitpasFailure) throw new BalieFailure(toBalieError(error));
    if (error instanceof LoginCancelledError) throw new BalieFailure(contractError('login-cancelled'));
    if (error instanceof SecretStoreUnavailableError) throw new BalieFailure({ ...contractError('secret-store-unavailable'), message: error.message });
    throw error;
  }
}
