import type { Badge } from '../../../../electron/contract';
import type { MessageKey } from '../../i18n/en';
import { useI18n } from '../../i18n/i18n';
import { formatDay } from '../onboarding/format';

/** Badge names live in the dictionaries (`badge.<id>`), so each shows in the reader's language. */
export const badgeName = (id: string) => `badge.${id}` as MessageKey;
export const badgeHint = (id: string) => `badge.${id}.hint` as MessageKey;

export function BadgeList({ badges }: { badges: Badge[] }) {
  const { t } = useI18n();
  if (!badges.length) return <p className="muted small">{t('rec.noBadges')}</p>;
  return (
    <ul className="badge-list" data-testid="badges">
      {badges.map((b) => (
        <li key={b.id} className="earned-badge">
          <span className="earned-badge-mark" aria-hidden="true">★</span>
          <span>
            <strong>{t(badgeName(b.id))}</strong>
            <span className="muted small"> · {t(badgeHint(b.id))} · {formatDay(b.earnedAt)}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
