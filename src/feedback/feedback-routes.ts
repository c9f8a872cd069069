import type { Application } from '@microsoft/teams-ai/lib/Application';
import { ActivityTypes, CardFactory, type TurnContext } from 'botbuilder';
import type { Recorder } from '../statistics/recorder';
import type { Logger } from '../shared/logger';
import { TEXTS } from '../texts';
import { userSlot, type BotTurnState } from '../turn/turn-state';
import { feedbackForm } from './feedback-card';
import { card, submit, text } from '../cards/adaptive';
import { sendCard } from '../turn/reply';
import { feedbackKey, readFeedback, UNKNOWN_ENTRY, type Reaction } from './reasons';

const isFeedbackFetch = async (context: TurnContext) =>
  context.activity.type === ActivityTypes.Invoke &&
  context.activity.name === 'message/fetchTask' &&
  (context.activity.value as { actionName?: unknown } | undefined)?.actionName === 'feedback';

/**
 * Teams' thumbs under an answer: `message/fetchTask` asks for the form, `message/submitAction` brings what was
 * chosen. Counted per entry, reaction, reason and day – never the user id, never the question.
 */
export function registerFeedbackRoutes(
  app: Application<BotTurnState>,
  recorder: Recorder,
  logger: Logger,
  { offerForwarding = false }: { offerForwarding?: boolean } = {},
): void {
  app.addRoute(
    isFeedbackFetch,
    async (context) => {
      const reaction: Reaction =
        (context.activity.value as { actionValue?: { reaction?: unknown } }).actionValue?.reaction === 'like'
          ? 'like'
          : 'dislike';
      await context.sendActivity({
        type: ActivityTypes.InvokeResponse,
        value: {
          status: 200,
          body: {
            task: {
              type: 'continue',
              value: { title: TEXTS.feedback.title, card: CardFactory.adaptiveCard(feedbackForm(reaction)) },
            },
          },
        },
      });
    },
    true,
  );

  app.feedbackLoop(async (context, state, data) => {
    const feedback = readFeedback(data.actionValue);
    if (!feedback) {
      logger.warn({ intent: 'feedback', problem: 'malformed' }, 'feedback ignored');
      return;
    }
    const ref = userSlot(state).answers?.[data.replyToId] ?? UNKNOWN_ENTRY;
    const reasons = feedback.reasons.length ? feedback.reasons : [undefined];
    for (const reason of reasons) recorder.count('feedback', feedbackKey(ref, feedback.reaction, reason));
    logger.info({ intent: 'feedback', reaction: feedback.reaction, reasons: feedback.reasons.length, ref }, 'feedback');
    // A thumbs-down: the teacher may take the question to the Fachstelle (the form opens empty, nothing is kept).
    if (feedback.reaction === 'dislike' && offerForwarding)
      await sendCard(
        context,
        card(
          [text(TEXTS.forwarding.afterDislike)],
          [submit(TEXTS.forwarding.offer, { verb: 'forward', action: 'form' })],
        ),
        TEXTS.forwarding.offer,
      );
  });
}
