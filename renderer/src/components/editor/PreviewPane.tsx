import { errorText } from '../../i18n/errorText';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { useI18n } from '../../i18n/i18n';
import { SafeHtml } from '../SafeHtml';
import { dropIfExpired } from './editSession';

/**
 * What readers will see: the server renders with the reader's own pipeline (links, images,
 * callouts), and SafeHtml sanitizes with the reader's sanitizer. Debounced so typing stays smooth.
 */
export function PreviewPane({ token, id, title, markdown }: { token: string; id: string; title: string; markdown: string }) {
  const { t } = useI18n();
  const [html, setHtml] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      api.previewMarkdown({ token, id, markdown }).then(
        (p) => { if (live) { setHtml(p.html); setError(null); } },
        (err) => { dropIfExpired(err); if (live) setError(errorText(err, t)); },
      );
    }, 250);
    return () => { live = false; clearTimeout(timer); };
  }, [token, id, markdown]);
  return (
    <section className="preview-pane" aria-label={t('editor.preview')}>
      <article className="article" lang="zh-CN">
        <h1>{title || t('editor.untitled')}</h1>
        {error ? <p className="notice notice-error">{error}</p> : <SafeHtml className="prose" html={html} />}
      </article>
    </section>
  );
}
