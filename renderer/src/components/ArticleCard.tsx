import type { ArticleSummary } from '../../../electron/contract';
import { articleHref } from '../app/route';
import { useI18n } from '../i18n/i18n';
import { ReviewBadge } from './ReviewBadge';

/** Roles shown on a card before "+N": more makes every card a wall of names. */
const ROLES_SHOWN = 3;

export function ArticleCard({ article, roleName, categoryName }: {
  article: ArticleSummary; roleName: (id: string) => string; categoryName: (id: string) => string;
}) {
  const { t } = useI18n();
  const extraRoles = article.roles.length - ROLES_SHOWN;
  return (
    <a className="article-card" href={articleHref(article.id)}>
      <span className="article-card-title">
        {article.title}
        {article.status !== 'published' && <span className={`badge badge-${article.status}`}>{t(`status.${article.status}`)}</span>}
        <ReviewBadge article={article} />
      </span>
      {article.summary && <span className="article-card-summary">{article.summary}</span>}
      <span className="article-card-meta">
        {article.category && <span className="article-card-category">{categoryName(article.category)}</span>}
        {article.owner && <span>{article.owner}</span>}
        {article.reviewed && <span>{t('library.reviewedOn', { date: article.reviewed })}</span>}
      </span>
      {article.roles.length > 0 && (
        <span className="article-card-roles">
          {article.roles.slice(0, ROLES_SHOWN).map((r) => <span key={r} className="chip">{roleName(r)}</span>)}
          {extraRoles > 0 && <span className="chip chip-more">{t('library.moreRoles', { count: extraRoles })}</span>}
        </span>
      )}
    </a>
  );
}
