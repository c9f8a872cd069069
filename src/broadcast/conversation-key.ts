import { TurnContext, type Activity } from 'botbuilder';
import type { Subscription } from './model';

/** A channel message's conversation id carries ";messageid=…": news goes to the channel itself. */
export const conversationKey = (id: string): string => id.split(';')[0]!;

/** The stored reference and identity of the conversation an activity came from. */
export function subscriptionBase(
  activity: Partial<Activity>,
): Pick<Subscription, 'conversationId' | 'reference' | 'conversationType' | 'tenantId'> {
  const reference = TurnContext.getConversationReference(activity);
  const conversationId = conversationKey(activity.conversation?.id ?? '');
  const type = activity.conversation?.conversationType;
  return {
    conversationId,
    reference: JSON.parse(
      JSON.stringify({
        ...reference,
        conversation: { ...reference.conversation, id: conversationId },
        activityId: undefined,
      }),
    ) as Record<string, unknown>,
    conversationType: type === 'groupChat' || type === 'channel' ? type : 'personal',
    tenantId:
      activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id,
  };
}
