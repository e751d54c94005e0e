import type { SourceRef } from '../../../../electron/contract';
import { href } from '../../app/route';
import { useI18n } from '../../i18n/i18n';

/** Opens the article at the section the question tests (`#/article/<id>?section=<anchor>`). */
export function SourceLink({ source }: { source: SourceRef }) {
  const { t } = useI18n();
  const link = href({ name: 'article', id: source.articleId, query: source.anchor ? { section: source.anchor } : undefined });
  // The heading as people read it (“2. 处理步骤”), never its anchor (“2-处理步骤”).
  const section = source.heading ?? null;
  return <p className="small">{t('quiz.source')} <a href={link}>{source.title ?? source.articleId}{section ? ` § ${section}` : ''}</a></p>;
}
