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

/** Answers kept while the page is left: they belong to one attempt (its draw and option order). */
interface KeptAnswers { attemptId: string; answers: Record<string, QuizAnswer> }

/**
 * The quiz of one track step: the attempt the core drew (all questions, or N of the bank, options
 * perhaps shuffled) on one page, then the score and what the quiz reveals.
 */
export function QuizPage({ trackId, stepId }: { trackId: string; stepId: string }) {
  const { t, locale } = useI18n();
  // Loaded once the profile's own session is open (a PIN typed, or opened at once without one).
  const { profile, profileReady } = useSession();
  const [state, retry] = useLoad(async () => {
    if (!profile || !profileReady) return null;
    return withToken(profile.id, (token) => api.startQuizAttempt({ token, profileId: profile.id, trackId, stepId }));
  }, [trackId, stepId, profile?.id, profileReady]);
  // Answers given so far survive a reload, Back or a look at the source article (the attempt stays the same until submitted).
  const draftKey = draftStorageKey(useDraftScope(), `quiz-answers:${trackId}/${stepId}`);
  const [kept] = useState(() => readDraft<KeptAnswers>(draftKey)?.value ?? null);
  const [answers, setAnswers] = useState<Record<string, QuizAnswer>>({});
  const [result, setResult] = useState<QuizResult | null>(null);
  const attempt = state.status === 'ready' ? state.data : null;
  useEffect(() => {
    if (attempt && !result) setAnswers(kept?.attemptId === attempt.attemptId && kept.answers && typeof kept.answers === 'object' ? kept.answers : {});
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt?.attemptId]);
  const keeper = useDraftKeeper(draftKey, (): KeptAnswers | null => (result || !attempt || !Object.keys(answers).length ? null : { attemptId: attempt.attemptId, answers }));
  useEffect(() => keeper.touch(), [keeper, answers, result]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result) summaryRef.current?.focus();
  }, [result]);
  if (!profile) return <NeedProfile title={t('quiz.title')} />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!attempt) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await withToken(profile.id, (token) => api.submitQuiz({ token, profileId: profile.id, trackId, stepId, attemptId: attempt.attemptId, answers })));
    } catch (err) {
      setError(errorText(err, t));
      // Submitted elsewhere (another tab) or the quiz changed: the next attempt is loaded.
      if ((err as { key?: string }).key === 'quizAttemptStale') retry();
    } finally {
      setBusy(false);
    }
  };
  const retryQuiz = () => {
    setResult(null);
    setAnswers({});
    retry();
    document.getElementById('content')?.scrollTo?.(0, 0);
  };
  return (
    <section className="page quiz-page">
      <PageState state={state} retry={retry}>
        {(view) => {
          if (!view) return null;
          const { quiz } = view;
          const answered = quiz.questions.filter((q) => answers[q.id] !== undefined && !(Array.isArray(answers[q.id]) && (answers[q.id] as number[]).length === 0)).length;
          return (
            <>
              <p><a href={href({ name: 'onboarding' })}>← {t('onb.backToTrack')}</a></p>
              <h1>{locale === 'en' ? quiz.titleEn : quiz.title}</h1>
              <p className="muted">
                {t('quiz.intro', { count: quiz.questions.length, mark: quiz.passMark })}
                {view.bankSize > quiz.questions.length && <> · <span data-testid="quiz-drawn">{t('quiz.drawn', { count: quiz.questions.length, bank: view.bankSize })}</span></>}
              </p>
              {(view.revealOnFail === 'none' || view.revealOnFail === 'wrong') && <p className="muted small">{t(view.revealOnFail === 'none' ? 'quiz.revealNone' : 'quiz.revealWrong')}</p>}
              {result && <div ref={summaryRef} tabIndex={-1}><QuizSummary result={result} onRetry={retryQuiz} /></div>}
              <form onSubmit={submit} className="quiz-form">
                {quiz.questions.map((q, i) => (
                  <QuizQuestion key={view.attemptId + q.id + (result ? '-r' : '')} index={i} question={q} value={answers[q.id]}
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
