import { useLayoutEffect, useMemo, useRef, type MouseEvent } from 'react';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/i18n';
import { anchorId, sanitizeArticleHtml } from '../markdown/sanitize';
import { markMatches } from './search/markMatches';

const CALLOUTS = new Set(['note', 'tip', 'important', 'warning', 'caution', 'plain-text']);

/**
 * Sanitized markdown output. In-page anchors scroll instead of changing the hash route, and callout
 * titles are filled in the reader's language (the core leaves them empty: it does not know the UI
 * language, and the same pack is read in both). Words a search matched (`highlight`) are marked
 * and the first is scrolled into view; give the component a new `key` when they change.
 */
export function SafeHtml({ html, className, highlight = [] }: { html: string; className?: string; highlight?: string[] }) {
  const { t, locale } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const clean = useMemo(() => sanitizeArticleHtml(html), [html]);
  useLayoutEffect(() => {
    for (const el of ref.current?.querySelectorAll('.callout-title:not(.callout-title-custom)') ?? []) {
      const kind = el.parentElement?.getAttribute('data-callout') ?? '';
      el.textContent = CALLOUTS.has(kind) ? t(`callout.${kind}` as MessageKey) : '';
    }
    // A checklist box is named by its item's text, so a screen reader says what is (not) done.
    for (const box of ref.current?.querySelectorAll<HTMLInputElement>('li > input[type="checkbox"], li > p > input[type="checkbox"]') ?? []) {
      box.setAttribute('aria-label', (box.closest('li')?.textContent ?? '').trim().slice(0, 200));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [clean, locale]);
  useLayoutEffect(() => {
    if (ref.current && highlight.length) markMatches(ref.current, highlight)?.scrollIntoView({ block: 'center' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [clean]);
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const a = (e.target as HTMLElement).closest('a[data-anchor]');
    if (!a) return;
    e.preventDefault();
    document.getElementById(anchorId(a.getAttribute('data-anchor')!))?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };
  return <div ref={ref} className={className} onClick={onClick} dangerouslySetInnerHTML={{ __html: clean }} />;
}
