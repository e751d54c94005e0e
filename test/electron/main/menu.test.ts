import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { menuTemplate, pageScripts } from '../../../electron/main/menu';
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
  it('binds the documented shortcuts and runs only fixed page scripts', () => {
    const act = vi.fn();
    const go = menuTemplate('en', act, false).find((m) => m.label === 'Go')!.submenu as any[];
    const search = go.find((i) => i.label === 'Search…');
    expect(search.accelerator).toBe('CmdOrCtrl+K');
    expect(go.find((i) => i.label === 'Back').accelerator).toBe('Alt+Left');
    search.click();
    expect(act).toHaveBeenCalledWith('search');
    expect(Object.values(pageScripts).every((s) => !s.includes('${'))).toBe(true);
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
