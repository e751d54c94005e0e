import { afterEach, describe, expect, it } from 'vitest';
import { addDays, daysBetween, dueDate, localToday } from '../../../../electron/core/onboarding/dates';

const savedTz = process.env.TZ;
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe('due dates', () => {
  it('counts the start date as day 1', () => {
    expect(dueDate('2026-03-02', 1)).toBe('2026-03-02');
    expect(dueDate('2026-03-02', 7)).toBe('2026-03-08');
    expect(dueDate('2026-03-02', 30)).toBe('2026-03-31');
  });

  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(daysBetween('2026-03-02', '2026-03-08')).toBe(6);
    expect(daysBetween('2026-03-08', '2026-03-02')).toBe(-6);
  });

  it('counts weekends as calendar days (a Saturday start is day 1, Sunday day 2)', () => {
    // 2026-01-03 is a Saturday. Tracks speak in calendar days; a team that works weekends
    // (e-commerce customer service usually does) would be misled by business-day maths.
    expect(new Date('2026-01-03T12:00:00Z').getUTCDay()).toBe(6);
    expect(dueDate('2026-01-03', 1)).toBe('2026-01-03');
    expect(dueDate('2026-01-03', 2)).toBe('2026-01-04');
    expect(dueDate('2026-01-03', 7)).toBe('2026-01-09');
  });

  it('does not drift in any time zone, daylight saving included', () => {
    for (const tz of ['Asia/Shanghai', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC']) {
      process.env.TZ = tz;
      // 2026-03-08 is the US switch to daylight saving time; 2026-11-01 the switch back.
      expect(dueDate('2026-03-07', 3)).toBe('2026-03-09');
      expect(dueDate('2026-10-31', 2)).toBe('2026-11-01');
      expect(dueDate('2026-03-02', 30)).toBe('2026-03-31');
    }
  });

  it('takes "today" from the local calendar, not from UTC', () => {
    const instant = new Date('2026-03-01T16:30:00Z');
    process.env.TZ = 'Asia/Shanghai'; // UTC+8: already the 2nd
    expect(localToday(instant)).toBe('2026-03-02');
    process.env.TZ = 'America/Los_Angeles'; // UTC-8: still the 1st
    expect(localToday(instant)).toBe('2026-03-01');
    process.env.TZ = 'UTC';
    expect(localToday(new Date('2026-03-01T23:59:59Z'))).toBe('2026-03-01');
  });
});
