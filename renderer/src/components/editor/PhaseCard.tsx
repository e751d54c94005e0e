import type { ArticleSummary, TrackPhaseDraft, TrackStepDraft } from '../../../../electron/contract';
import { useI18n } from '../../i18n/i18n';
import type { StepPos } from './reorder';
import { StepRow } from './StepRow';

interface Props {
  phase: TrackPhaseDraft;
  index: number;
  count: number;
  articles: ArticleSummary[];
  quizzes: Array<{ id: string; title: string }>;
  isFirstStep(pos: StepPos): boolean;
  isLastStep(pos: StepPos): boolean;
  onChange(phase: TrackPhaseDraft): void;
  onMovePhase(dir: -1 | 1): void;
  onRemovePhase(): void;
  onMoveStep(from: StepPos, dir: -1 | 1): void;
  onDropStep(from: StepPos, to: StepPos): void;
}

export function PhaseCard({ phase, index, count, articles, quizzes, isFirstStep, isLastStep, onChange, onMovePhase, onRemovePhase, onMoveStep, onDropStep }: Props) {
  const { t } = useI18n();
  const set = (patch: Partial<TrackPhaseDraft>) => onChange({ ...phase, ...patch });
  const setStep = (i: number, s: TrackStepDraft) => set({ steps: phase.steps.map((x, j) => (j === i ? s : x)) });
  const addStep = () => {
    const used = new Set(phase.steps.map((s) => s.id));
    let n = phase.steps.length + 1;
    while (used.has(`${phase.id}-step-${n}`)) n++;
    set({ steps: [...phase.steps, { id: `${phase.id}-step-${n}`, type: 'read', required: true }] });
  };
  return (
    <section className="card phase-card" aria-label={phase.title || t('trackEditor.phase', { n: index + 1 })}>
      <div className="phase-head">
        <label>{t('trackEditor.phaseTitle')}<input value={phase.title} onChange={(e) => set({ title: e.target.value })} /></label>
        <label>{t('trackEditor.phaseTitleEn')}<input value={phase.titleEn ?? ''} onChange={(e) => set({ titleEn: e.target.value })} /></label>
        <label className="narrow">{t('trackEditor.dueDay')}<input type="number" min={1} max={3650} value={phase.dueDay} onChange={(e) => set({ dueDay: Number(e.target.value) })} /></label>
        <label className="narrow">{t('trackEditor.phaseId')}<input value={phase.id} onChange={(e) => set({ id: e.target.value })} /></label>
        <span className="row-buttons">
          <button type="button" className="ghost" disabled={index === 0} onClick={() => onMovePhase(-1)} aria-label={t('trackEditor.moveUp', { name: phase.title })}>↑</button>
          <button type="button" className="ghost" disabled={index === count - 1} onClick={() => onMovePhase(1)} aria-label={t('trackEditor.moveDown', { name: phase.title })}>↓</button>
          <button type="button" className="ghost" onClick={onRemovePhase} aria-label={t('trackEditor.remove', { name: phase.title })}>✕</button>
        </span>
      </div>
      <ol
        className="step-list"
        onDragOver={(e) => { if (phase.steps.length === 0) e.preventDefault(); }}
        onDrop={(e) => { if (phase.steps.length === 0) { e.preventDefault(); onDropStep(JSON.parse(e.dataTransfer.getData('application/x-handbook-step')), { phase: index, index: 0 }); } }}
      >
        {phase.steps.map((s, i) => {
          const pos = { phase: index, index: i };
          return (
            <StepRow
              key={i} step={s} pos={pos} articles={articles} quizzes={quizzes}
              canUp={!isFirstStep(pos)} canDown={!isLastStep(pos)}
              onChange={(x) => setStep(i, x)} onMove={(dir) => onMoveStep(pos, dir)}
              onRemove={() => set({ steps: phase.steps.filter((_, j) => j !== i) })}
              onDropHere={(from) => onDropStep(from, pos)}
            />
          );
        })}
        {phase.steps.length === 0 && <li className="muted small empty-steps">{t('trackEditor.noSteps')}</li>}
      </ol>
      <button type="button" onClick={addStep} data-testid={`add-step-${index}`}>{t('trackEditor.addStep')}</button>
    </section>
  );
}
