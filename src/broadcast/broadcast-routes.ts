import type { Application } from '@microsoft/teams-ai/lib/Application';
import { CardFactory, type TurnContext } from 'botbuilder';
import { sendReply, type Reply } from '../turn/reply';
import { saveUserSlot, userSlot, type BotTurnState } from '../turn/turn-state';
import { subscriptionBase } from './conversation-key';
import type { BroadcastService, CoordinatorTurn } from './broadcast-service';
import type { SubscriptionService } from './subscription-service';
import type { Acknowledge } from './acknowledgement-service';

const SUBSCRIBE = /^\s*(abonnieren|abo|newsletter|neuigkeiten abonnieren)\s*[.!]*\s*$/i;
const MINE = /^\s*(meine abos|meine abonnements|abos)\s*[?.!]*\s*$/i;
const UNSUBSCRIBE = /^\s*(abbestellen|abmelden|kündigen|kuendigen)\s*[.!]*\s*$/i;
const APPROVALS = /^\s*(freigaben|freigabe|zur freigabe)\s*[?.!]*\s*$/i;
const COMPOSE = /^\s*(neuigkeit senden|nachricht senden|rundschreiben|broadcast|news senden)\s*[.!]*\s*$/i;

/** The coordinator's turn for the broadcast service: identity, stored draft, and how to post. */
const coordinatorTurn = (context: TurnContext, state: BotTurnState): CoordinatorTurn => ({
  coordinator: context.activity.from?.aadObjectId,
  reference: subscriptionBase(context.activity).reference,
  storedDraft: userSlot(state).newsDraft,
  keepDraft: (draft) => saveUserSlot(state, { newsDraft: draft }),
  say: async (reply) => {
    if ('text' in reply) return (await context.sendActivity(reply.text))?.id;
    const attachments = [CardFactory.adaptiveCard(reply.card)];
    return (await context.sendActivity({ type: 'message', summary: reply.summary, attachments }))?.id;
  },
});

/** Subscriptions for everyone; composing and sending for coordinators (checked in the service). */
export function registerBroadcastRoutes(
  app: Application<BotTurnState>,
  subscriptions: SubscriptionService,
  broadcasts: BroadcastService,
  acknowledge?: Acknowledge,
): void {
  const here = (context: TurnContext) => subscriptionBase(context.activity);
  const reply = async (context: TurnContext, said: Promise<Reply>) => sendReply(context, await said);
  app.message(SUBSCRIBE, async (context) => reply(context, subscriptions.form(here(context))));
  app.message(MINE, async (context) => reply(context, subscriptions.mine(here(context))));
  app.message(UNSUBSCRIBE, async (context) => reply(context, subscriptions.unsubscribe(here(context))));
  app.message(COMPOSE, async (context, state) => broadcasts.compose(coordinatorTurn(context, state)));
  app.message(APPROVALS, async (context, state) =>
    broadcasts.press(coordinatorTurn(context, state), { verb: 'broadcast', action: 'approvals' }),
  );
  app.adaptiveCards.actionSubmit('subscribe-form', async (context) =>
    reply(context, subscriptions.form(here(context))),
  );
  app.adaptiveCards.actionSubmit('subscribe', async (context, _state, data) =>
    reply(context, subscriptions.subscribe(here(context), data)),
  );
  app.adaptiveCards.actionSubmit('unsubscribe', async (context) =>
    reply(context, subscriptions.unsubscribe(here(context))),
  );
  if (acknowledge)
    app.adaptiveCards.actionSubmit('news-ack', async (context, _state, data) =>
      reply(context, acknowledge(context.activity.conversation.id, data)),
    );
  app.adaptiveCards.actionSubmit('broadcast', async (context, state, data) =>
    broadcasts.press(coordinatorTurn(context, state), data),
  );
}
