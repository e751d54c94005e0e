import { loadCredentials } from './credentials.js';
import { deviceIdOf } from './device.js';
import { syncRecords, type RecordsSyncResult } from './records.js';
import { joinedState, syncContent, type SyncResult } from './sync.js';
import { withTeamLock } from './lock.js';
import { TeamError } from './errors.js';

export interface TeamSyncResult {
  content: Omit<SyncResult, 'state'>;
  records: RecordsSyncResult;
}

/**
 * A whole team sync, as `handbook team sync` and "Check now" run it: content first (commit, pull,
 * merge, push), then this PC's records. Credentials come from the environment or what join stored.
 */
export async function teamSync(o: {
  contentDir: string; dataDir: string; env?: NodeJS.ProcessEnv; lang?: 'zh-CN' | 'en';
  /** Commit, merge and publish content (a trainer's sync, the CLI); false: fast-forward only. Records move either way. */
  publish: boolean;
}): Promise<TeamSyncResult> {
  const state = joinedState(o.dataDir, o.contentDir);
  const credentials = loadCredentials(o.dataDir, o.env ?? process.env);
  const { state: _s, ...content } = await syncContent({ contentDir: o.contentDir, dataDir: o.dataDir, credentials, lang: o.lang, publish: o.publish });
  const records = await withTeamLock(o.dataDir, () => syncRecords({ dataDir: o.dataDir, url: state.url, credentials, deviceId: deviceIdOf(o.dataDir), author: state.author }))
    .catch((err: unknown) => {
      if (err instanceof TeamError && err.reason === 'forbidden') throw new TeamError('forbidden', 'the server refused this PC’s records (the records branch must be writable by every member)');
      throw err;
    });
  return { content, records };
}
