import type { Application } from '@microsoft/teams-ai/lib/Application';
import { PrivacyPayload } from '../cards/actions';
import { card, heading, submit, text } from '../cards/adaptive';
import type { Logger } from '../shared/logger';
import { TEXTS } from '../texts';
import { sendCard } from '../turn/reply';
import { dropUserSlot, type BotTurnState } from '../turn/turn-state';

const FORGET_ME = /^\s*(meine daten l(ö|oe)schen|daten l(ö|oe)schen|datenschutz)\s*[.!?]*\s*$/i;

/** "Meine Daten löschen": after a confirmation, everything stored for this user goes. */
export function registerPrivacyRoutes(
  app: Application<BotTurnState>,
  forget: (target: { conversationId?: string; userId?: string }) => Promise<number>,
  logger: Logger,
): void {
  app.message(FORGET_ME, async (context) =>
    sendCard(
      context,
      card(
        [heading(TEXTS.privacy.title), text(TEXTS.privacy.explain)],
        [submit(TEXTS.privacy.confirm, { verb: 'privacy', action: 'forget-me' })],
      ),
    ),
  );
  app.adaptiveCards.actionSubmit('privacy', async (context, state, data) => {
    if (!PrivacyPayload.safeParse(data).success) return void (await context.sendActivity(TEXTS.staleAction));
    const userId = context.activity.from?.id ?? '';
    dropUserSlot(state);
    const removed = await forget({ userId });
    logger.info({ intent: 'privacy', removed }, 'user data deleted on request');
    await context.sendActivity(TEXTS.privacy.done);
  });
}
