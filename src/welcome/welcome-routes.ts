import type { Application } from '@microsoft/teams-ai/lib/Application';
import type { TurnContext } from 'botbuilder';
import { helpCard } from '../cards/answer-card';
import type { Logger } from '../shared/logger';
import { TEXTS } from '../texts';
import { sendCard } from '../turn/reply';
import type { BotTurnState } from '../turn/turn-state';

/** Optional reactions to the bot being added to or removed from a conversation (subscriptions). */
export interface Lifecycle {
  installed(context: TurnContext): Promise<void>;
  uninstalled(context: TurnContext): Promise<void>;
}

/**
 * Install and uninstall: welcome once per conversation (installationUpdate or membersAdded),
 * and tell the lifecycle so news can reach the conversation.
 */
export function registerWelcomeRoutes(
  app: Application<BotTurnState>,
  logger: Logger,
  lifecycle?: Lifecycle,
  createIfAbsent?: (key: string, value: object) => Promise<boolean>,
): void {
  // Teams sends installationUpdate and conversationUpdate at the same moment: both turns read the state
  // before either saves it. The conversation item is therefore created up front, and only the turn that
  // created it welcomes – across instances too. This process also remembers recent welcomes for a minute.
  const recent = new Map<string, number>();
  const claimed = async (state: BotTurnState, welcomedAt: number) => {
    const key = state.getScope('conversation')?.storageKey;
    return !createIfAbsent || !key || (await createIfAbsent(key, { welcomedAt }));
  };
  const welcome = async (context: TurnContext, state: BotTurnState, trigger: string) => {
    await lifecycle?.installed(context);
    const conversation = context.activity.conversation?.id ?? '';
    const now = Date.now();
    for (const [id, at] of recent) if (now - at > 60_000) recent.delete(id);
    if (state.conversation.welcomedAt || recent.has(conversation)) return;
    recent.set(conversation, now);
    if (!(await claimed(state, now))) return;
    state.conversation.welcomedAt = now;
    logger.info(
      { intent: 'welcome', trigger, conversationType: context.activity.conversation?.conversationType },
      'welcome',
    );
    await sendCard(context, helpCard(true), TEXTS.welcomeTitle);
  };
  const isBot = (context: TurnContext, members: { id: string }[] | undefined) =>
    (members ?? []).some((m) => m.id === context.activity.recipient?.id);

  app.conversationUpdate('membersAdded', async (context, state) => {
    const personal = context.activity.conversation?.conversationType === 'personal';
    const added = context.activity.membersAdded ?? [];
    if (isBot(context, added) || (personal && added.length > 0)) await welcome(context, state, 'membersAdded');
  });
  app.conversationUpdate('membersRemoved', async (context) => {
    if (isBot(context, context.activity.membersRemoved)) await lifecycle?.uninstalled(context);
  });
  app.activity('installationUpdate', async (context, state) => {
    const action = context.activity.action ?? '';
    if (action === 'add' || action === 'add-upgrade') await welcome(context, state, 'installationUpdate');
    else if (action.startsWith('remove')) await lifecycle?.uninstalled(context);
  });
}
