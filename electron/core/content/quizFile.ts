import type { Problem } from '../../contract.js';
import type { YamlFile } from './yamlFile.js';

export type QuestionType = 'single' | 'multiple' | 'truefalse';
export interface Question {
  id: string;
  type: QuestionType;
  prompt: string;
  options: string[];
  /** single: option index; multiple: sorted option indexes; truefalse: boolean. */
  answer: number | number[] | boolean;
  explanation: string;
  /** `articleId#anchor` the question tests. */
  source: string | null;
}
/**
 * What a failed attempt shows: `none` the score only; `wrong` which questions were wrong (and the
 * section to reread); `explain` also the explanations (the behaviour before this setting existed, so
 * the default); `answers` also the right answers. A passed attempt shows everything.
 */
export type RevealOnFail = 'none' | 'wrong' | 'explain' | 'answers';
export const REVEAL_LEVELS: readonly RevealOnFail[] = ['none', 'wrong', 'explain', 'answers'];
export interface Quiz {
  id: string; title: string; titleEn: string; passMark: number; questions: Question[]; hash: string;
  /** Questions asked per attempt, drawn at random from `questions`; null asks them all. */
  draw: number | null;
  /** Options appear in a different order in each attempt. */
  shuffleOptions: boolean;
  revealOnFail: RevealOnFail;
}

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
const isIndex = (n: unknown, len: number) => Number.isInteger(n) && (n as number) >= 0 && (n as number) < len;

/** Builds a quiz from its YAML; a question that cannot be scored is reported with its line and dropped. */
export function readQuiz(file: YamlFile, id: string, problems: Problem[]): Quiz | null {
  const report = (path: Array<string | number>, code: string, message: string) =>
    problems.push({ path: file.rel, line: file.lineAt(path), severity: 'error', code, message });
  const v = file.value as any;
  if (!v || typeof v !== 'object' || !Array.isArray(v.questions)) {
    report([], 'quiz', 'a quiz must be a mapping with title, passMark and a list of questions');
    return null;
  }
  const questions: Question[] = [];
  const ids = new Set<string>();
  v.questions.forEach((q: any, i: number) => {
    const at = ['questions', i];
    const qid = str(q?.id) || `q${i + 1}`;
    if (ids.has(qid)) return report([...at, 'id'], 'duplicate-question', `duplicate question id "${qid}"`);
    ids.add(qid);
    const type = str(q?.type) as QuestionType;
    const options: string[] = Array.isArray(q?.options) ? q.options.map(str) : [];
    let answer: Question['answer'];
    if (type === 'truefalse') {
      if (typeof q.answer !== 'boolean') return report([...at, 'answer'], 'quiz-answer', `question "${qid}": a true/false answer must be true or false`);
      answer = q.answer;
    } else if (type === 'single') {
      if (options.length < 2) return report([...at, 'options'], 'quiz-options', `question "${qid}": needs at least two options`);
      if (!isIndex(q.answer, options.length)) return report([...at, 'answer'], 'quiz-answer', `question "${qid}": answer must be an option number from 0 to ${options.length - 1}`);
      answer = q.answer;
    } else if (type === 'multiple') {
      if (options.length < 2) return report([...at, 'options'], 'quiz-options', `question "${qid}": needs at least two options`);
      if (!Array.isArray(q.answer) || q.answer.length === 0 || !q.answer.every((n: unknown) => isIndex(n, options.length))) {
        return report([...at, 'answer'], 'quiz-answer', `question "${qid}": answer must be a list of option numbers from 0 to ${options.length - 1}`);
      }
      answer = [...new Set<number>(q.answer)].sort((a, b) => a - b);
    } else {
      return report([...at, 'type'], 'quiz', `question "${qid}": type must be single, multiple or truefalse`);
    }
    if (!str(q.prompt)) return report([...at, 'prompt'], 'quiz', `question "${qid}": prompt is empty`);
    questions.push({ id: qid, type, prompt: str(q.prompt), options: type === 'truefalse' ? [] : options, answer, explanation: str(q.explanation), source: str(q.source) || null });
  });
  const passMark = Number(v.passMark ?? 80);
  if (!Number.isFinite(passMark) || passMark <= 0 || passMark > 100) {
    report(['passMark'], 'quiz-pass-mark', `passMark must be a percentage from 1 to 100, got ${JSON.stringify(v.passMark)}`);
    return null;
  }
  if (questions.length === 0) {
    report(['questions'], 'quiz-pass-mark', 'no usable questions: the pass mark can never be reached');
    return null;
  }
  let draw: number | null = v.draw === undefined || v.draw === null || v.draw === '' ? null : Number(v.draw);
  if (draw !== null && (!Number.isInteger(draw) || draw < 1)) {
    report(['draw'], 'quiz-draw', `draw must be a whole number of questions from 1 to ${questions.length}, got ${JSON.stringify(v.draw)}`);
    return null;
  }
  if (draw !== null && draw > questions.length) {
    report(['draw'], 'quiz-draw', `draw asks ${draw} questions but the quiz has ${questions.length}: every attempt asks them all`);
    draw = null;
  }
  if (draw === questions.length) draw = null;
  const reveal = v.reveal_on_fail === undefined ? 'explain' : str(v.reveal_on_fail);
  if (!REVEAL_LEVELS.includes(reveal as RevealOnFail)) {
    report(['reveal_on_fail'], 'quiz-reveal', `reveal_on_fail must be one of ${REVEAL_LEVELS.join(', ')}, got ${JSON.stringify(v.reveal_on_fail)}`);
    return null;
  }
  return {
    id, title: str(v.title) || id, titleEn: str(v.title_en) || str(v.title) || id, passMark, questions, hash: file.hash,
    draw, shuffleOptions: v.shuffle_options === true, revealOnFail: reveal as RevealOnFail,
  };
}
