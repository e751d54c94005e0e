import { useEffect, useState } from 'react';
import type { SearchStatus } from '../../../../electron/contract';
import { api } from '../../api';
import { useI18n } from '../../i18n/i18n';

/** While the index builds, say how far it has got; say nothing once it is ready. */
export function IndexStatus() {
  const { t } = useI18n();
  const [status, setStatus] = useState<SearchStatus | null>(null);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout>;
    const poll = () => api.searchStatus({}).then((s) => {
      if (!live) return;
      setStatus(s);
      if (s.state === 'building' || s.state === 'idle') timer = setTimeout(poll, 400);
    }, () => {});
    poll();
    return () => { live = false; clearTimeout(timer); };
  }, []);
  if (!status || status.state === 'ready') return null;
  if (status.state === 'error') return <p className="notice notice-error" role="alert">{t('search.indexError', { message: status.error ?? '' })}</p>;
  const pct = status.total ? Math.floor((100 * status.done) / status.total) : 0;
  return (
    <div className="index-status" role="status">
      <span>{t('search.indexing', { done: status.done, total: status.total })}</span>
      <progress max={100} value={pct} aria-label={t('search.indexingLabel')} />
    </div>
  );
}
