import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../i18n/i18n';
import { markMatches } from '../search/markMatches';

const CLASS = 'find-mark';

function clearMarks() {
  for (const m of document.querySelectorAll(`mark.${CLASS}`)) m.replaceWith(document.createTextNode(m.textContent ?? ''));
  document.querySelector('.prose')?.normalize();
}

/** Find in the article (Ctrl/Cmd+F): marks every match, Enter / Shift+Enter step through them. */
export function FindBar({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [index, setIndex] = useState(0);
  const [count, setCount] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
    return clearMarks;
  }, []);
  useEffect(() => {
    clearMarks();
    const prose = document.querySelector<HTMLElement>('.prose');
    if (!prose || !text.trim()) return setCount(0);
    markMatches(prose, [text], CLASS);
    setCount(prose.querySelectorAll(`mark.${CLASS}`).length);
    setIndex(0);
  }, [text]);
  useEffect(() => {
    const marks = document.querySelectorAll(`mark.${CLASS}`);
    marks.forEach((m, i) => m.classList.toggle('current', i === index));
    marks[index]?.scrollIntoView({ block: 'center' });
  }, [index, count]);

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') onClose();
    else if (e.key === 'Enter' && count) setIndex((i) => (i + (e.shiftKey ? count - 1 : 1)) % count);
  };
  return (
    <div className="find-bar" role="search">
      <input ref={input} value={text} onChange={(e) => setText(e.target.value)} onKeyDown={onKey} aria-label={t('find.label')} placeholder={t('find.label')} data-testid="find-input" />
      <span className="muted small" aria-live="polite">{text ? t('find.count', { current: count ? index + 1 : 0, count }) : ''}</span>
      <button type="button" className="ghost" onClick={onClose}>{t('common.close')}</button>
    </div>
  );
}
