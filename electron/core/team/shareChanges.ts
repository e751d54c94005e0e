import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { TeamChange, TeamChanges } from '../../contract.js';
import { TeamError } from './errors.js';
import { lineDiff } from './lineDiff.js';
import { writeAtomic } from './records.js';
import { walkTracked } from './statCache.js';

/**
 * "What changed" for a shared-folder team, which has no commits: this PC keeps what each article
 * looked like (hash → text, one copy per distinct text, in the data folder) and, per profile, which
 * hash of each file that profile last saw. The diff is between those and the folder now. Who and
 * when come from the front matter (`updated_by`/`author`, `updated`) or else the file's mtime.
 * Bounded: only articles and role guides, texts up to MAX_TEXT, and texts no view refers to are
 * deleted whenever a profile marks the page seen.
 */
type Hashes = Record<string, string>;
interface Known { size: number; mtime: number; hash: string }
interface Views {
  /** The folder as last looked at, with the stat that hash was made from (re-hashes only what moved). */
  known: Record<string, Known>;
  /** What the folder held at join: what a profile that never looked is shown changes against. */
  baseline: Hashes;
  /** Before the last poll that found changes: "what the last look at the share brought". */
  lastFrom: Hashes | null;
  profiles: Record<string, Hashes>;
}

const MAX_TEXT = 512 * 1024;
const MAX_CHANGES = 100;
const tracked = (rel: string) => /^(articles|roles)\/.+\.md$/.test(rel);
const viewsFile = (dataDir: string) => path.join(dataDir, 'team', 'share-views.json');
const textsDir = (dataDir: string) => path.join(dataDir, 'team', 'share-texts');
const textFile = (dataDir: string, hash: string) => path.join(textsDir(dataDir), hash + '.md');

function readViews(dataDir: string): Views | null {
  try {
    const v = JSON.parse(fs.readFileSync(viewsFile(dataDir), 'utf8')) as Views;
    return v && typeof v.known === 'object' && typeof v.baseline === 'object' ? { ...v, lastFrom: v.lastFrom ?? null, profiles: v.profiles ?? {} } : null;
  } catch {
    return null;
  }
}
const saveViews = (dataDir: string, v: Views) => writeAtomic(viewsFile(dataDir), Buffer.from(JSON.stringify(v)));
const hashesOf = (known: Views['known']): Hashes => Object.fromEntries(Object.entries(known).map(([p, k]) => [p, k.hash]));

/** Looks at the share's articles now: re-hashes files whose size or mtime moved and keeps their text. */
function look(dataDir: string, contentDir: string, before: Views['known']): Views['known'] {
  // A share that is not mounted must not read as "every article removed".
  if (!fs.existsSync(path.join(contentDir, 'handbook.yaml'))) throw new TeamError('unreachable', 'the shared folder cannot be reached; Handbook keeps what it has and tries again');
  const now: Views['known'] = {};
  for (const [rel, [size, mtime]] of Object.entries(walkTracked(contentDir, tracked))) {
    const was = before[rel];
    if (was && was.size === size && was.mtime === mtime && (size > MAX_TEXT || fs.existsSync(textFile(dataDir, was.hash)))) { now[rel] = was; continue; }
    let body: Buffer;
    try { body = fs.readFileSync(path.join(contentDir, rel)); } catch { continue; } // gone between walk and read
    const hash = crypto.createHash('sha256').update(body).digest('hex').slice(0, 32);
    if (body.length <= MAX_TEXT && !fs.existsSync(textFile(dataDir, hash))) writeAtomic(textFile(dataDir, hash), body);
    now[rel] = { size, mtime, hash };
  }
  return now;
}

/** Remembers the share's articles at join: the starting point of every profile's "What changed". */
export function startShareViews(dataDir: string, contentDir: string): void {
  fs.mkdirSync(textsDir(dataDir), { recursive: true });
  const known = look(dataDir, contentDir, {});
  saveViews(dataDir, { known, baseline: hashesOf(known), lastFrom: null, profiles: {} });
}

/** After a poll found changes: what the folder held before becomes "what the last look brought". */
export function noteSharePoll(dataDir: string, contentDir: string): void {
  const v = readViews(dataDir);
  if (!v) return startShareViews(dataDir, contentDir);
  const known = look(dataDir, contentDir, v.known);
  const before = hashesOf(v.known);
  if (sameHashes(before, hashesOf(known))) return;
  saveViews(dataDir, { ...v, known, lastFrom: before });
}

const sameHashes = (a: Hashes, b: Hashes) => Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([p, h]) => b[p] === h);
const digest = (h: Hashes) => crypto.createHash('sha256').update(JSON.stringify(Object.entries(h).sort())).digest('hex').slice(0, 12);
const textOf = (dataDir: string, hash: string | undefined) => {
  if (!hash) return '';
  try { return fs.readFileSync(textFile(dataDir, hash), 'utf8'); } catch { return ''; }
};
const frontMatter = (md: string) => /^---\r?\n([\s\S]*?)\r?\n---/.exec(md)?.[1] ?? '';
const field = (fm: string, ...names: string[]) => {
  for (const n of names) {
    const m = new RegExp(`^${n}:\\s*["']?(.+?)["']?\\s*$`, 'm').exec(fm);
    if (m) return m[1];
  }
  return undefined;
};

/** Changes since this profile last looked (never looked: since the last poll that brought any, else since join). */
export function listShareChanges(dataDir: string, contentDir: string, profileId: string): TeamChanges {
  const v = readViews(dataDir) ?? (startShareViews(dataDir, contentDir), readViews(dataDir)!);
  const known = look(dataDir, contentDir, v.known);
  saveViews(dataDir, { ...v, known });
  const now = hashesOf(known);
  const since = v.profiles[profileId] ?? v.lastFrom ?? v.baseline;
  const head = digest(now);
  const paths = [...new Set([...Object.keys(since), ...Object.keys(now)])].filter((p) => since[p] !== now[p]).sort().slice(0, MAX_CHANGES);
  const changes: TeamChange[] = paths.map((p) => {
    const before = textOf(dataDir, since[p]);
    const after = textOf(dataDir, now[p]);
    const fm = frontMatter(after || before);
    const updated = field(fm, 'updated');
    const mtime = known[p]?.mtime;
    const articleId = p.startsWith('articles/') ? p.slice('articles/'.length, -'.md'.length) : undefined;
    return {
      path: p,
      ...(articleId ? { articleId } : {}),
      title: field(frontMatter(after), 'title') ?? field(frontMatter(before), 'title') ?? p,
      kind: !since[p] ? 'added' : !now[p] ? 'removed' : 'changed',
      author: field(fm, 'updated_by', 'author') ?? '',
      at: updated && !Number.isNaN(Date.parse(updated)) ? new Date(updated).toISOString() : mtime ? new Date(mtime).toISOString() : '',
      message: '',
      diff: lineDiff(before, after),
    };
  });
  changes.sort((x, y) => y.at.localeCompare(x.at));
  return { since: digest(since), head, changes };
}

/** The profile has seen the folder as it is now; texts no view needs any more are deleted. */
export function markShareChangesSeen(dataDir: string, contentDir: string, profileId: string): { seen: string } {
  const v = readViews(dataDir) ?? (startShareViews(dataDir, contentDir), readViews(dataDir)!);
  const known = look(dataDir, contentDir, v.known);
  const now = hashesOf(known);
  const next: Views = { ...v, known, profiles: { ...v.profiles, [profileId]: now } };
  saveViews(dataDir, next);
  const needed = new Set([next.baseline, next.lastFrom ?? {}, ...Object.values(next.profiles), now].flatMap((h) => Object.values(h)));
  for (const f of fs.readdirSync(textsDir(dataDir))) if (f.endsWith('.md') && !needed.has(f.slice(0, -3))) fs.rmSync(path.join(textsDir(dataDir), f), { force: true });
  return { seen: digest(now) };
}
