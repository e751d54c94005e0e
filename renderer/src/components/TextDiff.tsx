import type { TeamChange } from '../../../electron/contract';

/** A line diff as `+`/`-`/` ` lines, focusable so it scrolls by keyboard (the "What changed" page, team reviews). */
export function TextDiff({ id, label, diff }: { id: string; label: string; diff: TeamChange['diff'] }) {
  return (
    <pre className="change-diff" id={id} aria-label={label} tabIndex={0}>
      {diff.map((l, i) => <span key={i} className={l.op === '+' ? 'diff-add' : l.op === '-' ? 'diff-del' : 'diff-ctx'}>{l.op} {l.text}{'\n'}</span>)}
    </pre>
  );
}
