import { protocol } from 'electron';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { registerAppScheme, serveRenderer } from '../../electron/window/app-protocol';

vi.mock('electron', async () => (await import('./electron-mock')).electronMock());

const root = mkdtempSync(join(tmpdir(), 'renderer-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<html></html>');
writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(tmpdir(), 'secret.js'), 'nope');

describe('app:// protocol', () => {
  registerAppScheme();
  serveRenderer(root);
  const handler = vi.mocked(protocol.handle).mock.calls[0]![1] as (request: Request) => Promise<Response>;
  const get = (url: string) => handler(new Request(url));

  it('is a standard, secure scheme', () => {
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves the renderer with a strict Content-Security-Policy', async () => {
    const response = await get('app://balie/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(await (await get('app://balie/assets/app.js')).text()).toBe('console.log(1)');
  });

  it.each(['app://balie/../secret.js', 'app://balie/%2e%2e/secret.js', 'app://balie/assets/..%2f..%2fsecret.js', 'app://other/index.html'])(
    'refuses %s',
    async (url) => {
      expect((await get(url)).status).toBe(404);
    },
  );
});
