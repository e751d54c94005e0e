import { EventEmitter } from 'node:events';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createLinkOpener } from '../../../electron/main/linkOpener';
import { APP_URL, isAppUrl, isExternalWebUrl } from '../../../electron/main/origin';
import { denyPermissions, hardenContents } from '../../../electron/main/security';
import { windowOptions } from '../../../electron/main/window';
import { FIXTURE_PACK } from '../../contract/harness';

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

/** hardenContents wired to the real link opener; the OS shell is the only stand-in, recording its calls. */
function hardened() {
  const calls: string[] = [];
  const opener = createLinkOpener(() => FIXTURE_PACK, {
    openExternal: async (url) => { calls.push('external ' + url); },
    openPath: async (file) => { calls.push('path ' + path.relative(FIXTURE_PACK, file)); return ''; },
  });
  const outcomes: Promise<string>[] = [];
  const wc = fakeContents();
  hardenContents(wc as any, (url) => { const o = opener(url); outcomes.push(o); return o; });
  return { wc, calls, settled: () => Promise.all(outcomes) };
}

describe('navigation and new windows', () => {
  it('allows navigation inside the app only', async () => {
    const { wc, calls, settled } = hardened();
    expect(navigate(wc, 'will-navigate', APP_URL + '#/library')).toBe(false);
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://other/index.html', 'data:text/html,hi']) {
      expect(navigate(wc, 'will-navigate', url), url).toBe(true);
    }
    expect(navigate(wc, 'will-redirect', 'https://evil.example/')).toBe(true);
    expect(await settled()).toEqual(['browser', 'refused', 'refused', 'refused', 'refused']);
    expect(calls).toEqual(['external https://evil.example/']);
  });

  it('never opens a window; web links go to the browser, mailto: to the mail program, other schemes nowhere', async () => {
    const { wc, calls, settled } = hardened();
    for (const url of ['https://example.com/doc', 'file:///etc/passwd', 'smb://share/x', 'https://user:pw@example.com/', 'mailto:hr@example.com?subject=Hi']) {
      expect(wc.openHandler!({ url }), url).toEqual({ action: 'deny' });
    }
    expect(await settled()).toEqual(['browser', 'refused', 'refused', 'refused', 'mail']);
    expect(calls).toEqual(['external https://example.com/doc', 'external mailto:hr@example.com?subject=Hi']);
  });

  it('opens a pack attachment in its own program, never in the app window, and only files the pack serves', async () => {
    const { wc, calls, settled } = hardened();
    expect(wc.openHandler!({ url: 'app://handbook/pack-file/assets/flow.svg' })).toEqual({ action: 'deny' });
    // A link without target would navigate the app away from itself: held back, opened outside.
    expect(navigate(wc, 'will-navigate', 'app://handbook/pack-file/assets/flow.svg')).toBe(true);
    for (const url of ['app://handbook/pack-file/..%2F..%2Fpackage.json', 'app://handbook/pack-file/handbook.yaml', 'app://handbook/pack-file/assets/missing.pdf']) {
      expect(wc.openHandler!({ url }), url).toEqual({ action: 'deny' });
    }
    expect(await settled()).toEqual(['file', 'file', 'refused', 'refused', 'refused']);
    expect(calls).toEqual(['path ' + path.join('assets', 'flow.svg'), 'path ' + path.join('assets', 'flow.svg')]);
  });

  it('reports a file the system could not open as refused', async () => {
    const opener = createLinkOpener(() => FIXTURE_PACK, { openExternal: async () => {}, openPath: async () => 'no application' });
    expect(await opener('app://handbook/pack-file/assets/flow.svg')).toBe('refused');
  });

  it('blocks webview attachment', () => {
    const { wc } = hardened();
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
