import { api } from '../../api';
import { useI18n } from '../../i18n/i18n';
import { withToken } from '../../state/profileSession';
import { useLoad } from '../../state/useLoad';
import { RecognitionList } from './RecognitionList';

/** The certificate names the learner's recognitions (verified ones only, as everywhere). */
export function CertificateRecognitions({ profileId }: { profileId: string }) {
  const { t } = useI18n();
  const [state] = useLoad(() => withToken(profileId, (token) => api.getRecognition({ token, profileId })), [profileId]);
  if (state.status !== 'ready' || !state.data.recognitions.length) return null;
  return (
    <div className="cert-recognitions">
      <h2>{t('cert.recognitions')}</h2>
      <RecognitionList items={state.data.recognitions} />
    </div>
  );
}
