/**
 * What only the hosting process can do, handed to the core as plain functions: the core never
 * imports Electron, and browser mode simply has fewer of them.
 */
export interface HostHooks {
  /** The system's folder picker; null when the person cancels. */
  pickFolder?(): Promise<string | null>;
  /** Saves the page currently shown as a PDF, asking where; the file, or null when cancelled. */
  savePageAsPdf?(fileName: string): Promise<string | null>;
  /** Replaces this core with one reading `contentDir` (null: the default pack). */
  switchContentFolder?(contentDir: string | null): Promise<void>;
}
