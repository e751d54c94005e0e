import { useMemo, type MouseEvent } from 'react';
import { sanitizeArticleHtml } from '../markdown/sanitize';

/** Sanitized markdown output; in-page anchors scroll instead of changing the hash route. */
export function SafeHtml({ html, className }: { html: string; className?: string }) {
  const clean = useMemo(() => sanitizeArticleHtml(html), [html]);
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const a = (e.target as HTMLElement).closest('a[data-anchor]');
    if (!a) return;
    e.preventDefault();
    document.getElementById(a.getAttribute('data-anchor')!)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };
  return <div className={className} onClick={onClick} dangerouslySetInnerHTML={{ __html: clean }} />;
}
