import type { Application } from '@microsoft/teams-ai/lib/Application';
import type { CoordinatorPolicy } from '../roles/coordinators';
import type { Knowledge } from '../knowledge/knowledge';
import type { Logger } from '../shared/logger';
import { TEXTS } from '../texts';
import { sendCard } from '../turn/reply';
import type { BotTurnState } from '../turn/turn-state';
import type { CountStore } from './ports';
import { lastWeeks, weeklyFigures } from './figures';
import { statisticsCard } from './statistics-card';

const STATISTICS = /^\s*(statistik|statistiken|zahlen|auswertung)\s*[?.!]*\s*$/i;
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
