import { app, BrowserWindow, Menu } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { applyMinimalMenu, debuggingSwitchGiven, minimalMenuTemplate, refuseDebugging } from '../../electron/window/production-lock';
import { guardClose } from '../../electron/window/close-guard';
import { startSwitches, type MockBrowserWindow } from './electron-mock';

vi.mock('electron', async () => (await import('./electron-mock')).electronMock());

describe('the packaged app refuses debugging', () => {
  beforeEach(() => {
    startSwitches.clear();
    vi.mocked(app.exit).mockClear();
  });

  it.each(['remote-debugging-port', 'remote-debugging-pipe', 'inspect', 'inspect-brk', 'js-flags'])('quits before any window when started with --%s', (name) => {
    startSwitches.add(name);
    expect(refuseDebugging()).toBe(true);
    expect(app.exit).toHaveBeenCalledWith(1);
  });

  it.each(['ignore-certificate-errors', 'host-resolver-rules', 'proxy-server', 'log-net-log', 'ssl-key-log-file'])('quits when started with --%s, which opens the TLS traffic to UiTiD (issue 27 item 12)', (name) => {
    expect(debuggingSwitchGiven(['/opt/app', `--${name}=x`], {})).toBe(`--${name}=x`);
    startSwitches.add(name);
    expect(refuseDebugging()).toBe(true);
    expect(app.exit).toHaveBeenCalledWith(1);
  });

  it('quits when SSLKEYLOGFILE is set, even empty, and starts without it', () => {
    expect(debuggingSwitchGiven(['/opt/app'], { SSLKEYLOGFILE: '' })).toBe('SSLKEYLOGFILE');
    expect(debuggingSwitchGiven(['/opt/app'], { PATH: '/usr/bin' })).toBeUndefined();
    const saved = process.env.SSLKEYLOGFILE;
    process.env.SSLKEYLOGFILE = '/tmp/keys.log';
    try {
      expect(refuseDebugging()).toBe(true);
      expect(app.exit).toHaveBeenCalledWith(1);
    } finally {
      if (saved === undefined) delete process.env.SSLKEYLOGFILE;
      else process.env.SSLKEYLOGFILE = saved;
    }
  });

  it('finds the switch in argv too (Node reads --inspect=… before Chromium does)', () => {
    expect(debuggingSwitchGiven(['/opt/app', '--inspect=9229'], {})).toBe('--inspect=9229');
    expect(debuggingSwitchGiven(['/opt/app', '--remote-debugging-port=9222'], {})).toBe('--remote-debugging-port=9222');
    expect(debuggingSwitchGiven(['/opt/app', '--inspector-is-not-a-switch', '--lang=nl-BE'], {})).toBeUndefined();
  });

  it('starts normally without one', () => {
    expect(refuseDebugging()).toBe(false);
    expect(app.exit).not.toHaveBeenCalled();
  });

  it('lets an unpackaged (development) app be debugged', () => {
    startSwitches.add('remote-debugging-port');
    Object.assign(app, { isPackaged: false });
    try {
      expect(refuseDebugging()).toBe(false);
    } finally {
      Object.assign(app, { isPackaged: true });
    }
  });
});

describe('the minimal menu', () => {
  it('has Edit and Window, the app menu on macOS, and no View (reload, DevTools)', () => {
    expect(minimalMenuTemplate('win32')).toEqual([{ role: 'editMenu' }, { role: 'windowMenu' }]);
    expect(minimalMenuTemplate('darwin')).toEqual([{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }]);
    applyMinimalMenu();
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith({ template: minimalMenuTemplate() });
  });
});

describe('closing the window', () => {
  const setUp = (writesInFlight: number) => {
    const window = new (BrowserWindow as unknown as typeof MockBrowserWindow)({});
    let answer: (close: boolean) => void = () => undefined;
    const question = { writesInFlight: vi.fn(() => writesInFlight), askToClose: vi.fn(), onCloseAnswer: (listener: (close: boolean) => void) => (answer = listener) };
    guardClose(window as unknown as BrowserWindow, question);
    const closed = vi.fn();
    window.on('closed', closed);
    return { window, question, closed, answer: (close: boolean) => answer(close) };
  };

  it('asks the page first, and closes only when it says so', () => {
    const { window, question, closed, answer } = setUp(1);
    window.close();
    expect(question.askToClose).toHaveBeenCalledOnce();
    expect(closed).not.toHaveBeenCalled();
    answer(false);
    expect(closed).not.toHaveBeenCalled();
    window.close();
    expect(question.askToClose).toHaveBeenCalledTimes(2);
    answer(true);
    expect(closed).toHaveBeenCalledOnce();
  });

  it('keeps asking while a write is on its way, even on a second close', () => {
    const { window, question, closed } = setUp(1);
    window.close();
    window.close();
    expect(question.askToClose).toHaveBeenCalledTimes(2);
    expect(closed).not.toHaveBeenCalled();
  });

  it('is not held open by a page that does not answer when nothing is on its way, nor by a crashed page', () => {
    const idle = setUp(0);
    idle.window.close();
    idle.window.close();
    expect(idle.closed).toHaveBeenCalledOnce();
    const crashed = setUp(1);
    crashed.window.webContents.emit('render-process-gone');
    crashed.window.close();
    expect(crashed.closed).toHaveBeenCalledOnce();
  });
});
