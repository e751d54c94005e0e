import type { TeamBoard } from '../../../../electron/contract';
import { useI18n } from '../../i18n/i18n';
import { useRoleName } from '../../i18n/useRoleName';

/** This month's points by role: one small table per role, most points first. */
export function TeamBoardView({ board }: { board: TeamBoard }) {
  const { t } = useI18n();
  const roleName = useRoleName();
  if (!board.roles.length) return <p className="muted">{t('board.empty')}</p>;
  return (
    <div className="team-board" data-testid="team-board">
      <p className="muted small">{t('board.month', { month: board.month })}</p>
      <div className="team-board-roles">
        {board.roles.map((r) => (
          <table key={r.roleId} className="data-table board-table">
            <caption>{t('board.caption', { role: roleName(r.roleId), points: r.points })}</caption>
            <thead><tr><th scope="col">{t('board.person')}</th><th scope="col" className="num">{t('board.points')}</th><th scope="col" className="num">{t('board.badges')}</th></tr></thead>
            <tbody>
              {r.people.map((p) => <tr key={p.profileId}><th scope="row">{p.name}</th><td className="num">{p.points}</td><td className="num">{p.badges}</td></tr>)}
            </tbody>
          </table>
        ))}
      </div>
      <p className="muted small" data-testid="board-legend">{t('board.legend', board.pointValues)}</p>
    </div>
  );
}
