import type { ArticleSummary, QuizQuestionDraft, QuizSourceState } from '../../../../electron/contract';
import { useI18n } from '../../i18n/i18n';

interface Props {
  q: QuizQuestionDraft;
  index: number;
  count: number;
  state: QuizSourceState['state'] | undefined;
  articles: ArticleSummary[];
  onChange(q: QuizQuestionDraft): void;
  onMove(dir: -1 | 1): void;
  onRemove(): void;
}

/** One question: prompt, options with the right answer(s) marked, explanation and the section it tests. */
export function QuestionCard({ q, index, count, state, articles, onChange, onMove, onRemove }: Props) {
  const { t } = useI18n();
  const set = (patch: Partial<QuizQuestionDraft>) => onChange({ ...q, ...patch });
  const answers = Array.isArray(q.answer) ? q.answer : typeof q.answer === 'number' ? [q.answer] : [];
  const toggle = (i: number) => {
    if (q.type === 'single') return set({ answer: i });
    set({ answer: answers.includes(i) ? answers.filter((a) => a !== i) : [...answers, i].sort((a, b) => a - b) });
  };
  const setType = (type: QuizQuestionDraft['type']) =>
    set({ type, answer: type === 'truefalse' ? true : type === 'multiple' ? answers : answers[0] ?? 0, options: type === 'truefalse' ? [] : q.options.length ? q.options : ['', ''] });
  const removeOption = (i: number) =>
    set({ options: q.options.filter((_, j) => j !== i), answer: q.type === 'single' ? Math.max(0, (answers[0] ?? 0) - (i < (answers[0] ?? 0) ? 1 : 0)) : answers.filter((a) => a !== i).map((a) => (a > i ? a - 1 : a)) });
  const [sourceArticle, sourceAnchor = ''] = (q.source ?? '').split('#');
  const name = q.prompt.slice(0, 20) || q.id;
  return (
    <section className="card question-card" aria-label={t('quizEditor.question', { n: index + 1 })}>
      <div className="phase-head">
        <strong>{t('quizEditor.question', { n: index + 1 })}</strong>
        <label className="narrow">{t('quizEditor.id')}<input value={q.id} onChange={(e) => set({ id: e.target.value })} /></label>
        <label className="narrow">
          {t('quizEditor.type')}
          <select value={q.type} onChange={(e) => setType(e.target.value as QuizQuestionDraft['type'])}>
            <option value="single">{t('quizEditor.single')}</option>
            <option value="multiple">{t('quizEditor.multiple')}</option>
            <option value="truefalse">{t('quizEditor.truefalse')}</option>
          </select>
        </label>
        <span className="row-buttons">
          <button type="button" className="ghost" disabled={index === 0} onClick={() => onMove(-1)} aria-label={t('trackEditor.moveUp', { name })}>↑</button>
          <button type="button" className="ghost" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={t('trackEditor.moveDown', { name })}>↓</button>
          <button type="button" className="ghost" onClick={onRemove} aria-label={t('trackEditor.remove', { name })}>✕</button>
        </span>
      </div>
      <label className="fm-wide">{t('quizEditor.prompt')}<textarea rows={2} value={q.prompt} onChange={(e) => set({ prompt: e.target.value })} /></label>
      {q.type === 'truefalse' ? (
        <fieldset className="options">
          <legend>{t('quizEditor.correct')}</legend>
          <label className="chip"><input type="radio" checked={q.answer === true} onChange={() => set({ answer: true })} />{t('quizEditor.true')}</label>
          <label className="chip"><input type="radio" checked={q.answer === false} onChange={() => set({ answer: false })} />{t('quizEditor.false')}</label>
        </fieldset>
      ) : (
        <fieldset className="options">
          <legend>{t(q.type === 'single' ? 'quizEditor.optionsSingle' : 'quizEditor.optionsMultiple')}</legend>
          {q.options.map((o, i) => (
            <div key={i} className="option-row">
              <input type={q.type === 'single' ? 'radio' : 'checkbox'} name={`answer-${index}`} checked={answers.includes(i)} onChange={() => toggle(i)} aria-label={t('quizEditor.isCorrect', { n: i + 1 })} />
              <input value={o} onChange={(e) => set({ options: q.options.map((x, j) => (j === i ? e.target.value : x)) })} aria-label={t('quizEditor.option', { n: i + 1 })} />
              <button type="button" className="ghost" disabled={q.options.length <= 2} onClick={() => removeOption(i)} aria-label={t('trackEditor.remove', { name: o || String(i + 1) })}>✕</button>
            </div>
          ))}
          <button type="button" className="small" onClick={() => set({ options: [...q.options, ''] })}>{t('quizEditor.addOption')}</button>
        </fieldset>
      )}
      <label className="fm-wide">{t('quizEditor.explanation')}<textarea rows={2} value={q.explanation} onChange={(e) => set({ explanation: e.target.value })} /></label>
      <div className="form-row">
        <label>
          {t('quizEditor.sourceArticle')}
          <select value={sourceArticle} onChange={(e) => set({ source: e.target.value || null })}>
            <option value="">{t('quizEditor.noSource')}</option>
            {articles.map((a) => <option key={a.id} value={a.id}>{a.title} · {a.id}</option>)}
          </select>
        </label>
        <label>
          {t('quizEditor.sourceSection')}
          <input value={sourceAnchor} disabled={!sourceArticle} placeholder={t('quizEditor.wholeArticle')} onChange={(e) => set({ source: sourceArticle + (e.target.value ? '#' + e.target.value : '') })} />
        </label>
      </div>
      {(state === 'changed' || state === 'missing') && (
        <div className="notice notice-warning">
          <p>{t(state === 'changed' ? 'quizEditor.sourceChanged' : 'quizEditor.sourceMissing')}</p>
          {state === 'changed' && (
            <label className="chip"><input type="checkbox" checked={!!q.confirmSource} onChange={(e) => set({ confirmSource: e.target.checked })} />{t('quizEditor.confirmSource')}</label>
          )}
        </div>
      )}
    </section>
  );
}
