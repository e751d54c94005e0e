import { api } from '../../api';
import { useI18n } from '../../i18n/i18n';
import { withToken } from '../../state/profileSession';
import { useLoad } from '../../state/useLoad';
import { BadgeList } from './BadgeList';
import { GiveRecognitionForm } from './GiveRecognitionForm';
import { RecognitionList } from './RecognitionList';

/** A learner's page, as the trainer sees it: their points, badges and recognitions, and the form to give one. */
export function LearnerRecognition({ profileId, learnerName }: { profileId: string; learnerName: string }) {
  const { t } = useI18n();
  const [state, reload] = useLoad(() => withToken(profileId, (token) => api.getRecognition({ token, profileId })), [profileId]);
  return (
    <section aria-labelledby="learner-rec-title" className="learner-recognition">
      <h2 id="learner-rec-title">{t('rec.recognitions')}</h2>
      {state.status === 'ready' && (
        <div className="card recognition-card">
          <p><strong>{t('rec.learnerPoints', { name: learnerName, points: state.data.points.total, badges: state.data.badges.length })}</strong></p>
          {state.data.recognitions.length > 0 && <RecognitionList items={state.data.recognitions} />}
          <BadgeList badges={state.data.badges} />
        </div>
      )}
      <GiveRecognitionForm profileId={profileId} learnerName={learnerName} onGiven={reload} />
    </section>
  );
}
