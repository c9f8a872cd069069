import type { Application } from '@microsoft/teams-ai/lib/Application';
import type { BotTurnState } from '../turn/turn-state';
import type { BroadcastService } from './broadcast-service';
import type { SubscriptionService } from './subscription-service';

const SUBSCRIBE = /^\s*(abonnieren|abo|newsletter|neuigkeiten abonnieren)\s*[.!]*\s*$/i;
const MINE = /^\s*(meine abos|meine abonnements|abos)\s*[?.!]*\s*$/i;
const UNSUBSCRIBE = /^\s*(abbestellen|abmelden|kündigen|kuendigen)\s*[.!]*\s*$/i;
const COMPOSE = /^\s*(neuigkeit senden|nachricht senden|rundschreiben|broadcast|news senden)\s*[.!]*\s*$/i;

/** Subscriptions for everyone; composing and sending for coordinators (checked in the service). */
export function registerBroadcastRoutes(
  app: Application<BotTurnState>,
  subscriptions: SubscriptionService,
  broadcasts: BroadcastService,
): void {
  app.message(SUBSCRIBE, async (context) => subscriptions.form(context));
  app.message(MINE, async (context) => subscriptions.mine(context));
  app.message(UNSUBSCRIBE, async (context) => subscriptions.unsubscribe(context));
  app.message(COMPOSE, async (context) => broadcasts.compose(context));
  app.adaptiveCards.actionSubmit('subscribe-form', async (context) => subscriptions.form(context));
  app.adaptiveCards.actionSubmit('subscribe', async (context, _state, data) => subscriptions.subscribe(context, data));
  app.adaptiveCards.actionSubmit('unsubscribe', async (context) => subscriptions.unsubscribe(context));
  app.adaptiveCards.actionSubmit('broadcast', async (context, state, data) => broadcasts.press(context, state, data));
}
