import { DateTime } from 'luxon';

/** Dortmund's clock: what coordinators type and read, whatever zone the server runs in. */
export const ZONE = 'Europe/Berlin';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}(:\d{2})?$/;

/**
 * A date ("2027-03-28") and time ("10:00") on Dortmund's wall clock as epoch ms, or undefined when not a
 * real date. A time skipped by the spring change (02:30) moves forward by the hour; a time repeated in
 * autumn means its second (winter-time) occurrence.
 */
export function berlinToEpoch(date: string, time: string): number | undefined {
  if (!DATE.test(date) || !TIME.test(time)) return undefined;
  const at = DateTime.fromISO(`${date}T${time}`, { zone: ZONE });
  return at.isValid ? at.toMillis() : undefined;
}

/**
 * The send time a form asked for: undefined when both fields are empty (at once), 'invalid' when only one
 * is given, the date does not exist or the time is not ahead of `now`.
 */
export function plannedTime(
  date: string | undefined,
  time: string | undefined,
  now: number,
): number | 'invalid' | undefined {
  if (!date && !time) return undefined;
  const at = date && time ? berlinToEpoch(date, time) : undefined;
  return at !== undefined && at > now ? at : 'invalid';
}

/** "Mo, 29.03.2027, 10:00 Uhr" on Dortmund's clock. */
export function berlinLabel(epochMs: number): string {
  return `${DateTime.fromMillis(epochMs, { zone: ZONE }).setLocale('de').toFormat('ccc, dd.MM.yyyy, HH:mm')} Uhr`;
}

/** The date and time inputs' values ("2027-03-28", "10:00") for a stored time. */
export function berlinInputs(epochMs: number): { date: string; time: string } {
  const at = DateTime.fromMillis(epochMs, { zone: ZONE });
  return { date: at.toFormat('yyyy-MM-dd'), time: at.toFormat('HH:mm') };
}
