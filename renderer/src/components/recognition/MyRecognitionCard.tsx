import { api } from '../../api';
import { useI18n } from '../../i18n/i18n';
import { withToken } from '../../state/profileSession';
import { useSession } from '../../state/session';
import { useLoad } from '../../state/useLoad';
import { BadgeList, badgeName } from './BadgeList';
import { RecognitionList } from './RecognitionList';

/** Home: the learner's own points (this month and in total), badges and recognitions. */
export function MyRecognitionCard({ profileId }: { profileId: string }) {
  const { t } = useI18n();
  const { profileReady } = useSession();
  const [state] = useLoad(() => withToken(profileId, (token) => api.getRecognition({ token, profileId })), [profileId, profileReady]);
  if (state.status !== 'ready') return null;
  const s = state.data;
  const next = s.nextBadges[0];
  return (
    <section className="card recognition-card" aria-labelledby="rec-title" data-testid="my-recognition">
      <h2 id="rec-title">{t('rec.title')}</h2>
      <dl className="points">
        <div><dt>{t('rec.thisMonth')}</dt><dd data-testid="points-month">{t('rec.points', { points: s.points.thisMonth })}</dd></div>
        <div><dt>{t('rec.total')}</dt><dd data-testid="points-total">{t('rec.points', { points: s.points.total })}</dd></div>
      </dl>
      <p className="muted small" data-testid="how-points">{t('rec.howPoints', s.pointValues)}</p>
      {s.recognitions.length > 0 && (
        <>
          <h3>{t('rec.recognitions')}</h3>
          <RecognitionList items={s.recognitions} />
        </>
      )}
      <h3>{t('rec.badges')}</h3>
      <BadgeList badges={s.badges} />
      {next && <p className="muted small">{t('rec.nextBadge', { name: t(badgeName(next.id)), have: next.have, need: next.need })}</p>}
      {s.unverifiedRecognitions > 0 && <p className="notice notice-warning small">{t('rec.unverified', { count: s.unverifiedRecognitions })}</p>}
    </section>
  );
}
