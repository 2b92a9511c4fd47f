import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from '../../electron/static-files';

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
