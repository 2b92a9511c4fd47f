import { describe, expect, it, vi } from 'vitest';
import type { HandlerTable } from '../../electron/ipc/contract';
import { BalieFailure, createDispatcher } from '../../electron/ipc/dispatch';
import { fakeHandlers } from '../support/fake-handlers';

const info = { name: 'UiTPAS Balie', version: '1.2.3', platform: 'linux', host: 'browser' as const };

function dispatcher(overrides: Partial<HandlerTable> = {}) {
  const log = { warn: vi.fn() };
  const handlers = fakeHandlers({ 'app:getInfo': () => info, 'eid:getReaders': () => ({ service: 'running', readers: [] }), ...overrides });
  return { dispatch: createDispatcher(handlers, log), log };
}

describe('dispatch', () => {
  it('runs the handler of a known channel with a valid payload', async () => {
    expect(await dispatcher().dispatch('app:getInfo', undefined)).toEqual({ ok: true, value: info });
  });

  it.each([['nope'], ['__proto__'], ['toString'], [42]])('refuses the unknown channel %s', async (channel) => {
    expect(await dispatcher().dispatch(channel, undefined)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('refuses a payload its guard rejects, and never logs the payload', async () => {
    const { dispatch, log } = dispatcher();
    const result = await dispatch('eid:getReaders', { inszNumber: '85073003328' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(JSON.stringify(log.warn.mock.calls)).not.toContain('85073003328');
  });

  it('passes a typed failure through and hides anything else behind "internal"', async () => {
    const typed = dispatcher({
      'app:getInfo': () => {
        throw new BalieFailure({ code: 'invalid-field', field: 'email', problem: 'email-invalid' });
      },
    });
    expect(await typed.dispatch('app:getInfo', undefined)).toEqual({ ok: false, error: { code: 'invalid-field', field: 'email', problem: 'email-invalid' } });

    const crash = dispatcher({
      'app:getInfo': () => {
        throw new Error('Jan Peeters, 85073003328');
      },
    });
    const result = await crash.dispatch('app:getInfo', undefined);
    expect(result).toEqual({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(crash.log.warn.mock.calls)).not.toMatch(/Peeters|85073003328/);
  });
});
