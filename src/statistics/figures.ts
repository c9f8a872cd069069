import type { CountStore } from './ports';
import { byWeek, type WeekRow } from './report';

/** The network's figures per ISO week – the one function behind "Statistik", `npm run stats` and the later tab. */
export async function weeklyFigures(counts: CountStore, range: { from: string; to: string }): Promise<WeekRow[]> {
  return byWeek(await counts.read(range));
}
