import type { CountRow } from './ports';

/** Below this, a number is shown as "< 5": no school or person can be singled out. */
export const SMALL_NUMBER = 5;
export const shown = (n: number): string => (n < SMALL_NUMBER ? `< ${SMALL_NUMBER}` : String(n));

/** The ISO week of a day (YYYY-MM-DD) as "2026-W49". */
export function weekOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  // The Thursday of the same week decides the year (ISO 8601).
  date.setUTCDate(date.getUTCDate() + 4 - (date.getUTCDay() || 7));
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export interface WeekRow {
  readonly week: string;
  readonly metric: string;
  readonly key: string;
  readonly n: number;
}

/** Counters summed per ISO week, metric and key, in week order. */
export function byWeek(rows: readonly CountRow[]): WeekRow[] {
  const sums = new Map<string, WeekRow>();
  for (const { metric, key, day, n } of rows) {
    const week = weekOf(day);
    const id = `${week}\u0000${metric}\u0000${key}`;
    sums.set(id, { week, metric, key, n: (sums.get(id)?.n ?? 0) + n });
  }
  return [...sums.values()].sort(
    (a, b) =>
      a.week.localeCompare(b.week) || a.metric.localeCompare(b.metric) || b.n - a.n || a.key.localeCompare(b.key),
  );
}

/** One CSV cell, quoted when it holds a quote, comma, semicolon or line break. */
export const csvCell = (v: string) => (/[",\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The weekly figures as CSV (week, metric, key, count), small numbers shown as "< 5". */
export function asCsv(rows: readonly WeekRow[]): string {
  const lines = rows.map((r) => [r.week, r.metric, r.key, shown(r.n)].map(csvCell).join(','));
  return ['week,metric,key,count', ...lines].join('\n') + '\n';
}

/** The weekly figures as JSON lines' objects; `count` is a number, or the string "< 5". */
export const asJson = (rows: readonly WeekRow[]) =>
  rows.map((r) => ({ week: r.week, metric: r.metric, key: r.key, count: r.n < SMALL_NUMBER ? shown(r.n) : r.n }));
