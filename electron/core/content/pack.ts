import fs from 'node:fs';
import path from 'node:path';
import type { ArticleSummary, Category, Problem, RoleSummary, Track } from '../../contract.js';
import { readQuiz, type Quiz } from './quizFile.js';
import { readTrack } from './trackFile.js';
import { walk } from './files.js';
import { resolveLinks, type Resolved } from './links.js';
import { readArticleMeta, reviewDueDate } from './meta.js';
import { ACK_FIELD, readAckPolicy } from './ackPolicy.js';
import { readMarkdownSource, type MarkdownSource } from './source.js';
import { readYamlFile, type YamlFile } from './yamlFile.js';
import { readTrainerKeys, type TrainerKeysEntry } from './trainerKeysFile.js';
import type { KeySet } from '../trust/signing.js';

export interface PackInfo {
  id: string; name: string; nameEn?: string; version: string; language: string;
  categories: Record<string, { zh: string; en: string }>;
  platforms: string[];
  synonyms: string[][];
}

export interface ArticleRecord { summary: ArticleSummary; source: MarkdownSource }
export interface RoleRecord { summary: RoleSummary; source: MarkdownSource }

/** Everything read from a content folder, with links resolved and problems collected. */
export interface Pack {
  root: string;
  info: PackInfo;
  articles: Map<string, ArticleRecord>;
  roles: Map<string, RoleRecord>;
  tracks: Map<string, Track>;
  quizzes: Map<string, Quiz>;
  categories: Category[];
  links: Resolved;
  problems: Problem[];
  /** Trainers' public keys as the folder holds them (`trainers/<profileId>.yaml`). */
  trainers: Map<string, TrainerKeysEntry>;
  /**
   * The pack's keys this PC trusts: the folder's own for a folder pack; in a git team checkout the
   * core replaces them with those of the server's team branch (see trust/packKeys.ts).
   */
  trustedKeys: KeySet;
}

/** Per-file results kept between reloads, so one changed file costs one re-read. */
export interface PackFiles {
  info: { file: YamlFile | null; problems: Problem[] };
  markdown: Map<string, { source: MarkdownSource | null; problems: Problem[] }>;
  yaml: Map<string, { file: YamlFile | null; problems: Problem[] }>;
  walkProblems: Problem[];
}

const today = () => new Date().toISOString().slice(0, 10);

/** When each folder was last read in full: the watcher catches up on changes made since then. */
const readStarts = new Map<string, number>();
export const lastFullRead = (root: string): number | undefined => readStarts.get(root);

/** Reads every file of the pack; markdown is parsed in the markdown pool, several files at once. */
export async function readAllFiles(root: string): Promise<PackFiles> {
  readStarts.set(root, Date.now());
  const walkProblems: { rel: string; message: string; code: string }[] = [];
  const md = [...walk(root, 'articles', ['.md'], walkProblems), ...walk(root, 'roles', ['.md'], walkProblems)];
  const yml = [...walk(root, 'tracks', ['.yaml', '.yml'], walkProblems), ...walk(root, 'quizzes', ['.yaml', '.yml'], walkProblems), ...walk(root, 'trainers', ['.yaml', '.yml'], walkProblems)];
  walk(root, 'assets', [], walkProblems); // nothing to read up front; only symbolic links to report
  const files: PackFiles = {
    info: readInfoFile(root),
    markdown: new Map(),
    yaml: new Map(),
    walkProblems: walkProblems.map((p) => ({ path: p.rel, severity: 'error', code: p.code, message: p.message })),
  };
  const parsed = await Promise.all(md.map((rel) => readMd(root, rel)));
  md.forEach((rel, i) => files.markdown.set(rel, parsed[i]));
  for (const rel of yml) files.yaml.set(rel, readYml(root, rel));
  return files;
}

async function readMd(root: string, rel: string) {
  const problems: Problem[] = [];
  return { source: await readMarkdownSource(root, rel, problems), problems };
}
function readYml(root: string, rel: string) {
  const problems: Problem[] = [];
  return { file: readYamlFile(root, rel, problems), problems };
}

function readInfoFile(root: string) {
  const problems: Problem[] = [];
  const file = readYamlFile(root, 'handbook.yaml', problems);
  if (!file && problems[0]?.code === 'unreadable') problems[0] = { path: 'handbook.yaml', severity: 'error', code: 'missing-manifest', message: 'handbook.yaml is missing: every pack needs one with id, name and version' };
  return { file, problems };
}

/** Re-reads one changed, added or removed file (path relative to the pack). */
export async function refreshFile(root: string, files: PackFiles, rel: string): Promise<void> {
  const exists = fs.existsSync(path.join(root, rel));
  if (rel === 'handbook.yaml') files.info = readInfoFile(root);
  else if (/^(articles|roles)\/.+\.md$/i.test(rel)) {
    if (exists) files.markdown.set(rel, await readMd(root, rel));
    else files.markdown.delete(rel);
  } else if (/^(tracks|quizzes|trainers)\/.+\.ya?ml$/i.test(rel)) {
    if (exists) files.yaml.set(rel, readYml(root, rel));
    else files.yaml.delete(rel);
  }
}

function readInfo(files: PackFiles, problems: Problem[]): PackInfo {
  problems.push(...files.info.problems);
  const v = (files.info.file?.value ?? {}) as any;
  const s = (x: unknown, d: string) => (typeof x === 'string' || typeof x === 'number' ? String(x) : d);
  // Keyed by folder names from handbook.yaml: no prototype, so `constructor` is a category like any other.
  const categories: PackInfo['categories'] = Object.create(null);
  for (const [k, c] of Object.entries(v.categories ?? {})) {
    const o = c as any;
    categories[k] = typeof o === 'string' ? { zh: o, en: o } : { zh: s(o?.zh, k), en: s(o?.en, s(o?.zh, k)) };
  }
  const synonyms = Array.isArray(v.synonyms)
    ? v.synonyms.filter((g: unknown) => Array.isArray(g)).map((g: unknown[]) => g.map((t) => String(t)).filter(Boolean)).filter((g: string[]) => g.length > 1)
    : [];
  return {
    id: s(v.id, 'pack'), name: s(v.name, 'Handbook'), nameEn: v.name_en ? s(v.name_en, '') : undefined,
    version: s(v.version, '0.0.0'), language: s(v.language, 'zh-CN'),
    categories, platforms: Array.isArray(v.platforms) ? v.platforms.map(String) : [], synonyms,
  };
}

/** Combines the per-file results into a pack: ids, duplicates, categories, links, tracks. */
export function assemblePack(root: string, files: PackFiles): Pack {
  const problems: Problem[] = [...files.walkProblems];
  const info = readInfo(files, problems);
  const articles = new Map<string, ArticleRecord>();
  const roles = new Map<string, RoleRecord>();
  const seenLower = new Map<string, string>();
  const now = today();
  for (const [rel, entry] of files.markdown) {
    problems.push(...entry.problems);
    const src = entry.source;
    if (!src) continue;
    const isRole = rel.startsWith('roles/');
    const id = rel.replace(/^(articles|roles)\//, '').replace(/\.md$/i, '');
    const key = (isRole ? 'role:' : '') + id.toLowerCase();
    if (seenLower.has(key)) {
      problems.push({ path: rel, severity: 'error', code: 'duplicate-id', message: `duplicate id "${id}": ${seenLower.get(key)} has the same id; this file is skipped` });
      continue;
    }
    seenLower.set(key, rel);
    const { meta, problems: fieldProblems } = readArticleMeta(src.data);
    for (const fp of fieldProblems) problems.push({ path: rel, line: lineOfField(src.text, fp.field), severity: 'warning', code: 'front-matter-field', message: fp.message });
    if (!isRole) for (const message of readAckPolicy(src.data).problems) problems.push({ path: rel, line: lineOfField(src.text, ACK_FIELD), severity: 'warning', code: 'front-matter-field', message });
    const title = meta.title || src.analysis.firstH1 || path.posix.basename(id);
    if (isRole) {
      const d = src.data as any;
      roles.set(id, {
        source: src,
        summary: {
          id, title, titleEn: typeof d.title_en === 'string' ? d.title_en : title, summary: meta.summary,
          worksWith: Array.isArray(d.works_with) ? d.works_with.map(String) : [],
          trackId: typeof d.track === 'string' ? d.track : null,
        },
      });
      continue;
    }
    const reviewDue = reviewDueDate(meta.reviewed, meta.reviewEvery);
    articles.set(id, {
      source: src,
      summary: {
        id, title, summary: meta.summary, category: id.includes('/') ? id.slice(0, id.lastIndexOf('/')) : '',
        tags: meta.tags, roles: meta.roles, platforms: meta.platforms, owner: meta.owner, status: meta.status,
        reviewed: meta.reviewed, reviewDue, needsReview: reviewDue !== null && reviewDue < now, updatedAt: src.mtime,
      },
    });
  }
  const links = resolveLinks(root, articles, roles, problems);

  const quizzes = new Map<string, Quiz>();
  const trackFiles: Array<[string, YamlFile]> = [];
  const trainers = new Map<string, TrainerKeysEntry>();
  for (const [rel, entry] of files.yaml) {
    problems.push(...entry.problems);
    if (!entry.file) continue;
    const id = path.posix.basename(rel).replace(/\.ya?ml$/i, '');
    if (rel.startsWith('trainers/')) {
      const t = readTrainerKeys(entry.file, id, problems);
      if (t) trainers.set(id, t);
    } else if (rel.startsWith('quizzes/')) {
      const quiz = readQuiz(entry.file, id, problems);
      if (quiz) quizzes.set(id, quiz);
    } else trackFiles.push([id, entry.file]);
  }
  for (const quiz of quizzes.values()) checkQuizSources(quiz, files, articles, problems);
  const tracks = new Map<string, Track>();
  const refs = { articleExists: (id: string) => articles.has(id), quizExists: (id: string) => quizzes.has(id), articleTitle: (id: string) => articles.get(id)?.summary.title };
  for (const [id, file] of trackFiles) {
    const track = readTrack(file, id, refs, problems);
    if (track) tracks.set(id, track);
  }
  return { root, info, articles, roles, tracks, quizzes, categories: buildCategories(info, articles), links, problems,
    trainers, trustedKeys: new Map([...trainers.values()].map((t) => [t.id, t.keys])) };
}

function checkQuizSources(quiz: Quiz, files: PackFiles, articles: Map<string, ArticleRecord>, problems: Problem[]) {
  const rel = [...files.yaml.keys()].find((k) => k.startsWith('quizzes/') && path.posix.basename(k).replace(/\.ya?ml$/i, '') === quiz.id)!;
  const file = files.yaml.get(rel)!.file!;
  quiz.questions.forEach((q, i) => {
    if (!q.source) return;
    const [articleId, anchor] = q.source.split('#');
    const article = articles.get(articleId);
    const at = file.lineAt(['questions', i, 'source']);
    if (!article) problems.push({ path: rel, line: at, severity: 'warning', code: 'unknown-source', message: `question "${q.id}": source article "${articleId}" does not exist` });
    else if (anchor && !article.source.analysis.headings.some((h) => h.anchor === anchor)) {
      problems.push({ path: rel, line: at, severity: 'warning', code: 'unknown-source', message: `question "${q.id}": article "${articleId}" has no section "#${anchor}"` });
    }
  });
}

function lineOfField(text: string, field: string): number | undefined {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith(field + ':'));
  return i >= 0 ? i + 1 : undefined;
}

function buildCategories(info: PackInfo, articles: Map<string, ArticleRecord>): Category[] {
  const counts = new Map<string, number>();
  for (const a of articles.values()) {
    const parts = a.summary.category ? a.summary.category.split('/') : [];
    for (let i = 1; i <= parts.length; i++) {
      const c = parts.slice(0, i).join('/');
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, count]) => {
      const names = info.categories[id];
      const last = id.slice(id.lastIndexOf('/') + 1);
      return { id, count, name: names?.zh ?? last, nameEn: names?.en ?? last };
    });
}
