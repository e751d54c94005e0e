import type { PhaseProgress, Progress, StepProgress } from '../../../../electron/contract';
import { useI18n } from '../../i18n/i18n';
import { DueBadge } from './DueBadge';
import { StepItem } from './StepItem';

interface Props {
  phase: PhaseProgress; today: string; trackId: string; profileId: string;
  onChange: (p: Progress) => void; onSignoff: (step: StepProgress) => void; readOnly?: boolean;
}

export function PhaseSection({ phase, today, trackId, profileId, onChange, onSignoff, readOnly }: Props) {
  const { t, locale } = useI18n();
  const title = locale === 'en' ? phase.titleEn : phase.title;
  return (
    <section className={`phase${phase.overdue ? ' phase-overdue' : ''}`} aria-labelledby={`phase-${phase.id}`} data-testid={`phase-${phase.id}`}>
      <header className="phase-header">
        <h2 id={`phase-${phase.id}`}>{title}</h2>
        <span className="muted small">{t('onb.phaseCount', { done: phase.done, total: phase.total })}</span>
        <span className="muted small">{t('onb.dueOn', { date: phase.dueDate, day: phase.dueDay })}</span>
        <DueBadge today={today} dueDate={phase.dueDate} complete={phase.complete} />
      </header>
      <ol className="steps">
        {phase.steps.map((s) => (
          <StepItem key={s.id} step={s} trackId={trackId} profileId={profileId} onChange={onChange} onSignoff={onSignoff} readOnly={readOnly} />
        ))}
      </ol>
    </section>
  );
}
