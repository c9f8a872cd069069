import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai/lib/Application';
import { helpCard } from '../cards/answer-card';
import { TEXTS } from '../texts';
import type { AnswerService } from './answer-service';
import { classifyInput, MAX_INPUT_CHARS } from '../turn/input';
import { say, sendCard } from '../turn/reply';
import { userSlot, type BotTurnState } from '../turn/turn-state';
import type { Logger } from '../shared/logger';

const HELP = /^\s*(hilfe|help|\?|start|was kannst du\??)\s*[.!]*\s*$/i;
const FOLLOW_UPS = [
  { what: 'next', pattern: /^\s*(n(ä|ae)chster schritt|und dann|wie geht es weiter)\s*[.!?]*\s*$/i },
  { what: 'agency', pattern: /^\s*zust(ä|ae)ndige stellen?\s*[.!?]*\s*$/i },
  { what: 'form', pattern: /^\s*(vordruck|vordrucke|formular)\s*[.!?]*\s*$/i },
] as const;

/** Typed messages: help, typed follow-up buttons, and (last) the question catch-all. */
export function registerAnswerRoutes(
  app: Application<BotTurnState>,
  service: AnswerService,
  onText: (context: TurnContext, state: BotTurnState, text: string) => Promise<void>,
  logger: Logger,
): void {
  app.message(HELP, async (context) => sendCard(context, helpCard(false), TEXTS.helpTitle));

  for (const { what, pattern } of FOLLOW_UPS) {
    app.message(pattern, async (context, state) =>
      say(context, state, service.followUp(what, userSlot(state).lastRef)),
    );
  }

  app.activity(ActivityTypes.Message, async (context, state) => {
    if (context.activity.value !== undefined && !context.activity.text) {
      logger.warn({ intent: 'card-submit', problem: 'unknown-verb' }, 'card payload not recognised');
      return void (await context.sendActivity(TEXTS.staleAction));
    }
    const input = classifyInput(context.activity);
    switch (input.kind) {
      case 'text':
        return onText(context, state, input.text);
      case 'empty':
        return void (await context.sendActivity(TEXTS.emptyMessage));
      case 'too-long':
        logger.info({ intent: 'question', problem: 'too-long' }, 'message rejected');
        return void (await context.sendActivity(TEXTS.tooLong(MAX_INPUT_CHARS)));
      case 'non-text':
        return void (await context.sendActivity(TEXTS.nonText));
    }
  });
}
