import crypto from 'node:crypto';
import type { Pack } from '../content/pack.js';
import { HandbookError } from '../api/errors.js';
import type { SearchDoc, SearchService } from './index.js';

const hashOf = (s: string) => crypto.createHash('sha1').update(s).digest('hex').slice(0, 16);

/**
 * What search sees of a pack: every article that is not archived, every role guide (under its
 * Chinese and English names) and every track (its phases and steps, so "第一周 客服" finds it).
 */
export function packToSearchDocs(pack: Pack): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const [id, a] of pack.articles) {
    const s = a.summary;
    if (s.status === 'archived') continue;
    docs.push({
      id, kind: 'article', title: s.title, headings: a.source.analysis.headings.map((h) => h.text),
      body: [s.summary, a.source.analysis.text].filter(Boolean).join('\n'),
      tags: s.tags, roles: s.roles, category: s.category.split('/')[0], platforms: s.platforms,
      hash: a.source.hash + (s.status === 'draft' ? ':d' : ''),
    });
  }
  for (const [id, r] of pack.roles) {
    const s = r.summary;
    docs.push({
      id: 'role:' + id, kind: 'role', title: s.title === s.titleEn ? s.title : `${s.title} ${s.titleEn}`,
      headings: r.source.analysis.headings.map((h) => h.text), body: [s.summary, r.source.analysis.text].join('\n'),
      tags: [], roles: [id], category: '', platforms: [], hash: r.source.hash,
    });
  }
  for (const [id, t] of pack.tracks) {
    const body = [t.description, ...t.phases.flatMap((p) => [p.title, ...p.steps.map((s) => s.title)])].join('\n');
    docs.push({
      id: 'track:' + id, kind: 'track', title: t.title, headings: t.phases.map((p) => p.title), body,
      tags: [], roles: [t.roleId], category: '', platforms: [], hash: hashOf(t.title + body),
    });
  }
  return docs;
}

/** Tells an index what changed between two doc sets, so one edit costs one upsert. */
export function diffDocs(before: Map<string, string>, after: SearchDoc[]): { upserts: SearchDoc[]; removals: string[] } {
  const seen = new Set<string>();
  const upserts = after.filter((d) => {
    seen.add(d.id);
    return before.get(d.id) !== d.hash;
  });
  return { upserts, removals: [...before.keys()].filter((id) => !seen.has(id)) };
}

/** For read-only one-shot cores: no index is built, and asking to search says why. */
export function unavailableSearch(): SearchService {
  const refuse = () => Promise.reject(new HandbookError('unavailable', 'search is not loaded in a read-only export'));
  return {
    setDocs() {}, upsertDoc() {}, removeDoc() {},
    status: () => ({ state: 'idle', done: 0, total: 0, fromCache: false }),
    ready: () => Promise.resolve(),
    search: refuse,
    close: () => Promise.resolve(),
  };
}
