import type { ArticleSummary } from '../../../electron/contract';
import { useI18n } from '../i18n/i18n';
import { Icon } from './Icon';

export function ReviewBadge({ article }: { article: Pick<ArticleSummary, 'needsReview' | 'reviewDue'> }) {
  const { t } = useI18n();
  if (!article.needsReview) return null;
  return (
    <span className="badge badge-review" title={t('article.reviewDueOn', { date: article.reviewDue ?? '' })}>
      <Icon name="warning" size={14} />
      {t('article.needsReview')}
    </span>
  );
}
