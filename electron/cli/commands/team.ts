import os from 'node:os';
import path from 'node:path';
import { loadCredentials } from '../../core/team/credentials.js';
import { exitCodeFor, TeamError } from '../../core/team/errors.js';
import { joinTeam } from '../../core/team/join.js';
import { readState } from '../../core/team/state.js';
import { teamStatus } from '../../core/team/status.js';
import { teamSync } from '../../core/team/teamSync.js';
import { parse, UsageError } from '../args.js';
import { defaultDataDir } from '../paths.js';

export const teamHelp = `Usage: handbook team join URL [--content DIR] [--data DIR] [--name NAME] [--email EMAIL] | sync | status [--json]

join    Clones the team's repository (any git server over HTTP(S): Gitea, Forgejo, GitLab, Gitee)
        into an empty content folder (default ~/handbook-team) and stores the credentials in the
        data folder (mode 0600). --name and --email are the author of this PC's commits.
sync    Commits local changes to content and records, pulls, merges, pushes.
status  Where this PC stands, without the network.
Credentials come from HANDBOOK_GIT_USERNAME and HANDBOOK_GIT_PASSWORD, or what join stored; never
from arguments. sync and status default --content to the folder join used with this data folder.
Exit codes: 0 synced, 1 a conflict waits for a person (nothing lost) or the server's content was
refused, 2 bad usage, 3 server unreachable or authentication refused.`;

export async function team(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    content: { type: 'string' }, data: { type: 'string' }, name: { type: 'string' }, email: { type: 'string' }, json: { type: 'boolean' },
  }, 2);
  if (values.help) return console.log(teamHelp), 0;
  const [sub, url] = positionals;
  const dataDir = path.resolve(values.data ?? defaultDataDir());
  const lang = /^zh/i.test(process.env.LANG ?? '') ? 'zh-CN' : 'en';
  const out = (json: unknown, text: string) => console.log(values.json ? JSON.stringify(json) : text);
  try {
    if (sub === 'join') {
      if (!url) throw new UsageError('missing URL');
      const contentDir = path.resolve(values.content ?? path.join(os.homedir(), 'handbook-team'));
      const credentials = loadCredentials(dataDir, process.env);
      const username = credentials?.username || os.userInfo().username;
      const author = { name: values.name ?? username, email: values.email ?? `${username}@handbook.invalid` };
      const state = await joinTeam({ url, contentDir, dataDir, author, credentials });
      out({ joined: true, contentDir, head: state.lastGood }, `joined ${url.replace(/[?#].*$/, '')} into ${contentDir}`);
      return 0;
    }
    if (url) throw new UsageError(`unexpected argument: ${url}`);
    const contentDir = path.resolve(values.content ?? readState(dataDir)?.contentDir ?? '.');
    if (sub === 'status') {
      const s = await teamStatus(dataDir, contentDir);
      out(s, !s.joined ? `${contentDir} has not joined a team` : [
        `${s.url} (${s.branch}) — ${s.state}`,
        `last synced: ${s.lastSyncAt ?? 'never'}${s.failingSince ? `; failing since ${s.failingSince}: ${s.lastError?.message}` : ''}`,
        ...(s.conflicts?.length ? [`waiting for a person: ${s.conflicts.map((c) => c.path).join(', ')}`] : []),
        ...(s.localChanges ? [`${s.localChanges} local change(s) not yet committed`] : []),
      ].join('\n'));
      return 0;
    }
    if (sub === 'sync') {
      // Whoever runs the command holds the data folder and its credentials: the issue's `sync` publishes.
      const r = await teamSync({ contentDir, dataDir, lang, publish: true });
      const c = r.content;
      out(r, [
        `content: ${c.outcome}${c.pulled.length ? `, ${c.pulled.length} file(s) updated` : ''}${c.pushed ? ', published' : ''}`,
        ...(c.conflicts.length ? [`waiting for a person (open Handbook → Settings → Team): ${c.conflicts.join(', ')}`] : []),
        `records: ${r.records.pushed} sent, ${r.records.pulled} received, ${r.records.total} in the team`,
      ].join('\n'));
      if (c.publishRefused) {
        console.error('handbook team: the server refused to publish this PC’s content changes (content is writable by trainers only); they are kept here');
        return 3;
      }
      return c.outcome === 'conflict' ? 1 : 0;
    }
    throw new UsageError(sub ? `unknown subcommand "${sub}"` : 'missing subcommand: join, sync or status');
  } catch (err) {
    if (!(err instanceof TeamError)) throw err;
    if (values.json) console.log(JSON.stringify({ error: { reason: err.reason, message: err.message } }));
    console.error(`handbook team: ${err.message}`);
    return exitCodeFor(err.reason);
  }
}
