import type { NextStep } from '../../../../electron/contract';
import { articleHref, href } from '../../app/route';
import { useI18n } from '../../i18n/i18n';
import { titleIn } from '../../i18n/localTitle';
import { DueBadge } from './DueBadge';
import { quizHref } from './format';

/** Where each next step is done: the article, the quiz, or the onboarding page for tasks and sign-offs. */
const hrefOf = (n: NextStep) =>
  n.type === 'read' && n.articleId ? articleHref(n.articleId) : n.type === 'quiz' ? quizHref(n.trackId, n.stepId) : href({ name: 'onboarding' });

export function NextSteps({ steps, today }: { steps: NextStep[]; today: string }) {
  const { t, locale } = useI18n();
  if (steps.length === 0) return <p className="muted small">{t('onb.nothingNext')}</p>;
  return (
    <ul className="next-steps">
      {steps.map((n) => (
        <li key={n.trackId + n.stepId}>
          <a href={hrefOf(n)}>{titleIn(locale, n)}</a>
          <span className="next-meta">
            <span className="badge">{t(`onb.type.${n.type}`)}</span>
            {n.reread ? <span className="badge badge-soon">{t('onb.reread')}</span> : <DueBadge today={today} dueDate={n.dueDate} complete={false} />}
          </span>
        </li>
      ))}
    </ul>
  );
}
