import { useState } from 'react';
import { api } from '../../api';
import { useErrorText } from '../../i18n/errorText';
import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../../state/useLoad';
import { PageState } from '../PageState';
import { TeamBoardView } from './TeamBoardView';

/** The trainer's view of the board: a preview while it is off, and the switch that shows it to everyone. */
export function TeamBoardPanel({ token }: { token: string }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [state, reload] = useLoad(() => api.getTeamBoard({ token }), [token]);
  const [error, setError] = useState<string | null>(null);
  const toggle = async (enabled: boolean) => {
    setError(null);
    try {
      await api.setTeamBoard({ token, enabled });
      reload();
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <section aria-labelledby="board-title" className="trainer-section">
      <h2 id="board-title">{t('board.title')}</h2>
      <PageState state={state} retry={reload}>
        {(board) => (
          <>
            <div className="notice board-switch">
              <p>{board.enabled ? t('board.on') : t('board.off')}</p>
              <button type="button" className={board.enabled ? '' : 'primary'} onClick={() => toggle(!board.enabled)} data-testid="board-toggle">
                {board.enabled ? t('board.turnOff') : t('board.turnOn')}
              </button>
            </div>
            {error && <p className="notice notice-error" role="alert">{error}</p>}
            <TeamBoardView board={board} />
          </>
        )}
      </PageState>
    </section>
  );
}
