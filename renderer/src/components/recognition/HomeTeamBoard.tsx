import { api } from '../../api';
import { useI18n } from '../../i18n/i18n';
import { withToken } from '../../state/profileSession';
import { useSession } from '../../state/session';
import { useLoad } from '../../state/useLoad';
import { TeamBoardView } from './TeamBoardView';

/** Home: the team board, only once a trainer has turned it on (off, it shows nothing). */
export function HomeTeamBoard({ profileId }: { profileId: string }) {
  const { t } = useI18n();
  const { profileReady, settings } = useSession();
  // Asked only when Settings say it is on: off, the core would refuse a learner (and that is no error to show).
  const [state] = useLoad(() => (settings.teamBoard ? withToken(profileId, (token) => api.getTeamBoard({ token })) : Promise.resolve(null)), [profileId, profileReady, settings.teamBoard]);
  if (state.status !== 'ready' || !state.data?.enabled) return null;
  return (
    <section className="card" aria-labelledby="home-board-title">
      <h2 id="home-board-title">{t('board.title')}</h2>
      <TeamBoardView board={state.data} />
    </section>
  );
}
