import { useState } from 'react';
import { EditGate } from '../components/editor/EditGate';
import { api } from '../api';
import { PageState } from '../components/PageState';
import { DashboardTable } from '../components/onboarding/DashboardTable';
import { ExchangeBar } from '../components/onboarding/ExchangeBar';
import { LearnerDetail } from '../components/onboarding/LearnerDetail';
import { TeamBoardPanel } from '../components/recognition/TeamBoardPanel';
import { useI18n } from '../i18n/i18n';
import { useRoleName } from '../i18n/useRoleName';
import { useSession } from '../state/session';
import { useLoad } from '../state/useLoad';
import { editHref, href } from '../app/route';
import { AckReportSection } from '../components/acknowledge/AckReportSection';
import { ReviewQueueCard } from '../components/acknowledge/ReviewQueueCard';
import { ChartsAhead } from '../components/charts/ChartsAhead';
import { ChartsView } from '../components/charts/ChartsView';
import { prefetchCharts } from '../components/charts/prefetch';

// The chart library is loaded only once a trainer's dashboard has drawn: no one else pays for it at start-up.

/**
 * The trainer dashboard. It shows everyone's progress, so it opens for a trainer profile only; the
 * sign-off itself still asks for the trainer's PIN.
 */
export function TrainerPage({ profileId, onPickProfile }: { profileId: string | null; onPickProfile: () => void }) {
  const { t } = useI18n();
  const { profile } = useSession();
  if (!profile?.trainer) {
    return (
      <section className="page">
        <h1>{t('nav.trainer')}</h1>
        <div className="notice">
          <p>{t('trainer.onlyTrainers')}</p>
          <button type="button" className="primary" onClick={onPickProfile}>{t('profile.switch')}</button>
        </div>
      </section>
    );
  }
  // Everyone's records: only behind the trainer's unlocked session.
  return <EditGate onPickProfile={onPickProfile}>{(token) => (profileId ? <LearnerDetail profileId={profileId} /> : <Dashboard token={token} />)}</EditGate>;
}

function Dashboard({ token }: { token: string }) {
  const { t } = useI18n();
  const { roles } = useSession();
  const roleName = useRoleName();
  const [role, setRole] = useState('');
  const [view, setView] = useState<'progress' | 'charts' | 'board'>('progress');
  const [state, retry] = useLoad(() => (view === 'progress' ? api.getDashboard({ token, ...(role ? { role } : {}) }) : Promise.resolve(null)), [role, token, view]);
  const views = [['progress', t('trainer.viewProgress')], ['charts', t('trainer.viewCharts')], ['board', t('trainer.viewBoard')]] as const;
  const [acks] = useLoad(() => api.getAcknowledgementReport({ token }), [token]);
  return (
    <section className="page trainer">
      <h1>{t('trainer.title')}</h1>
      <div className="trainer-toolbar">
        <label className="facet">
          {t('trainer.filterRole')}
          <select value={role} onChange={(e) => setRole(e.target.value)} data-testid="role-filter">
            <option value="">{t('library.any')}</option>
            {roles.map((r) => <option key={r.id} value={r.id}>{roleName(r.id)}</option>)}
          </select>
        </label>
        <ExchangeBar token={token} onImported={retry} />
        <a className="button" href={editHref('')}>{t('content.title')}</a> <a className="button" href={href({ name: 'health' })}>{t('health.title')}</a>
      </div>
      <div className="trainer-views" role="group" aria-label={t('trainer.views')}>
        {/* The charts' request leaves with the click, while the page swaps the views. */}
        {views.map(([id, label]) => <button key={id} type="button" aria-pressed={view === id} onClick={() => { if (id === 'charts' && view !== 'charts') prefetchCharts(token, role); setView(id); }} data-testid={`view-${id}`}>{label}</button>)}
      </div>
      {view === 'charts' && <ChartsView token={token} role={role} />}
      {view === 'board' && <TeamBoardPanel token={token} />}
      {view === 'progress' && <PageState state={state} retry={retry}>
        {(d) => d && (
          <>
            <p className="muted small">{t('trainer.summary', { learners: new Set(d.rows.map((r) => r.profileId)).size, behind: d.behind, today: d.today })}
              {acks.status === 'ready' && acks.data.overdue > 0 && <> · <span className="overdue" data-testid="ack-behind">{t('ack.behind', { count: acks.data.overdue })}</span></>}</p>
            <DashboardTable rows={d.rows} />
            <ChartsAhead token={token} role={role} />
            <AckReportSection token={token} state={acks} />
            <ReviewQueueCard token={token} />
          </>
        )}
      </PageState>}
    </section>
  );
}
