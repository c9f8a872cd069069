import type { Application } from '@microsoft/teams-ai/lib/Application';
import { AskQuestion, FollowUp, ShowEntry } from '../cards/actions';
import type { Logger } from '../shared/logger';
import { TEXTS } from '../texts';
import type { AnswerService } from './answer-service';
import { say } from '../turn/reply';
import type { BotTurnState } from '../turn/turn-state';
import type { ZodType } from 'zod';
import type { TurnContext } from 'botbuilder';

/** Card buttons (Action.Submit). Every payload is validated; stale or forged ones get a clear answer. */
export function registerActionRoutes(app: Application<BotTurnState>, service: AnswerService, logger: Logger): void {
  const guarded =
    <T>(schema: ZodType<T>, handle: (context: TurnContext, state: BotTurnState, data: T) => Promise<void>) =>
    async (context: TurnContext, state: BotTurnState, data: unknown) => {
      const parsed = schema.safeParse(data);
      if (!parsed.success) {
        logger.warn(
          {
            intent: 'card-submit',
            problem: 'invalid-payload',
            fields: parsed.error.issues.map((i) => i.path.join('.')),
          },
          'card payload rejected',
        );
        return void (await context.sendActivity(TEXTS.staleAction));
      }
      await handle(context, state, parsed.data);
    };

  app.adaptiveCards.actionSubmit(
    'show',
    guarded(ShowEntry, (context, state, data) => say(context, state, service.show(data.ref))),
  );
  app.adaptiveCards.actionSubmit(
    'followup',
    guarded(FollowUp, (context, state, data) => say(context, state, service.followUp(data.what, data.ref))),
  );
  app.adaptiveCards.actionSubmit(
    'ask',
    guarded(AskQuestion, (context, state, data) => say(context, state, service.answer(data.q))),
  );
}
