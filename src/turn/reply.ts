import { CardFactory, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/adaptive';
import { saveUserSlot, type BotTurnState } from './turn-state';

/** Sends one Adaptive Card; `summary` is the notification preview text. */
export async function sendCard(context: TurnContext, card: AdaptiveCard, summary?: string): Promise<void> {
  await context.sendActivity({ type: 'message', summary, attachments: [CardFactory.adaptiveCard(card)] });
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

/** The edge's half of a feature's decision: remember, then send. */
export async function say(context: TurnContext, state: BotTurnState, { reply, lastRef }: Said): Promise<void> {
  if (lastRef) saveUserSlot(state, { lastRef });
  await sendReply(context, reply);
}
