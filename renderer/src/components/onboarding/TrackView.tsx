import { useState } from 'react';
import type { Progress, StepProgress, TrackProgress } from '../../../../electron/contract';
import { useI18n } from '../../i18n/i18n';
import { certificateHref } from './format';
import { PhaseSection } from './PhaseSection';
import { ProgressBar } from './ProgressBar';
import { SignoffDialog } from './SignoffDialog';

interface Props { track: TrackProgress; today: string; profileId: string; learnerName: string; onChange: (p: Progress) => void; readOnly?: boolean }

/** A whole track: headline progress, then its phases; shared by the learner and the trainer's drill-in. */
export function TrackView({ track, today, profileId, learnerName, onChange, readOnly }: Props) {
  const { t, locale } = useI18n();
  const [signing, setSigning] = useState<StepProgress | null>(null);
  const title = locale === 'en' ? track.titleEn : track.title;
  return (
    <article className="track" data-testid={`track-${track.trackId}`}>
      <header className="track-header">
        <h2 className="track-title">{title}</h2>
        <ProgressBar percent={track.percent} label={t('onb.progressLabel', { title })} />
        <p className="track-stats">
          <strong>{t('onb.percentDone', { percent: track.percent })}</strong>
          <span>{t('home.trackProgress', { done: track.done, total: track.total })}</span>
          {track.overdueSteps > 0 && <span className="badge badge-overdue">{t('onb.overdueSteps', { count: track.overdueSteps })}</span>}
          {track.needsReread > 0 && <span className="badge badge-soon">{t('onb.rereadCount', { count: track.needsReread })}</span>}
        </p>
        {track.complete && (
          <p className="notice notice-success">
            {t('onb.trackComplete')} <a className="button primary" href={certificateHref(track.trackId, readOnly ? profileId : undefined)}>{t('onb.viewCertificate')}</a>
          </p>
        )}
      </header>
      {track.phases.map((p) => (
        <PhaseSection key={p.id} phase={p} today={today} trackId={track.trackId} profileId={profileId} onChange={onChange} onSignoff={setSigning} readOnly={readOnly} />
      ))}
      {signing && (
        <SignoffDialog learnerId={profileId} learnerName={learnerName} trackId={track.trackId} step={signing}
          onClose={() => setSigning(null)} onDone={(p) => { setSigning(null); onChange(p); }} />
      )}
    </article>
  );
}
