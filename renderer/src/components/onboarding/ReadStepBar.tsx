import { withToken } from '../../state/profileSession';
import { useState } from 'react';
import { api } from '../../api';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../state/session';
import { formatWhen } from './format';
import { useProgress } from './useProgress';
import { href } from '../../app/route';

/**
 * Mounted on the article page: when this article is a `read` step of the learner's track, the step
 * is completed here, where the reading happens ("I have read this"). Renders nothing otherwise.
 */
export function ReadStepBar({ articleId }: { articleId: string }) {
  const { t, locale } = useI18n();
  const { profile } = useSession();
  const { progress, setProgress } = useProgress(profile?.id ?? null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!profile || !progress) return null;
  const steps = progress.tracks.flatMap((tr) => tr.phases.flatMap((p) => p.steps.filter((s) => s.type === 'read' && s.articleId === articleId).map((s) => ({ s, trackId: tr.trackId }))));
  if (steps.length === 0) return null;
  const open = steps.filter(({ s }) => !s.done || s.needsReread);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      let last = progress;
      for (const { s, trackId } of open) last = await await withToken(profile.id, (token) => api.completeStep({ token, profileId: profile.id, trackId, stepId: s.id }));
      setProgress(last);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const reread = open.some(({ s }) => s.needsReread);
  return (
    <aside className={`read-step-bar${open.length ? '' : ' read-step-done'}`} aria-label={t('onb.readStep')} data-testid="read-step-bar">
      {open.length ? (
        <>
          <p>{reread ? t('onb.updatedSinceRead') : t('onb.readStepHint')}</p>
          <button type="button" className="primary" onClick={confirm} disabled={busy} data-testid="mark-read">
            {reread ? t('onb.readAgainDone') : t('onb.iHaveRead')}
          </button>
        </>
      ) : (
        <p>✓ {t('onb.readOn', { date: formatWhen(steps[0].s.completedAt, locale) })} · <a href={href({ name: 'onboarding' })}>{t('onb.backToTrack')}</a></p>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
    </aside>
  );
}
