import type { ArticleSummary } from '../../../electron/contract';
import { articleHref } from '../app/route';
import { useI18n } from '../i18n/i18n';
import { ReviewBadge } from './ReviewBadge';

export function ArticleCard({ article, roleName }: { article: ArticleSummary; roleName: (id: string) => string }) {
  const { t } = useI18n();
  return (
    <a className="article-card" href={articleHref(article.id)}>
      <span className="article-card-title">
        {article.title}
        {article.status !== 'published' && <span className={`badge badge-${article.status}`}>{t(`status.${article.status}`)}</span>}
        <ReviewBadge article={article} />
      </span>
      {article.summary && <span className="article-card-summary">{article.summary}</span>}
      <span className="article-card-meta">
        {article.roles.map(roleName).join(' · ')}
        {article.owner && <> · {article.owner}</>}
        {article.tags.length > 0 && <> · {article.tags.map((x) => '#' + x).join(' ')}</>}
      </span>
    </a>
  );
}
