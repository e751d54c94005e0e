import { PageState } from '../components/PageState';
import { SavePdfButton } from '../components/onboarding/SavePdfButton';
import { formatDay } from '../components/onboarding/format';
import { useProgress } from '../components/onboarding/useProgress';
import { useI18n } from '../i18n/i18n';
import { titleIn } from '../i18n/localTitle';
import { useRoleName } from '../i18n/useRoleName';
import { useSession } from '../state/session';
import { href } from '../app/route';
import { CertificateRecognitions } from '../components/recognition/CertificateRecognitions';

/**
 * A certificate for a completed track, laid out for A4 (see the print rules in onboarding.css):
 * the browser's print dialog, or Electron's "save as PDF", gives a clean page.
 */
export function CertificatePage({ trackId, profileId }: { trackId: string; profileId: string | null }) {
  const { t, locale } = useI18n();
  const { profile, profiles, info } = useSession();
  const roleName = useRoleName();
  const learner = profiles.find((p) => p.id === (profileId ?? profile?.id));
  const { state, reload } = useProgress(learner?.id ?? null);
  if (!learner) return <section className="page"><p className="notice">{t('home.pickProfile')}</p></section>;
  const date = formatDay;
  return (
    <section className="page certificate-page">
      <PageState state={state} retry={reload}>
        {(p) => {
          const track = p.tracks.find((tr) => tr.trackId === trackId);
          if (!track?.complete) {
            return (
              <div className="notice">
                <p>{t('cert.notYet', { percent: track?.percent ?? 0 })}</p>
                <a className="button" href={href({ name: 'onboarding' })}>{t('onb.backToTrack')}</a>
              </div>
            );
          }
          const steps = track.phases.flatMap((ph) => ph.steps);
          const signoffs = steps.filter((s) => s.signedBy);
          const quizzes = steps.filter((s) => s.quiz?.passed);
          return (
            <>
              <div className="certificate-actions no-print">
                <button type="button" className="primary" onClick={() => window.print()} data-testid="print">{t('cert.print')}</button>
                <SavePdfButton fileName={`${learner.name}-${trackId}`} />
                <span className="muted small">{t('cert.printHint')}</span>
              </div>
              <article className="certificate" data-testid="certificate">
                <p className="cert-pack">{locale === 'en' && info.pack.nameEn ? info.pack.nameEn : info.pack.name}</p>
                <h1 className="cert-title">{t('cert.title')}</h1>
                <p className="cert-lead">{t('cert.awardedTo')}</p>
                <p className="cert-name">{learner.name}</p>
                <p className="cert-lead">{t('cert.forCompleting')}</p>
                <p className="cert-track">{locale === 'en' ? track.titleEn : track.title}</p>
                <dl className="cert-facts">
                  <div><dt>{t('profile.role')}</dt><dd>{roleName(learner.roleId)}</dd></div>
                  <div><dt>{t('profile.startDate')}</dt><dd>{learner.startDate}</dd></div>
                  <div><dt>{t('cert.completedOn')}</dt><dd>{date(track.completedAt)}</dd></div>
                </dl>
                {(signoffs.length > 0 || quizzes.length > 0) && (
                  <table className="cert-table">
                    <thead><tr><th scope="col">{t('cert.item')}</th><th scope="col">{t('cert.result')}</th><th scope="col">{t('cert.date')}</th></tr></thead>
                    <tbody>
                      {quizzes.map((s) => <tr key={s.id}><td>{titleIn(locale, s)}</td><td>{t('cert.quizScore', { score: s.quiz!.bestScore ?? 0 })}</td><td>{date(s.completedAt)}</td></tr>)}
                      {signoffs.map((s) => <tr key={s.id}><td>{titleIn(locale, s)}</td><td>{t('cert.signedBy', { name: s.signedBy!.name })}</td><td>{date(s.completedAt)}</td></tr>)}
                    </tbody>
                  </table>
                )}
                <CertificateRecognitions profileId={learner.id} />
                <div className="cert-signatures">
                  <div><span className="cert-line" />{t('cert.trainerSignature')}</div>
                  <div><span className="cert-line" />{t('cert.learnerSignature')}</div>
                </div>
              </article>
            </>
          );
        }}
      </PageState>
    </section>
  );
}
