import { BrowsePayload } from '../cards/actions';
import type { Application } from '@microsoft/teams-ai/lib/Application';
import type { TurnContext } from 'botbuilder';
import type { Core } from '../core/bootstrap';
import type { UsageCounter } from '../search/usage';
import type { Logger } from '../shared/logger';
import { say, sendCard } from '../turn/reply';
import type { BotTurnState } from '../turn/turn-state';
import { text } from '../cards/adaptive';
import { entryCard } from '../cards/entry-card';
import { TEXTS } from '../texts';
import { findAgencies } from './directory';
import { agencyListCard, categoriesCard, categoryCard } from './directory-cards';
import { inCategory } from './directory';

const LIST =
  /^\s*(liste aller stellen|alle stellen|stellenliste|stellen|kontakte|kontakt|adressbuch|verzeichnis|ansprechpartner)\s*[?!.]*\s*$/i;
const LOOKUP =
  /^\s*(?:kontakt(?:daten)?|telefon(?:nummer)?|nummer|hotline|e-?mail|mail|adresse|anschrift|erreichbarkeit|ansprechpartner(?:in)?)\s*(?:von|vom|der|des|zum|zur|für)?\s*[:\-–]?\s+(.+)$/i;
const WHO = /^\s*wer\s+ist\s+(?:für\s+(.+?)\s+)?zust(?:ä|ae)ndig(?:\s+(?:für|bei)\s+(.+?))?\s*[?!.]*\s*$/i;

/** The agency directory: "Liste aller Stellen", "Kontakt Jugendamt", "Wer ist zuständig für …?". */
/** What the agency directory needs. */
type DirectoryDeps = Pick<Core, 'engine' | 'knowledge'> & { readonly logger: Logger; readonly usage: UsageCounter };

export function registerDirectoryRoutes(app: Application<BotTurnState>, deps: DirectoryDeps): void {
  const { engine, knowledge, logger, usage } = deps;

  const lookup = async (context: TurnContext, state: BotTurnState, about: string) => {
    const agencies = findAgencies(about, engine, knowledge);
    logger.info({ intent: 'contact', found: agencies.map((a) => a.id) }, 'contact lookup');
    if (agencies.length === 0) {
      return sendCard(context, {
        ...categoriesCard(knowledge),
        body: [text(TEXTS.directory.notFound, { weight: 'Bolder' }), ...categoriesCard(knowledge).body],
      });
    }
    agencies.forEach((a) => usage.record(`agency:${a.id}`));
    if (agencies.length === 1) {
      // A contact card is an answer: remembered for follow-ups and with the feedback buttons.
      const reply = { card: entryCard(agencies[0]!, knowledge), summary: agencies[0]!.title };
      return say(context, state, { reply, lastRef: `agency:${agencies[0]!.id}` });
    }
    return sendCard(context, agencyListCard(TEXTS.directory.resultTitle, agencies), TEXTS.directory.resultTitle);
  };

  app.message(LIST, async (context) => sendCard(context, categoriesCard(knowledge), TEXTS.directory.title));
  app.message(LOOKUP, async (context, state) =>
    lookup(context, state, LOOKUP.exec(context.activity.text ?? '')?.[1] ?? ''),
  );
  app.message(WHO, async (context, state) => {
    const m = WHO.exec(context.activity.text ?? '');
    return lookup(context, state, (m?.[1] ?? m?.[2] ?? '').trim() || (context.activity.text ?? ''));
  });
  app.adaptiveCards.actionSubmit('directory', async (context, _state, data) => {
    const payload = BrowsePayload.safeParse(data);
    if (!payload.success) return void (await context.sendActivity(TEXTS.staleAction));
    const { category } = payload.data;
    if (!category) return sendCard(context, categoriesCard(knowledge), TEXTS.directory.title);
    await sendCard(context, categoryCard(knowledge, category, inCategory(knowledge, category)));
  });
}
