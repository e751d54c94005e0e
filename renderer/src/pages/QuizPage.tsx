import { withToken } from '../state/profileSession';
import { errorText } from '../i18n/errorText';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { QuizAnswer, QuizResult } from '../../../electron/contract';
import { api } from '../api';
import { PageState } from '../components/PageState';
import { NeedProfile } from '../components/onboarding/NeedProfile';
import { QuizQuestion } from '../components/onboarding/QuizQuestion';
import { QuizSummary } from '../components/onboarding/QuizSummary';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../state/session';
import { draftStorageKey, readDraft, useDraftKeeper, useDraftScope } from '../state/drafts';
import { useLoad } from '../state/useLoad';
import { href } from '../app/route';

/** The quiz of one track step: all questions on one page, then the score with explanations and sources. */
export function QuizPage({ trackId, stepId }: { trackId: string; stepId: string }) {
  const { t, locale } = useI18n();
  const { profile } = useSession();
  const [state, retry] = useLoad(async () => {
    const tracks = await api.listTracks({});
    const step = tracks.find((tr) => tr.id === trackId)?.phases.flatMap((p) => p.steps).find((s) => s.id === stepId);
    if (!step?.quizId) throw new Error(t('quiz.notFound'));
    return api.getQuiz({ quizId: step.quizId });
  }, [trackId, stepId]);
  // Answers given so far survive a reload, Back or a look at the source article.
  const draftKey = draftStorageKey(useDraftScope(), `quiz-answers:${trackId}/${stepId}`);
  const [answers, setAnswers] = useState<Record<string, QuizAnswer>>(() => readDraft<Record<string, QuizAnswer>>(draftKey)?.value ?? {});
  const [result, setResult] = useState<QuizResult | null>(null);
  const kept = useDraftKeeper(draftKey, () => (result || !Object.keys(answers).length ? null : answers));
  useEffect(() => kept.touch(), [kept, answers, result]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result) summaryRef.current?.focus();
  }, [result]);
  if (!profile) return <NeedProfile title={t('quiz.title')} />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setResult(await withToken(profile.id, (token) => api.submitQuiz({ token, profileId: profile.id, trackId, stepId, answers })));
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  const retryQuiz = () => {
    setResult(null);
    setAnswers({});
    document.getElementById('content')?.scrollTo?.(0, 0);
  };
  return (
    <section className="page quiz-page">
      <PageState state={state} retry={retry}>
        {(quiz) => {
          const answered = quiz.questions.filter((q) => answers[q.id] !== undefined && !(Array.isArray(answers[q.id]) && (answers[q.id] as number[]).length === 0)).length;
          return (
            <>
              <p><a href={href({ name: 'onboarding' })}>← {t('onb.backToTrack')}</a></p>
              <h1>{locale === 'en' ? quiz.titleEn : quiz.title}</h1>
              <p className="muted">{t('quiz.intro', { count: quiz.questions.length, mark: quiz.passMark })}</p>
              {result && <div ref={summaryRef} tabIndex={-1}><QuizSummary result={result} onRetry={retryQuiz} /></div>}
              <form onSubmit={submit} className="quiz-form">
                {quiz.questions.map((q, i) => (
                  <QuizQuestion key={q.id + (result ? '-r' : '')} index={i} question={q} value={answers[q.id]}
                    onChange={(v) => setAnswers((a) => ({ ...a, [q.id]: v }))} result={result?.questions.find((r) => r.id === q.id)} />
                ))}
                {error && <p className="form-error" role="alert">{error}</p>}
                {!result && (
                  <p className="quiz-submit">
                    <span className="muted small" aria-live="polite">{t('quiz.answered', { answered, total: quiz.questions.length })}</span>
                    <button type="submit" className="primary" disabled={busy} data-testid="submit-quiz">{t('quiz.submit')}</button>
                  </p>
                )}
              </form>
            </>
          );
        }}
      </PageState>
    </section>
  );
}
