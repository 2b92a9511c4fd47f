import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from '../../electron/window/static-files';

describe('resolveStaticPath', () => {
  const root = '/srv/renderer';

  it('maps / to index.html and keeps files inside the root', () => {
    expect(resolveStaticPath(root, '/')).toBe('/srv/renderer/index.html');
    expect(resolveStaticPath(root, '/assets/index-abc.js')).toBe('/srv/renderer/assets/index-abc.js');
  });

  it.each(['/../secret.html', '/%2e%2e/secret.html', '/assets/..%2F..%2Fsecret.js', '/a%00.js', '/%E0%A4%A', '/notes.txt', '/assets'])(
    'refuses %s',
    (path) => {
      expect(resolveStaticPath(root, path)).toBeNull();
    },
  );
});

describe('isLoginPageUrl', async () => {
  const { isLoginPageUrl } = await import('../../electron/window/navigation');
  const authorize = 'http://127.0.0.1:41234/uitid/rest/auth/authorize?oauth_token=x';
  it.each([
    ['http://127.0.0.1:41234/uitid/rest/auth/authorize', true],
    ['https://www.uitid.be/uitid/rest/auth/login', true],
    ['https://uitid.be/', true],
    ['http://www.uitid.be/', false],
    ['https://uitid.be.evil.example/', false],
    ['https://user:pass@www.uitid.be/', false],
    ['http://127.0.0.1:9999/', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isLoginPageUrl(url, authorize)).toBe(allowed);
  });
});
