import type { QuestionResult, QuizAnswer, QuizQuestionView } from '../../../../electron/contract';
import { useI18n } from '../../i18n/i18n';
import { SourceLink } from './SourceLink';

interface Props {
  index: number;
  question: QuizQuestionView;
  value: QuizAnswer | undefined;
  onChange: (v: QuizAnswer) => void;
  /** After submitting: right or wrong, the explanation and where to read up. */
  result?: QuestionResult;
}

/** A fieldset of native radios or checkboxes: arrow keys, Space and screen readers work as expected. */
export function QuizQuestion({ index, question: q, value, onChange, result }: Props) {
  const { t } = useI18n();
  const name = `q-${q.id}`;
  const options: Array<[string, QuizAnswer]> = q.type === 'truefalse'
    ? [[t('quiz.true'), true], [t('quiz.false'), false]]
    : q.options.map((o, i) => [o, i]);
  const chosen = (v: QuizAnswer) => (q.type === 'multiple' ? Array.isArray(value) && value.includes(v as number) : value === v);
  const toggle = (v: number, on: boolean) => {
    const set = new Set(Array.isArray(value) ? value : []);
    if (on) set.add(v); else set.delete(v);
    onChange([...set].sort((a, b) => a - b));
  };
  const right = (v: QuizAnswer) => result?.correctAnswer !== null && result?.correctAnswer !== undefined
    && (Array.isArray(result.correctAnswer) ? result.correctAnswer.includes(v as number) : result.correctAnswer === v);
  return (
    <fieldset className={`question${result ? (result.correct ? ' question-right' : ' question-wrong') : ''}`} data-testid={`question-${q.id}`} disabled={!!result}>
      <legend>
        <span className="question-number">{t('quiz.questionN', { n: index + 1 })}</span> {q.prompt}
        {q.type === 'multiple' && <span className="muted small"> {t('quiz.pickAll')}</span>}
      </legend>
      <div className="options">
        {options.map(([label, v]) => (
          <label key={String(v)} className={`option${right(v) ? ' option-right' : ''}`}>
            <input type={q.type === 'multiple' ? 'checkbox' : 'radio'} name={name} checked={chosen(v)}
              onChange={(e) => (q.type === 'multiple' ? toggle(v as number, e.target.checked) : onChange(v))} />
            <span>{label}</span>
          </label>
        ))}
      </div>
      {result && (
        <div className="question-result" role="note">
          <p><strong>{result.correct ? '✓ ' + t('quiz.right') : '✗ ' + t('quiz.wrong')}</strong>{result.explanation && <> — {result.explanation}</>}</p>
          {result.source && <SourceLink source={result.source} />}
        </div>
      )}
    </fieldset>
  );
}
