import { PageState } from '../components/PageState';
import { ExportMyProgress } from '../components/onboarding/ExportMyProgress';
import { NeedProfile } from '../components/onboarding/NeedProfile';
import { TrackView } from '../components/onboarding/TrackView';
import { useProgress } from '../components/onboarding/useProgress';
import { useI18n } from '../i18n/i18n';
import { useRoleName } from '../i18n/useRoleName';
import { useSession } from '../state/session';
import { href } from '../app/route';

/** The learner's track(s): phases with due dates, and every step done from here or from its article. */
export function OnboardingPage({ onPickProfile }: { onPickProfile: () => void }) {
  const { t } = useI18n();
  const { profile } = useSession();
  const roleName = useRoleName();
  const { state, setProgress, reload } = useProgress(profile?.id ?? null);
  if (!profile) return <NeedProfile title={t('nav.onboarding')} onPickProfile={onPickProfile} />;
  return (
    <section className="page onboarding">
      <h1>{t('nav.onboarding')}</h1>
      <p className="muted">{t('onb.intro', { name: profile.name, role: roleName(profile.roleId), date: profile.startDate })}</p>
      <p><a href={href({ name: 'mistakes' })} data-testid="mistakes-link">{t('mistakes.open')}</a></p>
      <PageState state={state} retry={reload}>
        {(p) => (
          <>
            {p.tracks.length === 0 && <p className="notice">{t('onb.noTrack')}</p>}
            {p.tracks.map((tr) => (
              <TrackView key={tr.trackId} track={tr} today={p.today} profileId={profile.id} learnerName={profile.name} onChange={setProgress} />
            ))}
            <ExportMyProgress profileId={profile.id} />
          </>
        )}
      </PageState>
    </section>
  );
}
