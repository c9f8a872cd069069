import { CardFactory, type CloudAdapter, type ConversationReference, type TurnContext } from 'botbuilder';
import type { Messenger } from './forwarding-service';

/** The Messenger on botbuilder's proactive API: into the coordination's channel and the teacher's chat. */
export function adapterMessenger(
  adapter: Pick<CloudAdapter, 'continueConversationAsync'>,
  botAppId: string,
): Messenger {
  const inside = (reference: Record<string, unknown>, logic: (context: TurnContext) => Promise<void>) =>
    adapter.continueConversationAsync(botAppId, reference as Partial<ConversationReference>, logic);
  return {
    async post(reference, card, summary) {
      let id: string | undefined;
      await inside(reference, async (context) => {
        id = (await context.sendActivity({ type: 'message', summary, attachments: [CardFactory.adaptiveCard(card)] }))
          ?.id;
      });
      return id;
    },
    update: (reference, activityId, card) =>
      inside(reference, async (context) => {
        await context.updateActivity({
          id: activityId,
          type: 'message',
          attachments: [CardFactory.adaptiveCard(card)],
        });
      }),
    notify: (reference, text) =>
      inside(reference, async (context) => {
        await context.sendActivity(text);
      }),
  };
}
