import type { Locale } from '../../i18n/i18n';
import { href } from '../../app/route';

/** A stored instant as a short local date and time in the UI language. */
export function formatWhen(iso: string | null, locale: Locale): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

/** A stored instant as its local calendar day, YYYY-MM-DD (the format dates have everywhere else). */
export function formatDay(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Whole calendar days from `today` to `date` (both YYYY-MM-DD). */
export function daysUntil(today: string, date: string): number {
  return Math.round((Date.parse(date + 'T00:00:00Z') - Date.parse(today + 'T00:00:00Z')) / 86_400_000);
}

export const quizHref = (trackId: string, stepId: string) => href({ name: 'quiz', trackId, stepId });
export const certificateHref = (trackId: string, profileId?: string) =>
  href({ name: 'certificate', trackId, profileId: profileId ?? null });
