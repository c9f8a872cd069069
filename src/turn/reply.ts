import { CardFactory, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/adaptive';
import { saveUserSlot, userSlot, type BotTurnState } from './turn-state';

/** How many answer messages per user keep their entry for feedback (older ones count as unknown). */
const REMEMBERED_ANSWERS = 20;
/** Teams' thumbs up/down under a message; `custom` asks the bot for its own form (fixed reasons). */
const FEEDBACK_LOOP = { feedbackLoop: { type: 'custom' } };

/** Sends one Adaptive Card; `summary` is the notification preview text. */
export async function sendCard(context: TurnContext, card: AdaptiveCard, summary?: string): Promise<void> {
  await postCard(context, card, summary);
}

/** Sends one Adaptive Card (with Teams channel data, if any) and returns the message id. */
async function postCard(
  context: TurnContext,
  card: AdaptiveCard,
  summary?: string,
  channelData?: object,
): Promise<string | undefined> {
  const sent = await context.sendActivity({
    type: 'message',
    summary,
    attachments: [CardFactory.adaptiveCard(card)],
    ...(channelData ? { channelData } : {}),
  });
  return sent?.id;
}

/** What a feature decided to say: a card (with its notification preview) or a plain text. */
export type Reply = { readonly card: AdaptiveCard; readonly summary?: string } | { readonly text: string };

/** What to say, and the entry to remember as shown (typed follow-ups such as „nächster Schritt“ refer to it). */
export interface Said {
  readonly reply: Reply;
  readonly lastRef?: string;
}

export async function sendReply(context: TurnContext, reply: Reply): Promise<void> {
  if ('card' in reply) await sendCard(context, reply.card, reply.summary);
  else await context.sendActivity(reply.text);
}

/**
 * The edge's half of a feature's decision: remember, then send. An answer about an entry carries Teams'
 * feedback buttons, and its message id is remembered with the entry (no text) so feedback can name it.
 */
export async function say(context: TurnContext, state: BotTurnState, { reply, lastRef }: Said): Promise<void> {
  if (!lastRef || !('card' in reply)) {
    if (lastRef) saveUserSlot(state, { lastRef });
    await sendReply(context, reply);
    return;
  }
  const id = await postCard(context, reply.card, reply.summary, FEEDBACK_LOOP);
  const recent = Object.entries(userSlot(state).answers ?? {}).slice(-(REMEMBERED_ANSWERS - 1));
  const answers = Object.fromEntries(id ? [...recent, [id, lastRef]] : recent);
  saveUserSlot(state, { lastRef, answers });
}
