import type { Progress } from '../../../../electron/contract';
import { useI18n } from '../../i18n/i18n';
import { DueBadge } from './DueBadge';
import { certificateHref } from './format';
import { NextSteps } from './NextSteps';
import { ProgressBar } from './ProgressBar';
import { href } from '../../app/route';

/** Home's answer to "what do I do this morning?": progress, what is next, what is due or late. */
export function MyTrackCard({ progress }: { progress: Progress }) {
  const { t, locale } = useI18n();
  const track = progress.tracks[0];
  if (!track) return null;
  const title = locale === 'en' ? track.titleEn : track.title;
  const urgent = track.phases.filter((p) => p.overdue || p.dueSoon);
  return (
    <div className="card my-track" data-testid="my-track">
      <h2>{t('home.myTrack')}</h2>
      <p className="my-track-title"><a href={href({ name: 'onboarding' })}>{title}</a></p>
      <ProgressBar percent={track.percent} label={t('onb.progressLabel', { title })} />
      <p className="track-stats">
        <strong>{t('onb.percentDone', { percent: track.percent })}</strong>
        <span>{t('home.trackProgress', { done: track.done, total: track.total })}</span>
      </p>
      {track.complete && <p><a className="button primary" href={certificateHref(track.trackId)}>{t('onb.viewCertificate')}</a></p>}
      {urgent.length > 0 && (
        <>
          <h3 className="small-heading">{t('home.dueSoon')}</h3>
          <ul className="due-list">
            {urgent.map((p) => (
              <li key={p.id}>
                <span>{locale === 'en' ? p.titleEn : p.title} · {t('onb.phaseCount', { done: p.done, total: p.total })}</span>
                <DueBadge today={progress.today} dueDate={p.dueDate} complete={p.complete} />
              </li>
            ))}
          </ul>
        </>
      )}
      <h3 className="small-heading">{t('home.nextSteps')}</h3>
      <NextSteps steps={track.next} today={progress.today} />
    </div>
  );
}
