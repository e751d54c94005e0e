import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { MENU_ACTIONS } from '../../../electron/ipcChannels';
import { menuTemplate } from '../../../electron/main/menu';
import { loadWindowState, saveWindowState } from '../../../electron/main/windowState';

const labels = (items: any[]): string[] => items.flatMap((i) => [i.label, ...(i.submenu ? labels(i.submenu) : [])]).filter(Boolean);

describe('application menu', () => {
  it('exists in zh-CN and English with the same shape', () => {
    const zh = menuTemplate('zh-CN', vi.fn(), false);
    const en = menuTemplate('en', vi.fn(), false);
    expect(labels(zh)).toContain('搜索…');
    expect(labels(en)).toContain('Search…');
    expect(labels(zh)).toHaveLength(labels(en).length);
  });
  it('binds the documented shortcuts; each page command sends its own action', () => {
    const act = vi.fn();
    const go = menuTemplate('en', act, false).find((m) => m.label === 'Go')!.submenu as any[];
    const search = go.find((i) => i.label === 'Search…');
    expect(search.accelerator).toBe('CmdOrCtrl+K');
    expect(go.find((i) => i.label === 'Back').accelerator).toBe('Alt+Left');
    search.click();
    expect(act.mock.calls).toEqual([['search']]);
  });
  for (const isMac of [false, true]) {
    it(`offers every menu action exactly once (${isMac ? 'macOS' : 'Windows and Linux'})`, () => {
      const act = vi.fn();
      const clickable = (items: any[]): any[] => items.flatMap((i) => [...(i.click ? [i] : []), ...(i.submenu ? clickable(i.submenu) : [])]);
      for (const item of clickable(menuTemplate('zh-CN', act, isMac))) item.click();
      expect(act.mock.calls.map((c) => c[0]).sort()).toEqual([...MENU_ACTIONS].sort());
    });
  }
  it('on macOS, starts with the app menu and has a Window menu; elsewhere File holds Quit', () => {
    const mac = menuTemplate('en', vi.fn(), true);
    expect(mac[0].role).toBe('appMenu');
    expect((mac[0].submenu as any[]).map((i) => i.role ?? i.label)).toEqual(expect.arrayContaining(['about', 'Settings…', 'hide', 'quit']));
    expect(mac.some((m) => m.role === 'windowMenu')).toBe(true);
    expect((mac.find((m) => m.label === 'File')!.submenu as any[]).map((i) => i.role)).toEqual(['close']);
    const win = menuTemplate('en', vi.fn(), false);
    expect(win.some((m) => m.role === 'appMenu' || m.role === 'windowMenu')).toBe(false);
    expect((win[0].submenu as any[]).map((i) => i.role ?? i.label)).toEqual(['Settings…', undefined, 'quit']);
  });
});

describe('window state', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-win-'));
  const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];
  it('remembers size, place and maximized', () => {
    saveWindowState(dir, { bounds: { x: 100, y: 80, width: 1200, height: 800 }, maximized: true });
    expect(loadWindowState(dir, screen)).toEqual({ bounds: { x: 100, y: 80, width: 1200, height: 800 }, maximized: true });
  });
  it('forgets a place that is on no screen any more, and survives a broken file', () => {
    saveWindowState(dir, { bounds: { x: 3000, y: 80, width: 1200, height: 800 }, maximized: false });
    expect(loadWindowState(dir, screen).bounds).toBeNull();
    fs.writeFileSync(path.join(dir, 'window-state.json'), '{oops');
    expect(loadWindowState(dir, screen)).toEqual({ bounds: null, maximized: false });
  });
});
