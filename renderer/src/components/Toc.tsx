import type { TocEntry } from '../../../electron/contract';
import { useI18n } from '../i18n/i18n';

export function Toc({ entries }: { entries: TocEntry[] }) {
  const { t } = useI18n();
  if (entries.length < 2) return null;
  return (
    <nav className="toc" aria-label={t('article.toc')}>
      <h2 className="small-heading">{t('article.toc')}</h2>
      <ul>
        {entries.map((e) => (
          <li key={e.anchor} className={`toc-depth-${e.depth}`}>
            <a href={`#${e.anchor}`} onClick={(ev) => { ev.preventDefault(); document.getElementById(e.anchor)?.scrollIntoView({ behavior: 'smooth' }); }}>{e.text}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
