import type { Application } from '@microsoft/teams-ai/lib/Application';
import type { TurnContext } from 'botbuilder';
import { subscriptionBase } from '../broadcast/conversation-key';
import { ForwardPayload, ForwardedPayload } from '../cards/actions';
import type { Logger } from '../shared/logger';
import { TEXTS } from '../texts';
import { sendReply } from '../turn/reply';
import type { BotTurnState } from '../turn/turn-state';
import type { ForwardingService, Place, Teacher } from './forwarding-service';

const FORWARD = /^\s*(frage an die fachstelle|an die fachstelle|fachstelle fragen|ask an expert)\s*[?.!]*\s*$/i;
const RECEIVE = /^\s*fragen hier empfangen(?:\s+(\p{L}+))?\s*[.!]*\s*$/iu;

const teacherOf = (context: TurnContext): Teacher => {
  const base = subscriptionBase(context.activity);
  return {
    name: context.activity.from?.name ?? '',
    userId: context.activity.from?.id ?? '',
    conversationId: base.conversationId,
    reference: base.reference,
  };
};

const placeOf = (context: TurnContext): Place => {
  const base = subscriptionBase(context.activity);
  return {
    coordinator: context.activity.from?.aadObjectId,
    conversationId: base.conversationId,
    conversationType: base.conversationType,
    reference: base.reference,
    activityId: context.activity.replyToId,
  };
};

/** "Frage an die Fachstelle" for teachers; "Fragen hier empfangen" and the card's buttons for coordinators. */
export function registerForwardingRoutes(
  app: Application<BotTurnState>,
  service: ForwardingService,
  logger: Logger,
): void {
  const rejected = async (context: TurnContext, verb: string) => {
    logger.warn({ intent: 'forward', verb, problem: 'invalid-payload' }, 'forwarding payload rejected');
    await context.sendActivity(TEXTS.staleAction);
  };
  app.message(FORWARD, async (context) => sendReply(context, service.form()));
  app.message(RECEIVE, async (context) => {
    const topic = RECEIVE.exec(context.activity.text ?? '')?.[1];
    await sendReply(context, await service.receiveHere(placeOf(context), topic));
  });
  app.adaptiveCards.actionSubmit('forward', async (context, _state, data) => {
    const payload = ForwardPayload.safeParse(data);
    if (!payload.success) return rejected(context, 'forward');
    const reply =
      payload.data.action === 'send'
        ? await service.send(payload.data, teacherOf(context))
        : service.teacherStep(payload.data, context.activity.from?.name ?? '');
    await sendReply(context, reply);
  });
  app.adaptiveCards.actionSubmit('forwarded', async (context, _state, data) => {
    const payload = ForwardedPayload.safeParse(data);
    if (!payload.success) return rejected(context, 'forwarded');
    await sendReply(context, await service.coordinatorStep(payload.data, placeOf(context)));
  });
}
