/** Issue 27 item 7: outside demo, a PC without a UiTiD v2 client id is told to have IT ask publiq for one. */
import { describe, expect, it } from 'vitest';
import { usesUitidV1 } from '../../renderer/flows/login-kind';
import { fr } from '../../renderer/messages/fr';
import { nl } from '../../renderer/messages/nl';

describe('the UiTiD v1 fallback', () => {
  it('is named outside demo without a v2 client, never in demo or with one', () => {
    const v2 = { clientId: 'balie-native', issuer: 'https://account.uitid.be' };
    expect(usesUitidV1({ environment: 'production', uitidV2: null })).toBe(true);
    expect(usesUitidV1({ environment: 'test', uitidV2: null })).toBe(true);
    expect(usesUitidV1({ environment: 'production', uitidV2: v2 })).toBe(false);
    expect(usesUitidV1({ environment: 'demo', uitidV2: null })).toBe(false);
  });

  it('tells staff, in both languages, that IT should ask publiq for a client id', () => {
    expect(nl.session.uitidV1Fallback).toMatch(/IT.*publiq.*client id/);
    expect(fr.session.uitidV1Fallback).toMatch(/IT.*identifiant client.*publiq/);
  });
});
