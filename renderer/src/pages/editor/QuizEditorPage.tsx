import { errorText } from '../../i18n/errorText';
import { EditorHeader } from '../../components/editor/EditorHeader';
import { useEffect, useState } from 'react';
import type { ArticleSummary, QuizDraft, QuizSource, RevealOnFail } from '../../../../electron/contract';
import { api } from '../../api';
import { DraftRestored } from '../../components/editor/DraftRestored';
import { dropIfExpired } from '../../components/editor/editSession';
import { QuestionCard } from '../../components/editor/QuestionCard';
import { moveItem } from '../../components/editor/reorder';
import { SaveStatus, type SaveState } from '../../components/editor/SaveStatus';
import { PageState } from '../../components/PageState';
import { useI18n } from '../../i18n/i18n';
import { draftStorageKey, dropDraft, readDraft, useDraftKeeper, useDraftScope } from '../../state/drafts';
import { useLoad } from '../../state/useLoad';
import { editHref } from '../../app/route';

const NEW_QUIZ: QuizDraft = { title: '', titleEn: '', passMark: 80, questions: [] };
const REVEALS = ['none', 'wrong', 'explain', 'answers'] as const satisfies readonly RevealOnFail[];
/** What is kept of unsaved work when the trainer leaves the page (see state/drafts.ts). */
interface KeptQuiz { quiz: QuizDraft; quizId: string; baseHash: string | null }

/** `#/edit/quiz:<id>` (or `quiz:new`): questions as a form, saved as YAML the loader accepts. */
export function QuizEditorPage({ token, id }: { token: string; id: string }) {
  const isNew = id === 'new';
  const [state, retry] = useLoad(async () => {
    const [source, list] = await Promise.all([isNew ? Promise.resolve(null) : api.getQuizSource({ token, id }), api.listArticles({ sort: 'title' })]);
    return { source, articles: list.articles };
  }, [id, token]);
  return <PageState state={state} retry={retry}>{(d) => <QuizForm token={token} id={isNew ? null : id} source={d.source} articles={d.articles} />}</PageState>;
}

function QuizForm({ token, id, source, articles }: { token: string; id: string | null; source: QuizSource | null; articles: ArticleSummary[] }) {
  const { t } = useI18n();
  const scope = useDraftScope();
  const [draftKey, setDraftKey] = useState(() => draftStorageKey(scope, 'quiz:' + (id ?? 'new')));
  const [restored, setRestored] = useState(() => readDraft<KeptQuiz>(draftKey));
  const [quiz, setQuiz] = useState(restored?.value.quiz ?? source?.quiz ?? NEW_QUIZ);
  const [states, setStates] = useState(source?.sources ?? []);
  const [quizId, setQuizId] = useState(restored?.value.quizId ?? id ?? '');
  const [baseHash, setBaseHash] = useState(restored ? restored.value.baseHash : source?.hash ?? null);
  const [save, setSave] = useState<SaveState>({ kind: restored ? 'dirty' : 'clean' });
  const unsaved = save.kind === 'dirty' || save.kind === 'error' || save.kind === 'saving';
  const draft = useDraftKeeper(draftKey, (): KeptQuiz | null => (unsaved ? { quiz, quizId, baseHash } : null));
  useEffect(() => draft.touch(), [draft, unsaved, quiz, quizId]);
  const discard = () => {
    dropDraft(draftKey);
    setRestored(null);
    setQuiz(source?.quiz ?? NEW_QUIZ);
    setQuizId(id ?? '');
    setBaseHash(source?.hash ?? null);
    setSave({ kind: 'clean' });
  };
  const change = (next: QuizDraft) => { setQuiz(next); setSave({ kind: 'dirty' }); };
  const setQuestions = (questions: QuizDraft['questions']) => change({ ...quiz, questions });
  const add = () => {
    const used = new Set(quiz.questions.map((q) => q.id));
    let n = quiz.questions.length + 1;
    while (used.has(`q${n}`)) n++;
    setQuestions([...quiz.questions, { id: `q${n}`, type: 'single', prompt: '', options: ['', ''], answer: 0, explanation: '', source: null }]);
  };
  const submit = async () => {
    setSave({ kind: 'saving' });
    try {
      const r = await api.saveQuiz({ token, id: quizId.trim(), baseHash, quiz });
      const fresh = await api.getQuizSource({ token, id: r.id });
      setBaseHash(fresh.hash);
      setStates(fresh.sources);
      setQuiz(fresh.quiz);
      setSave({ kind: 'saved', at: new Date() });
      setRestored(null);
      if (!id) {
        history.replaceState(null, '', editHref('quiz:' + r.id));
        dropDraft(draftKey);
        setDraftKey(draftStorageKey(scope, 'quiz:' + r.id));
      }
    } catch (err) {
      dropIfExpired(err);
      setSave({ kind: 'error', message: errorText(err, t) });
    }
  };
  return (
    <section className="page quiz-editor">
      <EditorHeader title={quiz.title || t('quizEditor.newQuiz')}>
          <SaveStatus state={save} />
          <a className="button" href={editHref('')}>{t('editor.backToContent')}</a>
          <button type="button" className="primary" onClick={submit} disabled={save.kind === 'saving'} data-testid="save-quiz">{t('editor.save')}</button>
      </EditorHeader>
      {restored && <DraftRestored at={restored.at} onDiscard={discard} />}
      <div className="card form-grid">
        <label>{t('quizEditor.title')}<input value={quiz.title} onChange={(e) => change({ ...quiz, title: e.target.value })} /></label>
        <label>{t('quizEditor.titleEn')}<input value={quiz.titleEn ?? ''} onChange={(e) => change({ ...quiz, titleEn: e.target.value })} /></label>
        <label>{t('quizEditor.passMark')}<input type="number" min={1} max={100} value={quiz.passMark} onChange={(e) => change({ ...quiz, passMark: Number(e.target.value) })} /></label>
        <label>{t('trackEditor.id')}<input value={quizId} disabled={!!id} onChange={(e) => setQuizId(e.target.value)} placeholder="customer-service-basics" /></label>
      </div>
      <fieldset className="card form-grid quiz-bank-settings" data-testid="quiz-bank-settings">
        <legend>{t('quizEditor.bank')}</legend>
        <label>{t('quizEditor.draw')}
          <input type="number" min={1} max={Math.max(1, quiz.questions.length)} value={quiz.draw ?? ''} aria-describedby="quiz-draw-hint" data-testid="quiz-draw"
            onChange={(e) => change({ ...quiz, draw: e.target.value === '' ? null : Number(e.target.value) })} />
          <span id="quiz-draw-hint" className="muted small">{t('quizEditor.drawHint', { count: quiz.questions.length })}</span>
        </label>
        <label>{t('quizEditor.reveal')}
          <select value={quiz.revealOnFail ?? 'explain'} aria-describedby="quiz-reveal-hint" data-testid="quiz-reveal"
            onChange={(e) => change({ ...quiz, revealOnFail: e.target.value as RevealOnFail })}>
            {REVEALS.map((r) => <option key={r} value={r}>{t(`quizEditor.reveal.${r}`)}</option>)}
          </select>
          <span id="quiz-reveal-hint" className="muted small">{t('quizEditor.revealHint')}</span>
        </label>
        <label className="checkbox"><input type="checkbox" checked={!!quiz.shuffleOptions} data-testid="quiz-shuffle"
          onChange={(e) => change({ ...quiz, shuffleOptions: e.target.checked })} /> {t('quizEditor.shuffle')}</label>
      </fieldset>
      {quiz.questions.map((q, i) => (
        <QuestionCard
          key={i} q={q} index={i} count={quiz.questions.length} articles={articles}
          state={states.find((s) => s.questionId === q.id)?.state}
          onChange={(x) => setQuestions(quiz.questions.map((y, j) => (j === i ? x : y)))}
          onMove={(dir) => setQuestions(moveItem(quiz.questions, i, i + dir))}
          onRemove={() => setQuestions(quiz.questions.filter((_, j) => j !== i))}
        />
      ))}
      <button type="button" onClick={add} data-testid="add-question">{t('quizEditor.addQuestion')}</button>
    </section>
  );
}
