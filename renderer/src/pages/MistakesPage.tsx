import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { MistakeEntry, PracticeResult, QuizAnswer } from '../../../electron/contract';
import { api } from '../api';
import { href } from '../app/route';
import { PageState } from '../components/PageState';
import { NeedProfile } from '../components/onboarding/NeedProfile';
import { QuizQuestion } from '../components/onboarding/QuizQuestion';
import { SourceLink } from '../components/onboarding/SourceLink';
import { errorText } from '../i18n/errorText';
import { useI18n } from '../i18n/i18n';
import { withToken } from '../state/profileSession';
import { useSession } from '../state/session';
import { useLoad } from '../state/useLoad';

/** `#/mistakes`: the learner's 错题本 — what they missed, where to reread it, and practice. */
export function MistakesPage({ onPickProfile }: { onPickProfile: () => void }) {
  const { t } = useI18n();
  // Loaded once the profile's own session is open (a PIN typed, or opened at once without one).
  const { profile, profileReady } = useSession();
  const [state, reload] = useLoad(async () => {
    if (!profile || !profileReady) return null;
    return withToken(profile.id, (token) => api.getMistakes({ token, profileId: profile.id }));
  }, [profile?.id, profileReady]);
  const [practising, setPractising] = useState<MistakeEntry[] | null>(null);
  if (!profile) return <NeedProfile title={t('mistakes.title')} onPickProfile={onPickProfile} />;
  return (
    <section className="page mistakes-page">
      <p><a href={href({ name: 'onboarding' })}>← {t('onb.backToTrack')}</a></p>
      <h1>{t('mistakes.title')}</h1>
      <p className="muted">{t('mistakes.intro')}</p>
      <PageState state={state} retry={reload}>
        {(book) => {
          if (!book) return null;
          if (practising) return <Practice profileId={profile.id} entries={practising} onDone={() => { setPractising(null); reload(); }} />;
          if (book.entries.length === 0) return <p className="notice notice-success" data-testid="mistakes-empty">{t('mistakes.empty')}</p>;
          return <Book entries={book.entries} onPractise={() => setPractising(book.entries.filter((e) => e.canPractise))} />;
        }}
      </PageState>
    </section>
  );
}

function Book({ entries, onPractise }: { entries: MistakeEntry[]; onPractise: () => void }) {
  const { t, locale } = useI18n();
  const quizzes = [...new Set(entries.map((e) => e.quizId))];
  const ready = entries.filter((e) => e.canPractise).length;
  return (
    <>
      <p>
        {ready > 0 && <button type="button" className="primary" onClick={onPractise} data-testid="start-practice">{t('mistakes.practise', { count: ready })}</button>}{' '}
        <span className="muted small">{t('mistakes.practiceNote')}</span>
      </p>
      {quizzes.map((quizId) => {
        const mine = entries.filter((e) => e.quizId === quizId);
        const first = mine[0];
        return (
          <section key={quizId} className="card mistakes-quiz" data-testid={`mistakes-${quizId}`}>
            <h2>{locale === 'en' ? first.quizTitleEn : first.quizTitle}</h2>
            <ul className="plain-list">
              {mine.map((e) => (
                <li key={e.question.id} className="mistake" data-testid={`mistake-${e.question.id}`}>
                  <p><strong>{e.question.prompt}</strong> <span className="muted small">{t('mistakes.missed', { count: e.wrongCount })}</span></p>
                  {!e.canPractise && <p className="muted small" data-testid={`locked-${e.question.id}`}>{t('mistakes.locked')}</p>}
                  {e.question.source && <SourceLink source={e.question.source} />}
                </li>
              ))}
            </ul>
            <p className="small"><a href={href({ name: 'quiz', trackId: first.trackId, stepId: first.stepId })}>{t('mistakes.backToQuiz')}</a></p>
          </section>
        );
      })}
    </>
  );
}

/** One question at a time: answer, check, see what the quiz allows, next. */
function Practice({ profileId, entries, onDone }: { profileId: string; entries: MistakeEntry[]; onDone: () => void }) {
  const { t } = useI18n();
  const [i, setI] = useState(0);
  const [answer, setAnswer] = useState<QuizAnswer | undefined>(undefined);
  const [result, setResult] = useState<PracticeResult | null>(null);
  const [right, setRight] = useState(0);
  const [finished, setFinished] = useState<{ remaining: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  const entry = entries[i];
  useEffect(() => { headingRef.current?.focus(); }, [i, finished]);
  useEffect(() => { if (result) nextRef.current?.focus(); }, [result]);

  const check = async (e: FormEvent) => {
    e.preventDefault();
    if (answer === undefined) { setError(t('mistakes.pickFirst')); return; }
    setBusy(true);
    setError(null);
    try {
      const r = await withToken(profileId, (token) => api.answerPractice({ token, profileId, quizId: entry.quizId, questionId: entry.question.id, answer }));
      setResult(r);
      if (r.correct) setRight((n) => n + 1);
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  const next = () => {
    if (i + 1 >= entries.length) { setFinished({ remaining: result?.remaining ?? 0 }); return; }
    setI(i + 1);
    setAnswer(undefined);
    setResult(null);
  };
  if (finished) {
    return (
      <div className="notice notice-success" role="status" data-testid="practice-done">
        <h2 ref={headingRef} tabIndex={-1}>{t('mistakes.doneTitle')}</h2>
        <p>{t('mistakes.done', { right, total: entries.length })} {finished.remaining === 0 ? t('mistakes.allClear') : t('mistakes.remaining', { count: finished.remaining })}</p>
        <p><button type="button" className="primary" onClick={onDone} data-testid="practice-back">{t('mistakes.backToBook')}</button></p>
      </div>
    );
  }
  return (
    <form onSubmit={check} className="quiz-form practice" data-testid="practice">
      <h2 ref={headingRef} tabIndex={-1}>{t('mistakes.progress', { n: i + 1, total: entries.length })}</h2>
      <QuizQuestion key={entry.quizId + entry.question.id} index={i} question={entry.question} value={answer} onChange={setAnswer}
        result={result ? { id: result.questionId, correct: result.correct, given: answer ?? null, correctAnswer: result.correctAnswer, explanation: result.explanation ?? '', source: result.source } : undefined} />
      {result && !result.correct && result.explanation === null && <p className="muted small" role="note">{t('mistakes.locked')}</p>}
      {error && <p className="form-error" role="alert">{error}</p>}
      <p className="quiz-submit">
        {!result && <button type="submit" className="primary" disabled={busy} data-testid="check-practice">{t('mistakes.check')}</button>}
        {result && <button type="button" ref={nextRef} className="primary" onClick={next} data-testid="next-practice">{i + 1 >= entries.length ? t('mistakes.finish') : t('mistakes.next')}</button>}
        <button type="button" onClick={onDone}>{t('mistakes.stop')}</button>
      </p>
    </form>
  );
}
