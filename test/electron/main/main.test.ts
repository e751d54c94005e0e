import { beforeEach, describe, expect, it, vi } from 'vitest';

/** Electron cannot run here: the module is replaced by recording fakes, and main.ts runs against them. */
const h = vi.hoisted(() => {
  const listeners = new Map<string, (...a: any[]) => void>();
  const windows: any[] = [];
  return {
    listeners,
    windows,
    gotLock: true,
    app: {
      requestSingleInstanceLock: vi.fn(() => h.gotLock),
      quit: vi.fn(),
      on: vi.fn((ev: string, fn: any) => listeners.set(ev, fn)),
      whenReady: vi.fn(() => new Promise(() => {})),
      getPath: vi.fn(() => '/tmp/hb-main-test'),
      isPackaged: false,
    },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  };
});

vi.mock('electron', () => ({
  app: h.app,
  protocol: h.protocol,
  BrowserWindow: vi.fn(),
  dialog: { showErrorBox: vi.fn() },
  ipcMain: { handle: vi.fn() },
  session: { defaultSession: {} },
  shell: { openExternal: vi.fn() },
  Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn() },
  screen: { getAllDisplays: vi.fn(() => []) },
}));

describe('main process start-up', () => {
  beforeEach(() => {
    vi.resetModules();
    h.listeners.clear();
    vi.clearAllMocks();
  });

  it('takes the single-instance lock, registers the app scheme and hardens every web contents', async () => {
    h.gotLock = true;
    await import('../../../electron/main/main');
    expect(h.app.requestSingleInstanceLock).toHaveBeenCalledOnce();
    expect(h.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(h.listeners.has('web-contents-created')).toBe(true);
    expect(h.listeners.has('second-instance')).toBe(true);
    expect(h.app.quit).not.toHaveBeenCalled();
  });

  it('quits at once when another instance holds the lock', async () => {
    h.gotLock = false;
    await import('../../../electron/main/main');
    expect(h.app.quit).toHaveBeenCalledOnce();
    expect(h.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
  });
});
