import type { SourceRef } from '../../../../electron/contract';
import { articleHref } from '../../app/route';
import { useI18n } from '../../i18n/i18n';

/** Opens the article at the section the question tests (`#/article/<id>?section=<anchor>`). */
export function SourceLink({ source }: { source: SourceRef }) {
  const { t } = useI18n();
  const href = articleHref(source.articleId) + (source.anchor ? '?section=' + encodeURIComponent(source.anchor) : '');
  return <p className="small">{t('quiz.source')} <a href={href}>{source.title ?? source.articleId}{source.anchor ? ` § ${source.anchor}` : ''}</a></p>;
}
