import type { SearchHit } from '../../../../electron/contract';
import { useI18n } from '../../i18n/i18n';
import { Highlighted } from './Highlighted';
import { hitHref } from './hitHref';

export function SearchHitItem({ hit, query, active, id }: { hit: SearchHit; query: string; active?: boolean; id?: string }) {
  const { t } = useI18n();
  return (
    <a className={active ? 'search-hit active' : 'search-hit'} href={hitHref(hit, query)} id={id} role={id ? 'option' : undefined} aria-selected={id ? active : undefined}>
      <span className="search-hit-title">
        <Highlighted text={hit.title} ranges={hit.titleHighlights} />
        {hit.kind !== 'article' && <span className="badge">{t(hit.kind === 'role' ? 'search.kindRole' : 'search.kindTrack')}</span>}
      </span>
      {hit.snippet && <span className="search-hit-snippet"><Highlighted text={hit.snippet} ranges={hit.highlights} /></span>}
    </a>
  );
}
