import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { APP_URL, isAppUrl, isExternalWebUrl } from '../../../electron/main/origin';
import { denyPermissions, hardenContents } from '../../../electron/main/security';
import { windowOptions } from '../../../electron/main/window';

/** Just enough of WebContents to drive the handlers the way Electron does. */
function fakeContents() {
  const ee = new EventEmitter() as EventEmitter & { setWindowOpenHandler: (h: any) => void; openHandler?: (d: { url: string }) => { action: string } };
  ee.setWindowOpenHandler = (h) => { ee.openHandler = h; };
  return ee;
}
const navigate = (wc: EventEmitter, event: string, url: string) => {
  const e = { preventDefault: vi.fn() };
  wc.emit(event, e, url);
  return e.preventDefault.mock.calls.length > 0;
};

describe('BrowserWindow options', () => {
  const o = windowOptions('/x/preload.cjs').webPreferences!;
  it('isolates and sandboxes the renderer with no Node', () => {
    expect(o).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, preload: '/x/preload.cjs' });
  });
});

describe('navigation and new windows', () => {
  it('allows navigation inside the app only', () => {
    const open = vi.fn(async () => {});
    const wc = fakeContents();
    hardenContents(wc as any, open);
    expect(navigate(wc, 'will-navigate', APP_URL + '#/library')).toBe(false);
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://other/index.html', 'data:text/html,hi']) {
      expect(navigate(wc, 'will-navigate', url), url).toBe(true);
    }
    expect(navigate(wc, 'will-redirect', 'https://evil.example/')).toBe(true);
    expect(open).toHaveBeenCalledTimes(1);
    expect(open).toHaveBeenCalledWith('https://evil.example/');
  });

  it('never opens a window; web links go to the system browser, other schemes nowhere', () => {
    const open = vi.fn(async () => {});
    const wc = fakeContents();
    hardenContents(wc as any, open);
    expect(wc.openHandler!({ url: 'https://example.com/doc' })).toEqual({ action: 'deny' });
    expect(wc.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(wc.openHandler!({ url: 'smb://share/x' })).toEqual({ action: 'deny' });
    expect(wc.openHandler!({ url: 'https://user:pw@example.com/' })).toEqual({ action: 'deny' });
    expect(open.mock.calls).toEqual([['https://example.com/doc']]);
  });

  it('blocks webview attachment', () => {
    const wc = fakeContents();
    hardenContents(wc as any, vi.fn());
    expect(navigate(wc, 'will-attach-webview', '')).toBe(true);
  });

  it('recognises app and web URLs strictly', () => {
    expect(isAppUrl('app://handbook/index.html')).toBe(true);
    expect(isAppUrl('app://handbook.evil/index.html')).toBe(false);
    expect(isExternalWebUrl('http://a.b')).toBe(true);
    expect(isExternalWebUrl('vbscript:x')).toBe(false);
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    const s = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() };
    denyPermissions(s as any);
    const cb = vi.fn();
    s.setPermissionRequestHandler.mock.calls[0][0]({}, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
    expect(s.setPermissionCheckHandler.mock.calls[0][0]({}, 'notifications')).toBe(false);
    expect(s.setDevicePermissionHandler.mock.calls[0][0]({})).toBe(false);
  });
});
