import type { QuizResult } from '../../../../electron/contract';
import { useI18n } from '../../i18n/i18n';
import { href } from '../../app/route';

/** The verdict, announced politely to screen readers as it appears. */
export function QuizSummary({ result, onRetry }: { result: QuizResult; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div className={`quiz-summary notice ${result.passed ? 'notice-success' : 'notice-warning'}`} role="status" data-testid="quiz-result">
      <p className="quiz-score"><strong>{t('quiz.score', { score: result.score })}</strong> · {t('quiz.correctOf', { correct: result.correct, total: result.total })} · {t('quiz.passMark', { mark: result.passMark })}</p>
      <p>{result.passed ? t('quiz.passed') : t('quiz.failed')}</p>
      <p className="small">{t('quiz.attemptInfo', { attempt: result.attempt, best: result.bestScore })}</p>
      <p className="quiz-summary-actions">
        <button type="button" onClick={onRetry}>{t('quiz.retry')}</button>
        <a className={result.passed ? 'button primary' : 'button'} href={href({ name: 'onboarding' })}>{t('onb.backToTrack')}</a>
      </p>
    </div>
  );
}
