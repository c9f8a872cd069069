import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { helpCard } from '../cards/answer-card';
import type { Logger } from '../shared/logger';
import { T } from '../texts';
import { sendCard } from './reply';
import type { BotTurnState } from './turn-state';

/** Welcome once per conversation, on install (installationUpdate) or when the bot is added (membersAdded). */
export function registerWelcomeRoutes(app: Application<BotTurnState>, logger: Logger): void {
  const welcome = async (context: TurnContext, state: BotTurnState, trigger: string) => {
    if (state.conversation.welcomedAt) return;
    state.conversation.welcomedAt = Date.now();
    logger.info(
      { intent: 'welcome', trigger, conversationType: context.activity.conversation?.conversationType },
      'welcome',
    );
    await sendCard(context, helpCard(true), T.welcomeTitle);
  };

  app.conversationUpdate('membersAdded', async (context, state) => {
    const botId = context.activity.recipient?.id;
    const added = context.activity.membersAdded ?? [];
    const personal = context.activity.conversation?.conversationType === 'personal';
    if (added.some((m) => m.id === botId) || (personal && added.length > 0))
      await welcome(context, state, 'membersAdded');
  });

  app.activity('installationUpdate', async (context, state) => {
    if (context.activity.action === 'add' || context.activity.action === 'add-upgrade') {
      await welcome(context, state, 'installationUpdate');
    }
  });
}
