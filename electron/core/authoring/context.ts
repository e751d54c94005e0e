import type { Pack } from '../content/pack.js';
import type { Store } from '../store/store.js';
import type { WriteQueue } from './files.js';
import type { EditSessions } from '../profiles/sessions.js';

/** What the authoring code needs from the core. */
export interface AuthoringContext {
  root: string;
  pack(): Pack;
  store: Store;
  sessions: EditSessions;
  queue: WriteQueue;
  /** Re-reads files just written, so the library and search show them at once (without waiting for the watcher). */
  changed(rels: string[]): Promise<void>;
}
