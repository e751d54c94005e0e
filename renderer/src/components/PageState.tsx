import { errorText } from '../i18n/errorText';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import type { Loaded } from '../state/useLoad';

/** Shows loading and error states the same way everywhere; renders children once data is there. */
export function PageState<T>({ state, retry, children }: { state: Loaded<T>; retry?: () => void; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  if (state.status === 'loading') return <p className="muted" role="status">{t('common.loading')}</p>;
  if (state.status === 'error') {
    return (
      <div className="notice notice-error" role="alert">
        <p>{t('common.error', { message: errorText(state.error, t) })}</p>
        {retry && <button type="button" onClick={retry}>{t('common.retry')}</button>}
      </div>
    );
  }
  return <>{children(state.data)}</>;
}
