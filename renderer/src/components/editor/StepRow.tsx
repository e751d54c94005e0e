import type { ArticleSummary, StepType, TrackStepDraft } from '../../../../electron/contract';
import { useI18n } from '../../i18n/i18n';
import type { StepPos } from './reorder';

interface Props {
  step: TrackStepDraft;
  pos: StepPos;
  articles: ArticleSummary[];
  quizzes: Array<{ id: string; title: string }>;
  canUp: boolean;
  canDown: boolean;
  onChange(step: TrackStepDraft): void;
  onMove(dir: -1 | 1): void;
  onRemove(): void;
  onDropHere(from: StepPos): void;
}

const TYPES: StepType[] = ['read', 'task', 'quiz', 'signoff'];

/** One step: drag it by the handle, or move it with the buttons (keyboard users). */
export function StepRow({ step, pos, articles, quizzes, canUp, canDown, onChange, onMove, onRemove, onDropHere }: Props) {
  const { t } = useI18n();
  const set = (patch: Partial<TrackStepDraft>) => onChange({ ...step, ...patch });
  const name = step.title || step.id;
  return (
    <li
      className="step-row"
      draggable
      onDragStart={(e) => { e.dataTransfer.setData('application/x-handbook-step', JSON.stringify(pos)); e.dataTransfer.effectAllowed = 'move'; }}
      onDragOver={(e) => { if (e.dataTransfer.types.includes('application/x-handbook-step')) { e.preventDefault(); e.currentTarget.classList.add('drop-target'); } }}
      onDragLeave={(e) => e.currentTarget.classList.remove('drop-target')}
      onDrop={(e) => { e.preventDefault(); e.currentTarget.classList.remove('drop-target'); onDropHere(JSON.parse(e.dataTransfer.getData('application/x-handbook-step'))); }}
      data-testid={`step-${step.id}`}
      data-step-pos={`${pos.phase}-${pos.index}`}
    >
      <span className="drag-handle" aria-hidden="true" title={t('trackEditor.drag')}>⠿</span>
      <select aria-label={t('trackEditor.stepType')} value={step.type} onChange={(e) => set({ type: e.target.value as StepType })}>
        {TYPES.map((x) => <option key={x} value={x}>{t(`trackEditor.type.${x}` as 'trackEditor.type.read')}</option>)}
      </select>
      {step.type === 'read' && (
        <select aria-label={t('trackEditor.article')} value={step.article ?? ''} onChange={(e) => set({ article: e.target.value })} className="step-ref" data-testid="step-article">
          <option value="">{t('trackEditor.pickArticle')}</option>
          {articles.map((a) => <option key={a.id} value={a.id}>{a.title} · {a.id}</option>)}
        </select>
      )}
      {step.type === 'quiz' && (
        <select aria-label={t('trackEditor.quiz')} value={step.quiz ?? ''} onChange={(e) => set({ quiz: e.target.value })} className="step-ref">
          <option value="">{t('trackEditor.pickQuiz')}</option>
          {quizzes.map((q) => <option key={q.id} value={q.id}>{q.title} · {q.id}</option>)}
        </select>
      )}
      {/* The two titles stacked, so every row keeps one line whatever its type. */}
      <span className="step-titles">
        <input
          aria-label={t('trackEditor.stepTitle')} className="step-title" value={step.title ?? ''}
          placeholder={step.type === 'read' || step.type === 'quiz' ? t('trackEditor.titleOptional') : t('trackEditor.titleRequired')}
          onChange={(e) => set({ title: e.target.value })}
        />
        <input
          aria-label={t('trackEditor.stepTitleEn')} className="step-title-en" value={step.titleEn ?? ''} maxLength={300} lang="en"
          placeholder={t('trackEditor.titleEnOptional')}
          onChange={(e) => set({ titleEn: e.target.value })}
        />
      </span>
      <input aria-label={t('trackEditor.stepId')} className="step-id" value={step.id} onChange={(e) => set({ id: e.target.value })} />
      <label className="chip">
        <input type="checkbox" checked={step.required} onChange={(e) => set({ required: e.target.checked })} />
        {t('trackEditor.required')}
      </label>
      <span className="row-buttons">
        <button type="button" className="ghost move-up" disabled={!canUp} onClick={() => onMove(-1)} aria-label={t('trackEditor.moveUp', { name })}>↑</button>
        <button type="button" className="ghost move-down" disabled={!canDown} onClick={() => onMove(1)} aria-label={t('trackEditor.moveDown', { name })}>↓</button>
        <button type="button" className="ghost" onClick={onRemove} aria-label={t('trackEditor.remove', { name })}>✕</button>
      </span>
    </li>
  );
}
