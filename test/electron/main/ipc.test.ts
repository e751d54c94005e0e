import { describe, expect, it, vi } from 'vitest';
import { methodNames } from '../../../electron/contract';
import { channelOf, isTrustedSender, registerIpc } from '../../../electron/main/ipc';

function fakeIpcMain() {
  const handlers = new Map<string, (event: any, arg: unknown) => unknown>();
  return { handlers, handle: (ch: string, fn: any) => handlers.set(ch, fn) };
}
const topFrame = (url: string) => ({ senderFrame: { url, parent: null } });

describe('IPC', () => {
  it('registers exactly one channel per contract method', () => {
    const ipc = fakeIpcMain();
    registerIpc(ipc as any, () => ({}) as any);
    expect([...ipc.handlers.keys()].sort()).toEqual(methodNames.map(channelOf).sort());
  });

  it('calls the core for our own top-level page', async () => {
    const ipc = fakeIpcMain();
    const listProfiles = vi.fn(async () => [{ id: 'p' }]);
    registerIpc(ipc as any, () => ({ listProfiles }) as any);
    const out = await ipc.handlers.get('handbook:listProfiles')!(topFrame('app://handbook/index.html#/'), {});
    expect(out).toEqual({ ok: true, data: [{ id: 'p' }] });
    expect(listProfiles).toHaveBeenCalledOnce();
  });

  it('refuses senders that are not our page: other origins, sub-frames, missing frames', async () => {
    const ipc = fakeIpcMain();
    const listProfiles = vi.fn(async () => []);
    registerIpc(ipc as any, () => ({ listProfiles }) as any);
    const h = ipc.handlers.get('handbook:listProfiles')!;
    for (const event of [
      topFrame('https://evil.example/'),
      topFrame('file:///tmp/x.html'),
      { senderFrame: { url: 'app://handbook/index.html', parent: {} } },
      { senderFrame: null },
    ]) {
      expect(await h(event, {})).toEqual({ ok: false, error: { code: 'forbidden', message: 'untrusted sender' } });
    }
    expect(listProfiles).not.toHaveBeenCalled();
    expect(isTrustedSender(topFrame('app://handbook/') as any)).toBe(true);
  });
});
