import type { QuizResult } from '../../../../electron/contract';
import { useI18n } from '../../i18n/i18n';
import { href } from '../../app/route';

/** The verdict, announced politely to screen readers as it appears. */
export function QuizSummary({ result, onRetry }: { result: QuizResult; onRetry: () => void }) {
  const { t } = useI18n();
  const missed = result.questions.some((q) => !q.correct);
  const failedText = result.revealed === 'none' ? t('quiz.failedScoreOnly') : result.revealed === 'wrong' ? t('quiz.failedWrongOnly') : t('quiz.failed');
  return (
    <div className={`quiz-summary notice ${result.passed ? 'notice-success' : 'notice-warning'}`} role="status" data-testid="quiz-result">
      <p className="quiz-score"><strong>{t('quiz.score', { score: result.score })}</strong> · {t('quiz.correctOf', { correct: result.correct, total: result.total })} · {t('quiz.passMark', { mark: result.passMark })}</p>
      <p>{result.passed ? t('quiz.passed') : failedText}</p>
      <p className="small">{t('quiz.attemptInfo', { attempt: result.attempt, best: result.bestScore })}</p>
      <p className="quiz-summary-actions">
        <button type="button" onClick={onRetry}>{t('quiz.retry')}</button>
        {missed && <a className="button" href={href({ name: 'mistakes' })} data-testid="open-mistakes">{t('quiz.openMistakes')}</a>}
        <a className={result.passed ? 'button primary' : 'button'} href={href({ name: 'onboarding' })}>{t('onb.backToTrack')}</a>
      </p>
    </div>
  );
}
