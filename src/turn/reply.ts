import { CardFactory, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/adaptive';

/** Sends one Adaptive Card; `summary` is the notification preview text. */
export async function sendCard(context: TurnContext, card: AdaptiveCard, summary?: string): Promise<void> {
  await context.sendActivity({ type: 'message', summary, attachments: [CardFactory.adaptiveCard(card)] });
}
