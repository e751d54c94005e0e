import type { Recognition } from '../../../../electron/contract';
import { useI18n } from '../../i18n/i18n';
import { formatDay } from '../onboarding/format';

/** Named recognitions (表彰), newest first: the name, the trainer's note, who gave it and when. */
export function RecognitionList({ items }: { items: Recognition[] }) {
  const { t } = useI18n();
  return (
    <ul className="recognition-list" data-testid="recognitions">
      {items.map((r) => (
        <li key={r.id} className="recognition">
          <strong className="recognition-title"><span aria-hidden="true">★ </span>{r.title}</strong>
          {r.note && <span className="recognition-note">{r.note}</span>}
          <span className="muted small">{t('rec.givenBy', { name: r.givenBy.name, date: formatDay(r.givenAt) })}</span>
        </li>
      ))}
    </ul>
  );
}
