import type { ArticleStatus } from '../../contract.js';

export interface ArticleMeta {
  title: string | null;
  summary: string;
  tags: string[];
  roles: string[];
  owner: string;
  reviewed: string | null;
  reviewEvery: string | null;
  status: ArticleStatus;
  platforms: string[];
}

export interface FieldProblem { field: string; message: string }

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INTERVAL = /^(\d{1,4})\s*([dwmy])$/i;
const STATUSES: ArticleStatus[] = ['draft', 'published', 'archived'];

/** Reads the documented front matter fields; a field of the wrong type is reported and ignored. */
export function readArticleMeta(data: Record<string, unknown>): { meta: ArticleMeta; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const str = (field: string): string | null => {
    const v = data[field];
    if (v == null) return null;
    if (typeof v === 'string') return v.trim();
    if (typeof v === 'number') return String(v);
    problems.push({ field, message: `${field} should be text, got ${describe(v)}` });
    return null;
  };
  const list = (field: string): string[] => {
    const v = data[field];
    if (v == null) return [];
    if (typeof v === 'string') return v.split(/[,，、]/).map((s) => s.trim()).filter(Boolean);
    if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v.map((x) => String(x).trim()).filter(Boolean);
    problems.push({ field, message: `${field} should be a list of text, got ${describe(v)}` });
    return [];
  };
  let reviewed = str('reviewed');
  if (reviewed && !isRealDate(reviewed)) {
    problems.push({ field: 'reviewed', message: `reviewed should be a date like 2026-01-31, got "${reviewed}"` });
    reviewed = null;
  }
  let reviewEvery = str('review_every');
  // A bare number is a count of days (`review_every: 90`).
  if (reviewEvery && /^\d{1,4}$/.test(reviewEvery)) reviewEvery += 'd';
  if (reviewEvery && !INTERVAL.test(reviewEvery)) {
    problems.push({ field: 'review_every', message: `review_every should look like 90d, 12w, 6m or 1y, got "${reviewEvery}"` });
    reviewEvery = null;
  }
  let status = (str('status') ?? 'published') as ArticleStatus;
  if (!STATUSES.includes(status)) {
    problems.push({ field: 'status', message: `status should be draft, published or archived, got "${status}"` });
    status = 'published';
  }
  return {
    meta: {
      title: str('title'),
      summary: str('summary') ?? '',
      tags: list('tags'),
      roles: list('roles'),
      owner: str('owner') ?? '',
      reviewed,
      reviewEvery,
      status,
      platforms: list('platforms'),
    },
    problems,
  };
}

/** `2024-02-30` matches the pattern but is no date; Date.parse would roll it over to March. */
function isRealDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(s + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'nothing';
  return typeof v === 'object' ? 'a mapping' : `${typeof v} ${JSON.stringify(v)}`;
}

/** Date the next review is due: `reviewed` plus the interval, or null. */
export function reviewDueDate(reviewed: string | null, every: string | null): string | null {
  if (!reviewed || !every) return null;
  const m = INTERVAL.exec(every)!;
  const n = Number(m[1]);
  const d = new Date(reviewed + 'T00:00:00Z');
  switch (m[2].toLowerCase()) {
    case 'd': d.setUTCDate(d.getUTCDate() + n); break;
    case 'w': d.setUTCDate(d.getUTCDate() + 7 * n); break;
    case 'm': d.setUTCMonth(d.getUTCMonth() + n); break;
    case 'y': d.setUTCFullYear(d.getUTCFullYear() + n); break;
  }
  return d.toISOString().slice(0, 10);
}
