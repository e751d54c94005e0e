import { isMap } from 'yaml';
import type { Problem, QuizDraft, QuizSource, SavedFile } from '../../contract.js';
import { notFound } from '../api/errors.js';
import type { Pack } from '../content/pack.js';
import { readQuiz, REVEAL_LEVELS } from '../content/quizFile.js';
import { readText } from './articles.js';
import type { AuthoringContext } from './context.js';
import { fileHash, writeAtomic } from './files.js';
import { checkSimpleId } from './ids.js';
import { sectionHash } from '../content/sections.js';
import { SOURCE_HASH, sourceState } from '../content/quizSources.js';
import { checkBase, yamlRel } from './trackWriter.js';
import { editableDoc, refusal, setOrDelete, yamlFileFromText } from './yamlText.js';

const s = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

export function getQuizSource(ctx: AuthoringContext, id: string): QuizSource {
  checkSimpleId('quiz', id);
  const file = readText(ctx.root, yamlRel(ctx.root, 'quizzes', id));
  if (!file) throw notFound(`quiz "${id}"`);
  const v = (editableDoc(file.text).toJS() ?? {}) as any;
  const qs: any[] = Array.isArray(v.questions) ? v.questions : [];
  const quiz: QuizDraft = {
    title: s(v.title), titleEn: s(v.title_en), passMark: Number(v.passMark ?? 80),
    draw: Number.isInteger(v.draw) ? v.draw : null,
    shuffleOptions: v.shuffle_options === true,
    revealOnFail: (REVEAL_LEVELS as readonly unknown[]).includes(v.reveal_on_fail) ? v.reveal_on_fail : 'explain',
    questions: qs.map((q, i) => ({
      id: s(q?.id) || `q${i + 1}`,
      type: ['single', 'multiple', 'truefalse'].includes(q?.type) ? q.type : 'single',
      prompt: s(q?.prompt), options: Array.isArray(q?.options) ? q.options.map(s) : [],
      answer: typeof q?.answer === 'boolean' || typeof q?.answer === 'number' ? q.answer : Array.isArray(q?.answer) ? q.answer.filter((n: unknown) => typeof n === 'number') : 0,
      explanation: s(q?.explanation), source: s(q?.source) || null,
    })),
  };
  const sources = qs.map((q, i) => ({ questionId: quiz.questions[i].id, state: sourceState(ctx.pack(), s(q?.source) || null, s(q?.[SOURCE_HASH]) || null) }));
  return { id, hash: file.hash, quiz, sources };
}

const content = (q: any) => JSON.stringify([s(q?.prompt), q?.options, q?.answer, s(q?.explanation), s(q?.type)]);

/** The quiz's YAML, edited in place; questions are matched by id so their comments and extra fields stay. */
export function quizYaml(existing: string | null, quiz: QuizDraft, pack: Pack): string {
  const doc = editableDoc(existing);
  const root = doc.contents as any;
  setOrDelete(root, doc, 'title', quiz.title.trim());
  setOrDelete(root, doc, 'title_en', quiz.titleEn?.trim());
  setOrDelete(root, doc, 'passMark', quiz.passMark);
  // Absent in the draft = keep the file's value; the defaults are written as nothing.
  if (quiz.draw !== undefined) setOrDelete(root, doc, 'draw', quiz.draw ?? undefined);
  if (quiz.shuffleOptions !== undefined) setOrDelete(root, doc, 'shuffle_options', quiz.shuffleOptions || undefined);
  if (quiz.revealOnFail !== undefined) setOrDelete(root, doc, 'reveal_on_fail', quiz.revealOnFail === 'explain' ? undefined : quiz.revealOnFail);
  const old = new Map<string, any>();
  for (const q of (doc.get('questions', true) as any)?.items ?? []) if (isMap(q)) old.set(s(q.get('id')), q);
  const list = doc.createNode([]) as any;
  for (const q of quiz.questions) {
    const node = old.get(q.id) ?? doc.createNode({});
    const before = isMap(node) ? (node.toJSON() as any) : {};
    const source = q.source?.trim() || null;
    const answer = q.type === 'multiple' && Array.isArray(q.answer) ? [...new Set(q.answer)].sort((a, b) => a - b) : q.answer;
    setOrDelete(node, doc, 'id', q.id.trim());
    setOrDelete(node, doc, 'type', q.type);
    setOrDelete(node, doc, 'prompt', q.prompt.trim());
    setOrDelete(node, doc, 'options', q.type === 'truefalse' ? undefined : q.options.map((o) => o.trim()), { flow: true });
    setOrDelete(node, doc, 'answer', answer, { flow: true });
    setOrDelete(node, doc, 'explanation', q.explanation.trim());
    setOrDelete(node, doc, 'source', source);
    const after = node.toJSON();
    // Keep the snapshot unless the question or its source changed, or the trainer re-checked it.
    const keep = !q.confirmSource && before[SOURCE_HASH] && s(before.source) === (source ?? '') && content(before) === content(after);
    if (!keep) setOrDelete(node, doc, SOURCE_HASH, source ? sectionHash(pack, source) : null);
    list.items.push(node);
  }
  root.set('questions', list);
  // The settings read before the (long) list of questions: keep `questions` last.
  const at = root.items.findIndex((p: any) => (p.key?.value ?? p.key) === 'questions');
  if (at >= 0 && at < root.items.length - 1) root.items.push(...root.items.splice(at, 1));
  return String(doc);
}

function validateQuiz(pack: Pack, rel: string, id: string, text: string): void {
  const problems: Problem[] = [];
  const quiz = readQuiz(yamlFileFromText(rel, text), id, problems);
  for (const q of quiz?.questions ?? []) {
    if (!q.source) continue;
    const [articleId, anchor] = q.source.split('#');
    const a = pack.articles.get(articleId);
    if (!a) problems.push({ path: rel, severity: 'warning', code: 'unknown-source', message: `question "${q.id}": source article "${articleId}" does not exist` });
    else if (anchor && !a.source.analysis.headings.some((h) => h.anchor === anchor)) problems.push({ path: rel, severity: 'warning', code: 'unknown-source', message: `question "${q.id}": article "${articleId}" has no section "#${anchor}"` });
  }
  if (problems.length || !quiz) throw refusal('quiz', problems.length ? problems : [{ code: 'quiz', message: 'the quiz cannot be read' }]);
}

export function saveQuiz(ctx: AuthoringContext, req: { id: string; baseHash: string | null; quiz: QuizDraft }): Promise<SavedFile> {
  checkSimpleId('quiz', req.id);
  return ctx.queue.run(async () => {
    const rel = yamlRel(ctx.root, 'quizzes', req.id);
    const current = checkBase(ctx.root, rel, req.id, req.baseHash);
    const text = quizYaml(current, req.quiz, ctx.pack());
    validateQuiz(ctx.pack(), rel, req.id, text);
    await writeAtomic(ctx.root, rel, text);
    await ctx.changed([rel]);
    return { id: req.id, hash: fileHash(ctx.root, rel)! };
  });
}
