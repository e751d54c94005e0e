import { useI18n } from '../../i18n/i18n';
import { daysUntil } from './format';

/** "Due today", "due in 3 days", "2 days overdue" or "done": words, not just a colour. */
export function DueBadge({ today, dueDate, complete }: { today: string; dueDate: string; complete: boolean }) {
  const { t } = useI18n();
  if (complete) return <span className="badge badge-done">{t('onb.phaseDone')}</span>;
  const days = daysUntil(today, dueDate);
  if (days < 0) return <span className="badge badge-overdue">{t('onb.overdueBy', { days: -days, date: dueDate })}</span>;
  if (days === 0) return <span className="badge badge-soon">{t('onb.dueToday')}</span>;
  return <span className={days < 3 ? 'badge badge-soon' : 'badge'}>{t('onb.dueIn', { days, date: dueDate })}</span>;
}
