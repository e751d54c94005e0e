import { PACK_FILE_ROUTE } from '../core/content/links.js';
import { resolvePackFile } from '../core/content/servedFiles.js';
import { isAppUrl, isExternalWebUrl } from './origin.js';

/** What the desktop hands a link to: Electron's `shell`, in main.ts. */
export interface LinkTargets {
  /** The system browser or mail program. */
  openExternal(url: string): Promise<void>;
  /** The file's own program (a PDF viewer, a spreadsheet…); resolves to an error text, '' on success. */
  openPath(file: string): Promise<string>;
}

export type LinkOutcome = 'browser' | 'mail' | 'file' | 'refused';

/** `app://handbook/pack-file/…`: an attachment of the pack (pdf, xlsx, docx, csv, txt, mp4, images). */
export function isPackFileUrl(url: string): boolean {
  return isAppUrl(url) && new URL(url).pathname.startsWith('/' + PACK_FILE_ROUTE);
}

function isMailto(url: string): boolean {
  try {
    return new URL(url).protocol === 'mailto:';
  } catch {
    return false;
  }
}

/**
 * Where a link that leaves the page goes. Web links open in the browser, `mailto:` in the mail
 * program, and a pack attachment in its own program — but only a file `resolvePackFile` accepts
 * (inside the pack, no symbolic links, a known non-executable type). Anything else goes nowhere.
 */
export function createLinkOpener(contentDir: () => string, targets: LinkTargets): (url: string) => Promise<LinkOutcome> {
  return async (url) => {
    if (isExternalWebUrl(url)) {
      await targets.openExternal(url);
      return 'browser';
    }
    if (isMailto(url)) {
      await targets.openExternal(url);
      return 'mail';
    }
    if (isPackFileUrl(url)) {
      const found = resolvePackFile(contentDir(), new URL(url).pathname.slice(PACK_FILE_ROUTE.length + 1));
      if (!found) return 'refused';
      const failed = await targets.openPath(found.file);
      return failed ? 'refused' : 'file';
    }
    return 'refused';
  };
}
