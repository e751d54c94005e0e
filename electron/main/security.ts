import type { Session, WebContents } from 'electron';
import { isAppUrl, isExternalWebUrl } from './origin.js';

type OpenExternal = (url: string) => Promise<void>;

/**
 * Navigation stays inside the app; new windows are never created. Web links go to the system
 * browser; anything else (file:, javascript:, custom schemes) is dropped.
 */
export function hardenContents(contents: WebContents, openExternal: OpenExternal): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    if (isExternalWebUrl(url)) void openExternal(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) void openExternal(url);
    return { action: 'deny' };
  });
}

/** The app needs no camera, microphone, notifications, geolocation… so every request is refused. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler?.(() => false);
}
