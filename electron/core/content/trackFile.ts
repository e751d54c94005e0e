import { STEP_TITLE_MAX, type Problem, type StepType, type Track, type TrackPhase } from '../../contract.js';
import type { YamlFile } from './yamlFile.js';

const STEP_TYPES: StepType[] = ['read', 'task', 'quiz', 'signoff'];
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

export interface TrackRefs { articleExists(id: string): boolean; quizExists(id: string): boolean; articleTitle(id: string): string | undefined }

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

/**
 * Builds a track from its YAML, reporting every mistake with its line. Steps that are unusable
 * (no id, unknown type) are dropped; steps that point to missing content are kept but reported.
 */
export function readTrack(file: YamlFile, id: string, refs: TrackRefs, problems: Problem[]): Track | null {
  const report = (path: Array<string | number>, code: string, message: string, severity: Problem['severity'] = 'error') =>
    problems.push({ path: file.rel, line: file.lineAt(path), severity, code, message });
  const v = file.value as any;
  if (!v || typeof v !== 'object' || Array.isArray(v)) {
    report([], 'track', 'a track must be a mapping with title, roleId and phases');
    return null;
  }
  if (!Array.isArray(v.phases) || v.phases.length === 0) {
    report(['phases'], 'track', 'phases: a list of at least one phase is required');
    return null;
  }
  const stepIds = new Set<string>();
  const phases: TrackPhase[] = [];
  v.phases.forEach((p: any, pi: number) => {
    const at = ['phases', pi];
    if (!p || typeof p !== 'object') return report(at, 'track', `phase ${pi + 1} must be a mapping`);
    const dueDay = Number(p.dueDay);
    if (!Number.isInteger(dueDay) || dueDay < 1 || dueDay > 3650) report([...at, 'dueDay'], 'track', `phase ${pi + 1}: dueDay must be a whole number of days from 1, got ${JSON.stringify(p.dueDay)}`);
    const steps: TrackPhase['steps'] = [];
    (Array.isArray(p.steps) ? p.steps : []).forEach((s: any, si: number) => {
      const sat = [...at, 'steps', si];
      const sid = str(s?.id);
      if (!ID.test(sid)) return report([...sat, 'id'], 'step', `step ${si + 1} of phase ${pi + 1}: id is missing or not a simple name`);
      if (stepIds.has(sid)) return report([...sat, 'id'], 'duplicate-step', `duplicate step id "${sid}"`);
      stepIds.add(sid);
      const type = str(s.type) as StepType;
      if (!STEP_TYPES.includes(type)) return report([...sat, 'type'], 'step', `step "${sid}": type must be read, task, quiz or signoff, got "${type}"`);
      const articleId = type === 'read' ? str(s.article) : undefined;
      const quizId = type === 'quiz' ? str(s.quiz) : undefined;
      if (type === 'read' && !refs.articleExists(articleId!)) report([...sat, 'article'], 'unknown-article', `step "${sid}": unknown article "${articleId}"`);
      if (type === 'quiz' && !refs.quizExists(quizId!)) report([...sat, 'quiz'], 'unknown-quiz', `step "${sid}": unknown quiz "${quizId}"`);
      if (s.required !== undefined && typeof s.required !== 'boolean') report([...sat, 'required'], 'step', `step "${sid}": required must be true or false`);
      const title = str(s.title) || (articleId ? refs.articleTitle(articleId) ?? articleId : '') || quizId || sid;
      const titleEn = stepTitleEn(s.title_en, (message) => report([...sat, 'title_en'], 'step', `step "${sid}": ${message}`, 'warning'));
      steps.push({ id: sid, type, title, ...(titleEn ? { titleEn } : {}), required: s.required !== false, ...(articleId ? { articleId } : {}), ...(quizId ? { quizId } : {}) });
    });
    if (steps.length === 0) report([...at, 'steps'], 'track', `phase ${pi + 1} has no usable steps`, 'warning');
    phases.push({
      id: str(p.id) || `phase-${pi + 1}`,
      title: str(p.title) || `Phase ${pi + 1}`,
      titleEn: str(p.title_en) || str(p.title) || `Phase ${pi + 1}`,
      dueDay: Number.isInteger(dueDay) && dueDay >= 1 ? dueDay : 1,
      steps,
    });
  });
  const roleId = str(v.roleId) || id;
  return { id, roleId, title: str(v.title) || id, titleEn: str(v.title_en) || str(v.title) || id, description: str(v.description), phases };
}

/** A step's `title_en`: text (a number reads as text, as `title` does), trimmed; anything else is reported and left out. */
function stepTitleEn(v: unknown, report: (message: string) => void): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' && typeof v !== 'number') {
    report(`title_en must be text, got ${Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a mapping' : JSON.stringify(v)}`);
    return undefined;
  }
  const text = str(v);
  if (text.length > STEP_TITLE_MAX) {
    report(`title_en is ${text.length} characters long; at most ${STEP_TITLE_MAX}`);
    return undefined;
  }
  return text || undefined;
}
