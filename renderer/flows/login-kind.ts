import type { SessionView } from '../../electron/ipc/contract';

/**
 * Outside demo, a PC without a UiTiD v2 client id logs in with UiTiD v1, which the real counter no longer offers
 * (uitpas-beheer-silex removed its v1 login in July 2024, commit "Remove UiTiDv1 login option"): staff are told to
 * have IT ask publiq for a client id.
 */
export function usesUitidV1(session: Pick<SessionView, 'environment' | 'uitidV2'>): boolean {
  return session.environment !== 'demo' && session.uitidV2 === null;
}
