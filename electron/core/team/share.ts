import fs from 'node:fs';
import path from 'node:path';
import { TeamError } from './errors.js';
import { syncRecordsFolder, type RecordsSyncResult } from './records.js';
import { noteSharePoll, startShareViews } from './shareChanges.js';
import { changedSince, walkTracked } from './statCache.js';

/**
 * A team without a git server: a shared network folder (a NAS, a Windows share) holding
 * `content/` (the pack, written by trainers, read by everyone) and the same records layout as the
 * records branch (`records/<profileId>/<deviceId>.json`, `roster/<deviceId>.json`), each file
 * written by its own PC only. Remote changes raise no file events on a share, so this PC polls.
 */
export interface ShareState { share: string; contentDir: string; joinedAt: string }

const stateFile = (dataDir: string) => path.join(dataDir, 'team', 'share.json');
const snapFile = (dataDir: string) => path.join(dataDir, 'team', 'share-content.json');
/** How often a PC of a shared-folder team looks at the share (content and records). */
export const SHARE_POLL_MS = 30_000;

/** A path that names a folder rather than a server: absolute, or a Windows UNC path. */
export const isFolderAddress = (address: string) => path.isAbsolute(address) || /^\\\\[^\\]/.test(address);

export function readShareState(dataDir: string): ShareState | null {
  try {
    const s = JSON.parse(fs.readFileSync(stateFile(dataDir), 'utf8')) as ShareState;
    return typeof s.share === 'string' && typeof s.contentDir === 'string' ? s : null;
  } catch {
    return null;
  }
}

/** The share's pack must be there; a share that is not mounted must never be written (that would fill the local mount point). */
function reachable(share: string): string {
  const content = path.join(share, 'content');
  try {
    if (fs.statSync(path.join(content, 'handbook.yaml')).isFile()) return content;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && fs.existsSync(share)) throw new TeamError('not_pack', 'the shared folder holds no Handbook pack (content/handbook.yaml)');
  }
  throw new TeamError('unreachable', 'the shared folder cannot be reached; Handbook keeps what it has and tries again');
}

/** Joins a shared folder: Handbook then reads `<share>/content` and shares records through the folder. */
export function joinShare(dataDir: string, share: string): ShareState {
  const root = path.resolve(share);
  const contentDir = reachable(root);
  const state: ShareState = { share: root, contentDir, joinedAt: new Date().toISOString() };
  fs.mkdirSync(path.dirname(stateFile(dataDir)), { recursive: true, mode: 0o700 });
  fs.writeFileSync(stateFile(dataDir), JSON.stringify(state, null, 2));
  saveContentSnapshot(dataDir, walkTracked(contentDir, () => true));
  startShareViews(dataDir, contentDir);
  return state;
}

function saveContentSnapshot(dataDir: string, snap: Record<string, [number, number]>): void {
  fs.writeFileSync(snapFile(dataDir), JSON.stringify(snap));
}

/** Files of the share's content that changed since this PC last looked (polling: no events on a share). */
export function pollShareContent(dataDir: string, state: ShareState): string[] {
  reachable(state.share);
  let before: Record<string, [number, number]> | null = null;
  try { before = JSON.parse(fs.readFileSync(snapFile(dataDir), 'utf8')); } catch { /* first look */ }
  const now = walkTracked(state.contentDir, () => true);
  const changed = changedSince(before, now) ?? Object.keys(now);
  if (changed.length) {
    saveContentSnapshot(dataDir, now);
    noteSharePoll(dataDir, state.contentDir);
  }
  return changed;
}

/** This PC's records to the share and everyone's from it; unreachable: nothing is written anywhere. */
export function syncShareRecords(dataDir: string, state: ShareState, deviceId: string): RecordsSyncResult {
  reachable(state.share);
  try {
    return syncRecordsFolder({ dataDir, share: state.share, deviceId });
  } catch (err) {
    if (err instanceof TeamError) throw err;
    throw new TeamError('unreachable', `the shared folder went away during the sync (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
