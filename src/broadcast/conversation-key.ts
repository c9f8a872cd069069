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
    reference: proactiveReference({ ...reference, conversation: { ...reference.conversation, id: conversationId } }),
    conversationType: type === 'groupChat' || type === 'channel' ? type : 'personal',
    tenantId:
      activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id,
  };
}

const pick = (from: unknown, keys: readonly string[]): Record<string, unknown> | undefined => {
  if (!from || typeof from !== 'object') return undefined;
  const kept = Object.fromEntries(
    keys.flatMap((k) => {
      const v = (from as Record<string, unknown>)[k];
      return typeof v === 'string' || typeof v === 'boolean' ? [[k, v]] : [];
    }),
  );
  return Object.keys(kept).length ? kept : undefined;
};

/**
 * Only what a proactive send needs: channel, service URL, conversation id/tenant/type and the bot's
 * id. Never the user (name, Entra object id) or the conversation's name, which may name a pupil.
 */
export function proactiveReference(reference: unknown): Record<string, unknown> {
  const r = (reference ?? {}) as Record<string, unknown>;
  const minimal = {
    channelId: typeof r.channelId === 'string' ? r.channelId : undefined,
    serviceUrl: typeof r.serviceUrl === 'string' ? r.serviceUrl : undefined,
    conversation: pick(r.conversation, ['id', 'tenantId', 'conversationType', 'isGroup']),
    bot: pick(r.bot, ['id']),
  };
  return JSON.parse(JSON.stringify(minimal)) as Record<string, unknown>;
}
