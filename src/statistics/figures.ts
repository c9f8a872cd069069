import type { CountStore } from './ports';
import { berlinDay } from './recorder';
import { byWeek, weekOf, type WeekRow } from './report';

/** The network's figures per ISO week – the one function behind "Statistik", `npm run stats` and the Koordination tab. */
export async function weeklyFigures(counts: CountStore, range: { from: string; to: string }): Promise<WeekRow[]> {
  return byWeek(await counts.read(range));
}

export const WEEKS = 4;
const DAY_MS = 86_400_000;

/** The last `WEEKS` ISO weeks up to today, oldest first, and the days they span. */
export function lastWeeks(now: number): { weeks: string[]; from: string; to: string } {
  const today = Date.parse(`${berlinDay(now)}T12:00:00Z`);
  const weekday = (new Date(today).getUTCDay() + 6) % 7;
  const monday = today - weekday * DAY_MS;
  const from = berlinDay(monday - (WEEKS - 1) * 7 * DAY_MS);
  const weeks = Array.from({ length: WEEKS }, (_, i) => weekOf(berlinDay(monday - (WEEKS - 1 - i) * 7 * DAY_MS)));
  return { weeks, from, to: berlinDay(today) };
}
