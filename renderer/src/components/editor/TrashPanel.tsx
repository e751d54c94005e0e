import { errorText } from '../../i18n/errorText';
import { useState } from 'react';
import { api } from '../../api';
import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../../state/useLoad';
import { PageState } from '../PageState';

/** Deleted articles, tracks and quizzes, with who deleted them and when; one click puts them back. */
export function TrashPanel({ token, onRestored }: { token: string; onRestored(): void }) {
  const { t } = useI18n();
  const [state, reload] = useLoad(() => api.listTrash({ token }), [token]);
  const [error, setError] = useState<string | null>(null);
  const restore = async (id: string) => {
    setError(null);
    try {
      await api.restoreFromTrash({ token, trashId: id });
      reload();
      onRestored();
    } catch (err) {
      setError(errorText(err, t));
    }
  };
  return (
    <section className="card" aria-labelledby="trash-title">
      <h2 id="trash-title">{t('trash.title')}</h2>
      {error && <p className="notice notice-error" role="alert">{error}</p>}
      <PageState state={state} retry={reload}>
        {(list) => list.length === 0 ? <p className="muted small">{t('trash.empty')}</p> : (
          <ul className="plain-list">
            {list.map((e) => (
              <li key={e.id}>
                <span><strong>{e.title}</strong> <code className="small">{e.path}</code><br /><span className="muted small">{t('trash.deleted', { who: e.deletedBy, when: new Date(e.deletedAt).toLocaleString() })}</span></span>
                <button type="button" className="small" onClick={() => restore(e.id)}>{t('trash.restore')}</button>
              </li>
            ))}
          </ul>
        )}
      </PageState>
    </section>
  );
}
