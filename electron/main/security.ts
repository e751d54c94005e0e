import type { Session, WebContents } from 'electron';
import { isPackFileUrl } from './linkOpener.js';
import { isAppUrl } from './origin.js';

/** Hands a link that leaves the page to the system (see createLinkOpener), or drops it. */
type OpenOutside = (url: string) => Promise<unknown>;

/**
 * Navigation stays inside the app; new windows are never created. Links that leave the page
 * (web, mailto:, a pack attachment) go to `openOutside`, which decides where, if anywhere; a pack
 * attachment never replaces the app's page.
 */
export function hardenContents(contents: WebContents, openOutside: OpenOutside): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url) && !isPackFileUrl(url)) return;
    event.preventDefault();
    void openOutside(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openOutside(url);
    return { action: 'deny' };
  });
}

/** The app needs no camera, microphone, notifications, geolocation… so every request is refused. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler?.(() => false);
}
