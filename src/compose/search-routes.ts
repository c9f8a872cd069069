import type { Application } from '@microsoft/teams-ai/lib/Application';
import { CardFactory } from 'botbuilder';
import type { Core } from '../core/bootstrap';
import type { UsageCounter } from '../search/usage';
import type { Logger } from '../shared/logger';
import type { BotTurnState } from '../turn/turn-state';
import { searchResults } from './search-results';

/** What the compose-box search needs. */
type SearchDeps = Pick<Core, 'engine' | 'knowledge'> & { readonly logger: Logger; readonly usage: UsageCounter };

export const SEARCH_COMMAND = 'searchKnowledge';
const MAX_QUERY = 200;

/** The search-based message extension: same engine as the bot, answers in a few ms. */
export function registerSearchRoutes(
  app: Application<BotTurnState>,
  { engine, knowledge, usage, logger }: SearchDeps,
): void {
  app.messageExtensions.query(SEARCH_COMMAND, async (_context, _state, query) => {
    const raw = query.parameters.query;
    const text = typeof raw === 'string' ? raw.slice(0, MAX_QUERY) : '';
    const start = performance.now();
    const results = searchResults(text, engine, knowledge, usage);
    logger.info(
      {
        intent: 'compose-search',
        empty: text.trim() === '',
        results: results.length,
        ms: Math.round((performance.now() - start) * 100) / 100,
      },
      'compose search',
    );
    return {
      type: 'result',
      attachmentLayout: 'list',
      attachments: results.map((r) => ({
        ...CardFactory.adaptiveCard(r.card),
        preview: CardFactory.thumbnailCard(r.title, r.preview),
      })),
    };
  });
}
