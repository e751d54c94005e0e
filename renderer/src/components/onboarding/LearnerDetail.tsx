import { useI18n } from '../../i18n/i18n';
import { useRoleName } from '../../i18n/useRoleName';
import { useSession } from '../../state/session';
import { PageState } from '../PageState';
import { TrackView } from './TrackView';
import { useProgress } from './useProgress';
import { LearnerRecognition } from '../recognition/LearnerRecognition';
import { href } from '../../app/route';

/** One learner as the trainer sees them: every step, read-only, with sign-off where it is due. */
export function LearnerDetail({ profileId }: { profileId: string }) {
  const { t } = useI18n();
  const { profiles } = useSession();
  const roleName = useRoleName();
  const learner = profiles.find((p) => p.id === profileId);
  const { state, setProgress, reload } = useProgress(profileId);
  return (
    <section className="page learner-detail">
      <p><a href={href({ name: 'trainer', profileId: null })}>← {t('trainer.back')}</a></p>
      <h1>{learner?.name ?? t('trainer.learner')}</h1>
      {learner && <p className="muted">{roleName(learner.roleId)} · {t('profile.startedOn', { date: learner.startDate })}</p>}
      <PageState state={state} retry={reload}>
        {(p) => (
          <>
            {p.tracks.length === 0 && <p className="notice">{t('onb.noTrack')}</p>}
            {p.tracks.map((tr) => (
              <TrackView key={tr.trackId} track={tr} today={p.today} profileId={profileId} learnerName={learner?.name ?? ''} onChange={setProgress} readOnly />
            ))}
            {learner && !learner.trainer && <LearnerRecognition profileId={profileId} learnerName={learner.name} />}
          </>
        )}
      </PageState>
    </section>
  );
}
