/**
 * Calendar-day arithmetic on `YYYY-MM-DD` strings. Dates are days in the learner's calendar, not
 * instants, so the maths runs in UTC on purpose: no time zone or daylight-saving change can move
 * a due date. Only "today" depends on where the computer is (see `localToday`).
 */
const DAY = 86_400_000;

const toUtc = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
};
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(iso: string, days: number): string {
  return fromUtc(toUtc(iso) + days * DAY);
}

/** Day 1 is the start date itself; weekends and holidays count like any other day. */
export function dueDate(startDate: string, dueDay: number): string {
  return addDays(startDate, Math.max(1, dueDay) - 1);
}

/** Whole days from `a` to `b` (negative when b is before a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY);
}

/** Today in this computer's local calendar (honours the TZ environment variable). */
export function localToday(now = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** A phase is "due soon" this many days ahead. */
export const DUE_SOON_DAYS = 3;

/** The Monday of the week `iso` falls in (weeks run Monday to Sunday, as in China and most of Europe). */
export function weekStart(iso: string): string {
  const weekday = new Date(toUtc(iso)).getUTCDay(); // 0 = Sunday
  return addDays(iso, -((weekday + 6) % 7));
}

const days = new Map<string, string>();
/**
 * The local calendar day of an ISO instant (a record's time) on this computer. Remembered: the
 * charts ask it for every step of every learner on each call, and a time-zone lookup is not free.
 */
export function localDayOf(instant: string): string {
  let day = days.get(instant);
  if (day === undefined) {
    if (days.size > 500_000) days.clear();
    days.set(instant, (day = localToday(new Date(instant))));
  }
  return day;
}
