import type { Application } from '@microsoft/teams-ai/lib/Application';
import type { CoordinatorPolicy } from '../broadcast/coordinators';
import type { Knowledge } from '../knowledge/knowledge';
import type { Logger } from '../shared/logger';
import { TEXTS } from '../texts';
import { sendCard } from '../turn/reply';
import type { BotTurnState } from '../turn/turn-state';
import type { CountStore } from './ports';
import { berlinDay } from './recorder';
import { weeklyFigures } from './figures';
import { weekOf } from './report';
import { statisticsCard } from './statistics-card';

const STATISTICS = /^\s*(statistik|statistiken|zahlen|auswertung)\s*[?.!]*\s*$/i;
const WEEKS = 4;
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

/** "Statistik": the coordinators' figures as a card; everyone else gets a polite refusal. */
export function registerStatisticsRoutes(
  app: Application<BotTurnState>,
  deps: { counts: CountStore; policy: CoordinatorPolicy; knowledge: Knowledge; logger: Logger },
): void {
  app.message(STATISTICS, async (context) => {
    if (!deps.policy.isCoordinator(context.activity.from?.aadObjectId)) {
      await context.sendActivity(TEXTS.statistics.notCoordinator);
      return;
    }
    const { weeks, from, to } = lastWeeks(Date.now());
    let rows;
    try {
      rows = await weeklyFigures(deps.counts, { from, to });
    } catch (err) {
      deps.logger.error({ intent: 'statistics', err: (err as Error).message }, 'statistics unavailable');
      await context.sendActivity(TEXTS.statistics.unavailable);
      return;
    }
    await sendCard(context, statisticsCard(rows, weeks, deps.knowledge), TEXTS.statistics.title);
  });
}
