import type { MenuItemConstructorOptions } from 'electron';
import type { MenuAction } from '../contract.js';

export type MenuLocale = 'zh-CN' | 'en';

const labels = {
  'zh-CN': { file: '文件', quit: '退出', edit: '编辑', view: '视图', go: '前往', window: '窗口', help: '帮助', home: '首页', library: '知识库', search: '搜索…', onboarding: '入职培训', settings: '设置…', back: '后退', forward: '前进', find: '在文章中查找…', shortcuts: '键盘快捷键', zoomIn: '放大', zoomOut: '缩小', resetZoom: '实际大小', fullscreen: '全屏', undo: '撤销', redo: '重做', cut: '剪切', copy: '复制', paste: '粘贴', selectAll: '全选', about: '关于 Handbook', services: '服务', hide: '隐藏 Handbook', hideOthers: '隐藏其他', unhide: '全部显示', quitApp: '退出 Handbook', close: '关闭窗口', minimize: '最小化', zoom: '缩放', front: '前置全部窗口' },
  en: { file: 'File', quit: 'Quit', edit: 'Edit', view: 'View', go: 'Go', window: 'Window', help: 'Help', home: 'Home', library: 'Library', search: 'Search…', onboarding: 'Onboarding', settings: 'Settings…', back: 'Back', forward: 'Forward', find: 'Find in Article…', shortcuts: 'Keyboard Shortcuts', zoomIn: 'Zoom In', zoomOut: 'Zoom Out', resetZoom: 'Actual Size', fullscreen: 'Toggle Full Screen', undo: 'Undo', redo: 'Redo', cut: 'Cut', copy: 'Copy', paste: 'Paste', selectAll: 'Select All', about: 'About Handbook', services: 'Services', hide: 'Hide Handbook', hideOthers: 'Hide Others', unhide: 'Show All', quitApp: 'Quit Handbook', close: 'Close Window', minimize: 'Minimize', zoom: 'Zoom', front: 'Bring All to Front' },
};

/**
 * The application menu in the UI's language; every item also has its keyboard shortcut. Items that
 * concern the page call `act`, which main sends to the page as a MenuAction event. On macOS the
 * first menu is the app menu (About, Settings, Hide, Quit) and a Window menu gives Cmd+M and Cmd+W.
 */
export function menuTemplate(locale: MenuLocale, act: (a: MenuAction) => void, isMac: boolean): MenuItemConstructorOptions[] {
  const l = labels[locale];
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const go = (label: string, action: MenuAction, accelerator?: string): MenuItemConstructorOptions => ({ label, accelerator, click: () => act(action) });
  const settings = go(l.settings, 'settings', 'CmdOrCtrl+,');
  const first: MenuItemConstructorOptions[] = isMac
    ? [
        { role: 'appMenu', label: 'Handbook', submenu: [
          { label: l.about, role: 'about' }, sep, settings, sep, { label: l.services, role: 'services' }, sep,
          { label: l.hide, role: 'hide' }, { label: l.hideOthers, role: 'hideOthers' }, { label: l.unhide, role: 'unhide' }, sep, { label: l.quitApp, role: 'quit' },
        ] },
        { label: l.file, submenu: [{ label: l.close, role: 'close' }] },
      ]
    : [{ label: l.file, submenu: [settings, sep, { label: l.quit, role: 'quit' }] }];
  return [
    ...first,
    { label: l.edit, submenu: [
      { label: l.undo, role: 'undo' }, { label: l.redo, role: 'redo' }, sep,
      { label: l.cut, role: 'cut' }, { label: l.copy, role: 'copy' }, { label: l.paste, role: 'paste' }, { label: l.selectAll, role: 'selectAll' },
      sep, go(l.find, 'find', 'CmdOrCtrl+F'),
    ] },
    { label: l.view, submenu: [
      { label: l.zoomIn, role: 'zoomIn' }, { label: l.zoomOut, role: 'zoomOut' }, { label: l.resetZoom, role: 'resetZoom' },
      sep, { label: l.fullscreen, role: 'togglefullscreen' },
    ] },
    { label: l.go, submenu: [
      go(l.home, 'home'), go(l.library, 'library'), go(l.search, 'search', 'CmdOrCtrl+K'), go(l.onboarding, 'onboarding'),
      sep, go(l.back, 'back', isMac ? 'Cmd+[' : 'Alt+Left'), go(l.forward, 'forward', isMac ? 'Cmd+]' : 'Alt+Right'),
    ] },
    ...(isMac ? [{ role: 'windowMenu', label: l.window, submenu: [
      { label: l.minimize, role: 'minimize' }, { label: l.zoom, role: 'zoom' }, sep, { label: l.front, role: 'front' },
    ] } satisfies MenuItemConstructorOptions] : []),
    { label: l.help, role: 'help', submenu: [go(l.shortcuts, 'shortcuts', 'Shift+/')] },
  ];
}
