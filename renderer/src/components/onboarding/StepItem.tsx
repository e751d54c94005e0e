import { withToken } from '../../state/profileSession';
import { useState } from 'react';
import type { Progress, StepProgress } from '../../../../electron/contract';
import { api } from '../../api';
import { articleHref } from '../../app/route';
import { useI18n } from '../../i18n/i18n';
import { titleIn } from '../../i18n/localTitle';
import { formatWhen, quizHref } from './format';

interface Props {
  step: StepProgress;
  trackId: string;
  profileId: string;
  onChange: (p: Progress) => void;
  onSignoff: (step: StepProgress) => void;
  /** A trainer looking at someone else's steps: no ticking on their behalf. */
  readOnly?: boolean;
}

/** One step with the one action that completes it, as its type asks. */
export function StepItem({ step, trackId, profileId, onChange, onSignoff, readOnly }: Props) {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ref = { profileId, trackId, stepId: step.id };
  const run = async (call: () => Promise<Progress>) => {
    setBusy(true);
    setError(null);
    try {
      onChange(await call());
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const when = formatWhen(step.completedAt, locale);
  const status = step.done ? 'done' : 'open';
  const title = titleIn(locale, step);
  return (
    <li className={`step step-${step.type} step-${status}${step.needsReread ? ' step-reread' : ''}`} data-testid={`step-${step.id}`}>
      {step.type === 'task' ? (
        // The checkbox takes the place of the tick mark, so a task reads like every other step.
        <input id={`check-${trackId}-${step.id}`} className="step-check" type="checkbox" checked={step.done} disabled={busy || readOnly}
          onChange={(e) => { const on = e.target.checked; void run(() => withToken(profileId, (token) => (on ? api.completeStep({ ...ref, token }) : api.uncompleteStep({ ...ref, token })))); }} />
      ) : (
        <span className="step-mark" aria-hidden="true">{step.done ? '✓' : ''}</span>
      )}
      <div className="step-body">
        {step.type === 'task' ? (
          <label className="step-title step-task" htmlFor={`check-${trackId}-${step.id}`}>{title}</label>
        ) : (
          <span className="step-title">
            {step.type === 'read' && step.articleId ? <a href={articleHref(step.articleId)}>{title}</a> : title}
          </span>
        )}
        <span className="step-meta">
          <span className="badge">{t(`onb.type.${step.type}`)}</span>
          {!step.required && <span className="badge">{t('onb.optional')}</span>}
          {step.type === 'read' && (step.done ? <span>{t('onb.readOn', { date: when })}</span> : <span className="muted">{t('onb.readHint')}</span>)}
          {step.type === 'task' && step.done && <span>{t('onb.doneOn', { date: when })}</span>}
          {step.quiz && (
            <span>{step.quiz.attempts ? t('onb.quizBest', { score: step.quiz.bestScore ?? 0, attempts: step.quiz.attempts }) : t('onb.quizNotTaken')}</span>
          )}
          {step.type === 'signoff' && step.signedBy && <span>{t('onb.signedBy', { name: step.signedBy.name, date: when })}</span>}
          {step.type === 'signoff' && step.unverified && (
            <span className="badge badge-unverified" data-testid="unverified-badge">{t('trust.unverified')}</span>
          )}
          {step.type === 'signoff' && !step.done && step.signoffRequestedAt && (
            <span className="badge badge-soon">{t('onb.signoffRequested', { date: formatWhen(step.signoffRequestedAt, locale) })}</span>
          )}
        </span>
        {step.unverified && (
          <p className="notice notice-warning step-notice" role="note">{t('trust.unverifiedHelp', { name: step.unverified.claimedBy ?? '?' })}</p>
        )}
        {step.needsReread && (
          <p className="notice notice-warning step-notice" role="note">
            {t('onb.updatedSinceRead')} <a href={articleHref(step.articleId!)}>{t('onb.readAgain')}</a>
          </p>
        )}
        {error && <p className="form-error" role="alert">{error}</p>}
      </div>
      <div className="step-actions">
        {step.type === 'quiz' && !readOnly && (
          <a className={step.done ? 'button' : 'button primary'} href={quizHref(trackId, step.id)}>
            {step.quiz?.attempts ? t('onb.retakeQuiz') : t('onb.takeQuiz')}
          </a>
        )}
        {step.type === 'signoff' && !step.done && (
          <>
            {!readOnly && !step.signoffRequestedAt && (
              <button type="button" disabled={busy} onClick={() => run(() => withToken(profileId, (token) => api.requestSignoff({ ...ref, token })))}>{t('onb.requestSignoff')}</button>
            )}
            <button type="button" className={readOnly ? 'primary' : ''} onClick={() => onSignoff(step)}>{t('onb.signOffNow')}</button>
          </>
        )}
      </div>
    </li>
  );
}
