import type { MenuItemConstructorOptions } from 'electron';

export type MenuLocale = 'zh-CN' | 'en';

const labels = {
  'zh-CN': { file: '文件', quit: '退出', edit: '编辑', view: '视图', go: '前往', help: '帮助', home: '首页', library: '知识库', search: '搜索…', onboarding: '入职培训', settings: '设置…', back: '后退', forward: '前进', find: '在文章中查找…', shortcuts: '键盘快捷键', zoomIn: '放大', zoomOut: '缩小', resetZoom: '实际大小', fullscreen: '全屏', undo: '撤销', redo: '重做', cut: '剪切', copy: '复制', paste: '粘贴', selectAll: '全选' },
  en: { file: 'File', quit: 'Quit', edit: 'Edit', view: 'View', go: 'Go', help: 'Help', home: 'Home', library: 'Library', search: 'Search…', onboarding: 'Onboarding', settings: 'Settings…', back: 'Back', forward: 'Forward', find: 'Find in Article…', shortcuts: 'Keyboard Shortcuts', zoomIn: 'Zoom In', zoomOut: 'Zoom Out', resetZoom: 'Actual Size', fullscreen: 'Toggle Full Screen', undo: 'Undo', redo: 'Redo', cut: 'Cut', copy: 'Copy', paste: 'Paste', selectAll: 'Select All' },
};

/** What a menu item asks the page to do; main turns it into a fixed script, never built from input. */
export type PageAction = 'home' | 'library' | 'search' | 'onboarding' | 'settings' | 'back' | 'forward' | 'find' | 'shortcuts';

/** The application menu in the UI's language; every item also has its keyboard shortcut. */
export function menuTemplate(locale: MenuLocale, act: (a: PageAction) => void, isMac: boolean): MenuItemConstructorOptions[] {
  const l = labels[locale];
  const go = (label: string, action: PageAction, accelerator?: string): MenuItemConstructorOptions => ({ label, accelerator, click: () => act(action) });
  return [
    { label: l.file, submenu: [go(l.settings, 'settings', 'CmdOrCtrl+,'), { type: 'separator' }, { label: l.quit, role: 'quit' }] },
    { label: l.edit, submenu: [
      { label: l.undo, role: 'undo' }, { label: l.redo, role: 'redo' }, { type: 'separator' },
      { label: l.cut, role: 'cut' }, { label: l.copy, role: 'copy' }, { label: l.paste, role: 'paste' }, { label: l.selectAll, role: 'selectAll' },
      { type: 'separator' }, go(l.find, 'find', 'CmdOrCtrl+F'),
    ] },
    { label: l.view, submenu: [
      { label: l.zoomIn, role: 'zoomIn' }, { label: l.zoomOut, role: 'zoomOut' }, { label: l.resetZoom, role: 'resetZoom' },
      { type: 'separator' }, { label: l.fullscreen, role: 'togglefullscreen' },
    ] },
    { label: l.go, submenu: [
      go(l.home, 'home'), go(l.library, 'library'), go(l.search, 'search', 'CmdOrCtrl+K'), go(l.onboarding, 'onboarding'),
      { type: 'separator' }, go(l.back, 'back', isMac ? 'Cmd+[' : 'Alt+Left'), go(l.forward, 'forward', isMac ? 'Cmd+]' : 'Alt+Right'),
    ] },
    { label: l.help, role: 'help', submenu: [go(l.shortcuts, 'shortcuts', 'Shift+/')] },
  ];
}

/** Fixed scripts for each action: the page's own shortcuts and routes do the work. */
export const pageScripts: Record<PageAction, string> = {
  home: "location.hash = '#/'",
  library: "location.hash = '#/library'",
  onboarding: "location.hash = '#/onboarding'",
  settings: "location.hash = '#/settings'",
  back: 'history.back()',
  forward: 'history.forward()',
  search: "window.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true }))",
  find: "window.dispatchEvent(new KeyboardEvent('keydown', { key: 'f', ctrlKey: true }))",
  shortcuts: "window.dispatchEvent(new KeyboardEvent('keydown', { key: '?' }))",
};
