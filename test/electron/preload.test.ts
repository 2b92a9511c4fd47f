import { contextBridge, ipcRenderer } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createBalieApi } from '../../electron/ipc/bridge-api';
import type { BalieApi } from '../../electron/ipc/contract';

vi.mock('electron', async () => (await import('./electron-mock')).electronMock());

describe('preload', async () => {
  await import('../../electron/ipc/preload');
  const [name, api] = vi.mocked(contextBridge.exposeInMainWorld).mock.calls[0] as [string, BalieApi];

  it('exposes only the hand-made balie API', () => {
    expect(name).toBe('balie');
    const contractApi = createBalieApi({ invoke: () => Promise.reject(new Error('unused')), subscribe: () => () => undefined });
    expect(Object.keys(api).sort()).toEqual(Object.keys(contractApi).sort());
    expect(Object.values(api).every((member) => typeof member === 'function')).toBe(true);
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipcRenderer|send|invoke/);
  });

  it('invokes the contract channel for each method', async () => {
    vi.mocked(ipcRenderer.invoke).mockResolvedValue({ ok: true, value: 'x' });
    await api.getReaders();
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('eid:getReaders', undefined);
  });

  it('hands event listeners the payload only, never the IpcRendererEvent, and unsubscribes', () => {
    const listener = vi.fn();
    const stop = api.onReaders(listener);
    const status = { service: 'running', readers: [] };
    ipcRenderer.emit('eid:readers', { sender: 'IpcRendererEvent' }, status);
    expect(listener).toHaveBeenCalledExactlyOnceWith(status);
    stop();
    ipcRenderer.emit('eid:readers', {}, status);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
