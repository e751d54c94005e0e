import fs from 'node:fs';
import path from 'node:path';
import { isMap } from 'yaml';
import type { Problem, SavedFile, TrackDraft, TrackSource } from '../../contract.js';
import { HandbookError, notFound } from '../api/errors.js';
import { readTrack } from '../content/trackFile.js';
import { readText } from './articles.js';
import type { AuthoringContext } from './context.js';
import { fileHash, writeAtomic } from './files.js';
import { checkSimpleId } from './ids.js';
import { editableDoc, refusal, setOrDelete, yamlFileFromText } from './yamlText.js';

const s = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** Existing file of a track or quiz (`.yaml` or `.yml`), or where a new one goes. */
export function yamlRel(root: string, dir: 'tracks' | 'quizzes', id: string): string {
  return [`${dir}/${id}.yaml`, `${dir}/${id}.yml`].find((r) => fs.existsSync(path.join(root, r))) ?? `${dir}/${id}.yaml`;
}

/** The raw fields of a track, as the form edits them (no titles filled in from articles). */
export function getTrackSource(ctx: AuthoringContext, id: string): TrackSource {
  checkSimpleId('track', id);
  const file = readText(ctx.root, yamlRel(ctx.root, 'tracks', id));
  if (!file) throw notFound(`track "${id}"`);
  const v = (editableDoc(file.text).toJS() ?? {}) as any;
  const track: TrackDraft = {
    title: s(v.title), titleEn: s(v.title_en), roleId: s(v.roleId) || id, description: s(v.description),
    phases: (Array.isArray(v.phases) ? v.phases : []).map((p: any, i: number) => ({
      id: s(p?.id) || `phase-${i + 1}`, title: s(p?.title), titleEn: s(p?.title_en), dueDay: Number(p?.dueDay) || 1,
      steps: (Array.isArray(p?.steps) ? p.steps : []).map((st: any) => ({
        id: s(st?.id), type: ['read', 'task', 'quiz', 'signoff'].includes(st?.type) ? st.type : 'task',
        title: s(st?.title) || undefined, titleEn: s(st?.title_en) || undefined, article: s(st?.article) || undefined, quiz: s(st?.quiz) || undefined,
        required: st?.required !== false,
      })),
    })),
  };
  return { id, hash: file.hash, track };
}

/**
 * The track's YAML: the existing document edited in place. Phases and steps are matched by id, so
 * a step moved to another place keeps its comments and any fields the form does not show.
 */
export function trackYaml(existing: string | null, t: TrackDraft): string {
  const doc = editableDoc(existing);
  const root = doc.contents as any;
  setOrDelete(root, doc, 'title', t.title.trim());
  setOrDelete(root, doc, 'title_en', t.titleEn?.trim());
  setOrDelete(root, doc, 'roleId', t.roleId.trim());
  setOrDelete(root, doc, 'description', t.description?.trim());
  const oldPhases = new Map<string, any>();
  const oldSteps = new Map<string, any>();
  for (const p of (doc.get('phases', true) as any)?.items ?? []) {
    if (!isMap(p)) continue;
    oldPhases.set(s(p.get('id')), p);
    for (const st of (p.get('steps', true) as any)?.items ?? []) if (isMap(st)) oldSteps.set(s(st.get('id')), st);
  }
  const phases = doc.createNode([]) as any;
  for (const p of t.phases) {
    const node = oldPhases.get(p.id) ?? doc.createNode({});
    oldPhases.delete(p.id);
    setOrDelete(node, doc, 'id', p.id.trim());
    setOrDelete(node, doc, 'title', p.title.trim());
    setOrDelete(node, doc, 'title_en', p.titleEn?.trim());
    setOrDelete(node, doc, 'dueDay', p.dueDay);
    const steps = doc.createNode([]) as any;
    for (const st of p.steps) {
      const sn = oldSteps.get(st.id) ?? doc.createNode({});
      oldSteps.delete(st.id);
      setOrDelete(sn, doc, 'id', st.id.trim());
      setOrDelete(sn, doc, 'type', st.type);
      setOrDelete(sn, doc, 'article', st.type === 'read' ? st.article?.trim() : undefined);
      setOrDelete(sn, doc, 'quiz', st.type === 'quiz' ? st.quiz?.trim() : undefined);
      setOrDelete(sn, doc, 'title', st.title?.trim());
      setOrDelete(sn, doc, 'title_en', st.titleEn?.trim());
      setOrDelete(sn, doc, 'required', st.required);
      steps.items.push(sn);
    }
    node.set('steps', steps);
    phases.items.push(node);
  }
  root.set('phases', phases);
  return String(doc);
}

/** Judges a candidate with the loader's own rules; any problem `handbook validate` would print refuses it. */
function validateTrack(ctx: AuthoringContext, rel: string, id: string, text: string): void {
  const pack = ctx.pack();
  const problems: Problem[] = [];
  const refs = { articleExists: (a: string) => pack.articles.has(a), quizExists: (q: string) => pack.quizzes.has(q), articleTitle: (a: string) => pack.articles.get(a)?.summary.title };
  const track = readTrack(yamlFileFromText(rel, text), id, refs, problems);
  if (!track) problems.push({ path: rel, severity: 'error', code: 'track', message: 'the track cannot be read' });
  if (!track?.roleId || !/^[a-z0-9][a-z0-9-]{0,63}$/.test(track.roleId)) problems.push({ path: rel, severity: 'error', code: 'track', message: 'choose the role this track is for' });
  if (problems.length) throw refusal('track', problems);
}

export function saveTrack(ctx: AuthoringContext, req: { id: string; baseHash: string | null; track: TrackDraft }): Promise<SavedFile> {
  checkSimpleId('track', req.id);
  return ctx.queue.run(async () => {
    const rel = yamlRel(ctx.root, 'tracks', req.id);
    const current = checkBase(ctx.root, rel, req.id, req.baseHash);
    const text = trackYaml(current, req.track);
    validateTrack(ctx, rel, req.id, text);
    await writeAtomic(ctx.root, rel, text);
    await ctx.changed([rel]);
    return { id: req.id, hash: fileHash(ctx.root, rel)! };
  });
}

/** The current text when it is the version the editor started from; `conflict` otherwise. */
export function checkBase(root: string, rel: string, id: string, baseHash: string | null): string | null {
  const current = readText(root, rel);
  if (baseHash === null && current) throw new HandbookError('conflict', `"${id}" already exists: choose another id`, 'idTaken', { id });
  if (baseHash !== null && !current) throw new HandbookError('conflict', `"${id}" was deleted since you opened it`, 'deletedMeanwhile', { id });
  if (baseHash !== null && current!.hash !== baseHash) throw new HandbookError('conflict', `"${id}" changed on disk since you opened it`, 'changedMeanwhile', { id });
  return current?.text ?? null;
}
