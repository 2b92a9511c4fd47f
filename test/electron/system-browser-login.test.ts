import { shell } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { openInSystemBrowser } from '../../electron/window/login-window';
import { LoginCancelledError } from '../../electron/uitpas/login-flow';

vi.mock('electron', async () => (await import('./electron-mock')).electronMock());

describe('UiTiD v2 login in the system browser', () => {
  it('opens an https authorize page (or the demo stand-in on 127.0.0.1) in the system browser', async () => {
    await openInSystemBrowser('https://account.uitid.be/authorize?client_id=x&code_challenge=y', 'https://account.uitid.be');
    await openInSystemBrowser('http://127.0.0.1:40123/oidc/authorize?client_id=x', 'http://127.0.0.1:40123');
    expect(vi.mocked(shell.openExternal).mock.calls.map(([url]) => url)).toEqual([
      'https://account.uitid.be/authorize?client_id=x&code_challenge=y',
      'http://127.0.0.1:40123/oidc/authorize?client_id=x',
    ]);
  });

  it.each(['http://account.uitid.be/authorize', 'file:///etc/passwd', 'https://user:pw@account.uitid.be/authorize', 'javascript:alert(1)'])('refuses %s', async (url) => {
    vi.mocked(shell.openExternal).mockClear();
    await expect(openInSystemBrowser(url, new URL(url).origin)).rejects.toBeInstanceOf(LoginCancelledError);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it.each([
    ['another https site', 'https://evil.example/authorize', 'https://account.uitid.be'],
    ['another port on loopback', 'http://127.0.0.1:8080/authorize', 'http://127.0.0.1:40123'],
    ['a look-alike host', 'https://account.uitid.be.evil.example/authorize', 'https://account.uitid.be'],
  ])('refuses %s: only the authorization origin of the issuer opens', async (_name, url, origin) => {
    vi.mocked(shell.openExternal).mockClear();
    await expect(openInSystemBrowser(url, origin)).rejects.toBeInstanceOf(LoginCancelledError);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});
