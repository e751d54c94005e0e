import { withToken } from '../state/profileSession';
import { api } from '../api';
import { ArticleLinkList } from '../components/ArticleLinkList';
import { MyTrackCard } from '../components/onboarding/MyTrackCard';
import { RoleShortcuts } from '../components/RoleShortcuts';
import { MyRecognitionCard } from '../components/recognition/MyRecognitionCard';
import { HomeTeamBoard } from '../components/recognition/HomeTeamBoard';
import { useProgress } from '../components/onboarding/useProgress';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../state/session';
import { useLoad } from '../state/useLoad';
import { editHref, href } from '../app/route';
import { PendingAcksCard } from '../components/acknowledge/PendingAcksCard';
import { ReviewQueueCard } from '../components/acknowledge/ReviewQueueCard';
import { useEditSession } from '../components/editor/editSession';

function TrainerDeskCard() {
  const { t } = useI18n();
  return (
    <div className="card my-track" data-testid="trainer-desk">
      <h2>{t('home.trainerDesk')}</h2>
      <p className="muted">{t('home.trainerDeskHint')}</p>
      <p className="button-row">
        <a className="button primary" href={href({ name: 'trainer', profileId: null })}>{t('home.openDashboard')}</a>
        <a className="button" href={editHref('')}>{t('home.openContent')}</a>
      </p>
    </div>
  );
}

export function HomePage({ onPickProfile }: { onPickProfile: () => void }) {
  const { t, locale } = useI18n();
  const { profile, profileReady: ready, info } = useSession();
  const [reading] = useLoad(() => (profile ? withToken(profile.id, (token) => api.getReadingList({ token, profileId: profile.id })) : Promise.resolve(null)), [profile?.id, ready]);
  const [stale] = useLoad(() => api.listArticles({ sort: 'review' }), []);
  const { progress } = useProgress(profile?.id ?? null);
  const { token: trainerToken } = useEditSession();
  const packName = locale === 'en' && info.pack.nameEn ? info.pack.nameEn : info.pack.name;
  const staleArticles = stale.status === 'ready' ? stale.data.articles.filter((a) => a.needsReview).slice(0, 6) : [];
  return (
    <section className="page home">
      <header className="hero">
        <h1>{profile ? t('home.welcome', { name: profile.name }) : t('home.welcomeGuest')}</h1>
        <p className="muted">{packName} · {t('home.packSummary', { articles: info.counts.articles, roles: info.counts.roles, tracks: info.counts.tracks })}</p>
        {!profile && (
          <p>
            {t('home.pickProfile')}{' '}
            <button type="button" className="primary" onClick={onPickProfile}>{t('profile.choose')}</button>
          </p>
        )}
        {info.counts.problems > 0 && <p className="notice notice-warning">{t('home.problems', { count: info.counts.problems })}</p>}
      </header>
      <div className="home-grid">
        {/* A trainer is not a new hire: their role's track (with its due dates) shows only once they take part in it. */}
        {profile?.trainer && !progress?.completed.length ? <TrainerDeskCard /> : profile && progress && progress.tracks.length > 0 && <MyTrackCard progress={progress} />}
        <div className="card-grid">
          <PendingAcksCard />
          {trainerToken && <ReviewQueueCard token={trainerToken} />}
          {profile && !profile.trainer && <MyRecognitionCard profileId={profile.id} />}
          {profile && <HomeTeamBoard profileId={profile.id} />}
          {profile && reading.status === 'ready' && reading.data && (
            <>
              <div className="card">
                <h2>{t('home.recent')}</h2>
                <ArticleLinkList items={reading.data.recent.slice(0, 8)} empty={t('home.noRecent')} />
              </div>
              <div className="card">
                <h2>{t('home.bookmarks')}</h2>
                <ArticleLinkList items={reading.data.bookmarks} empty={t('home.noBookmarks')} />
              </div>
            </>
          )}
          <RoleShortcuts />
          {staleArticles.length > 0 && (
            <div className="card">
              <h2>{t('home.needsReview')}</h2>
              <p className="muted small">{t('home.needsReviewHint')}</p>
              <ArticleLinkList items={staleArticles} empty="" />
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
