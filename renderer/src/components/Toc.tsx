import { useEffect, useState } from 'react';
import type { TocEntry } from '../../../electron/contract';
import { useI18n } from '../i18n/i18n';
import { anchorId } from '../markdown/sanitize';

/** Table of contents; the section being read is highlighted, so long SOPs keep their bearings. */
export function Toc({ entries }: { entries: TocEntry[] }) {
  const { t } = useI18n();
  const [active, setActive] = useState<string | null>(null);
  useEffect(() => {
    if (entries.length < 2) return;
    let frame = 0;
    // The section being read is the last heading above the upper third of the window.
    const update = () => {
      frame = 0;
      let current: string | null = null;
      for (const e of entries) {
        const el = document.getElementById(anchorId(e.anchor));
        if (el && el.getBoundingClientRect().top < window.innerHeight * 0.35) current = e.anchor;
      }
      setActive(current);
    };
    const onScroll = () => { if (!frame) frame = requestAnimationFrame(update); };
    // Capture: the page scrolls inside <main>, whose scroll events do not bubble to window.
    window.addEventListener('scroll', onScroll, { capture: true, passive: true });
    update();
    return () => {
      window.removeEventListener('scroll', onScroll, { capture: true });
      if (frame) cancelAnimationFrame(frame);
    };
  }, [entries]);
  if (entries.length < 2) return null;
  return (
    <nav className="toc" aria-label={t('article.toc')}>
      <h2 className="small-heading">{t('article.toc')}</h2>
      <ul>
        {entries.map((e) => (
          <li key={e.anchor} className={`toc-depth-${e.depth}`}>
            <a
              href={`#${e.anchor}`}
              aria-current={active === e.anchor ? 'location' : undefined}
              onClick={(ev) => {
                ev.preventDefault();
                const target = document.getElementById(anchorId(e.anchor));
                target?.scrollIntoView({ behavior: 'smooth' });
                setActive(e.anchor);
              }}
            >
              {e.text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
