import { Application } from '@microsoft/teams-ai/lib/Application';
import type { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter';
import type { Storage, TurnContext } from 'botbuilder';
import { registerActionRoutes } from './answers/action-routes';
import { BotApplication } from './turn/bot-application';
import { answerService } from './answers/answer-service';
import { registerAnswerRoutes } from './answers/answer-routes';
import type { BotDeps } from './app-deps';
import { ConversationTurnState, type BotTurnState } from './turn/turn-state';
import { passesGate } from './turn/gate';
import { answerUnanswered } from './turn/invoke-fallback';
import { registerPrivacyRoutes } from './privacy/privacy-routes';
import { RateLimiter } from './turn/rate-limit';
import { registerWelcomeRoutes } from './welcome/welcome-routes';
import { registerBroadcastRoutes } from './broadcast/broadcast-routes';
import { broadcastService, type BroadcastService } from './broadcast/broadcast-service';
import { subscriptionBase } from './broadcast/conversation-key';
import { acknowledgementService } from './broadcast/acknowledgement-service';
import { subscriptionService } from './broadcast/subscription-service';
import { registerSearchRoutes } from './compose/search-routes';
import { DEFAULT_POPULAR, UsageCounter } from './search/usage';
import { registerDirectoryRoutes } from './contacts/directory-routes';
import { guideText, registerGuideRoutes } from './guide/guide-routes';
import { guideService } from './guide/guide-service';
import { rememberRecentTexts } from './core/recent-texts';
import { TEXTS } from './texts';
import { registerFeedbackRoutes } from './feedback/feedback-routes';
import { NO_RECORDER } from './statistics/recorder';
import { registerStatisticsRoutes } from './statistics/statistics-routes';
import { forwardingService, type ForwardingService } from './forwarding/forwarding-service';
import { registerForwardingRoutes } from './forwarding/forwarding-routes';
import type { FlowEngine } from './dialog/flow-engine';

/** The school types the guided dialog knows (its first question with the slot "schulform"). */
const schoolTypesOf = (guide: FlowEngine) =>
  (guide.questions.find((q) => q.slot === 'schulform')?.options ?? []).map((o) => ({ value: o.value, title: o.title }));

export interface BotApp {
  readonly app: Application<BotTurnState>;
  /** The coordinators' use cases, for the Koordination tab (absent without broadcasting). */
  readonly services: { readonly forwarding?: ForwardingService; readonly news?: BroadcastService };
  /** Runs one turn; any error is logged (never the user's text) and answered with an apology. */
  handleTurn(context: TurnContext): Promise<void>;
}

/** Builds the Application and registers each feature. Order matters: the question catch-all comes last. */
export function buildApp(
  input: Omit<BotDeps, 'usage' | 'recorder'> & Partial<Pick<BotDeps, 'usage' | 'recorder'>>,
  storage: Storage,
  adapter?: TeamsAdapter,
): BotApp {
  const deps: BotDeps = {
    ...input,
    ...rememberRecentTexts(input),
    usage: input.usage ?? new UsageCounter(DEFAULT_POPULAR),
    recorder: input.recorder ?? NO_RECORDER,
  };
  const app = new BotApplication({
    storage,
    adapter,
    startTypingTimer: false,
    removeRecipientMention: true,
    turnStateFactory: () => new ConversationTurnState(),
  });
  const answers = answerService({ ...deps, offerForwarding: !!deps.forwarding && !!deps.broadcasting });
  const guide = guideService(deps, answers);
  const news = deps.broadcasting;
  const subscriptions =
    news && subscriptionService(news.stores.subscriptions, deps.logger, deps.forget, Date.now, deps.recorder);
  // Install and uninstall reach broadcast as the conversation the activity came from.
  const lifecycle = subscriptions && {
    installed: (context: TurnContext) => subscriptions.installed(subscriptionBase(context.activity)),
    uninstalled: (context: TurnContext) => subscriptions.uninstalled(subscriptionBase(context.activity)),
  };
  registerWelcomeRoutes(app, deps.logger, lifecycle, deps.createStateIfAbsent);
  registerActionRoutes(app, answers, deps.logger);
  registerFeedbackRoutes(app, deps.recorder, deps.logger, { offerForwarding: !!deps.forwarding && !!news });
  registerGuideRoutes(app, guide, deps.logger);
  const newsDesk = news && broadcastService({ ...news, logger: deps.logger });
  const acknowledge =
    news?.stores.acknowledgements &&
    acknowledgementService({
      store: news.stores.acknowledgements,
      broadcasts: news.stores.broadcasts,
      recorder: deps.recorder,
      logger: deps.logger,
    });
  if (newsDesk && subscriptions) registerBroadcastRoutes(app, subscriptions, newsDesk, acknowledge);
  if (deps.forget) registerPrivacyRoutes(app, deps.forget, deps.logger);
  const forwarding =
    deps.forwarding && news
      ? forwardingService({
          ...deps.forwarding,
          policy: news.policy,
          knowledge: deps.knowledge,
          engine: deps.engine,
          schoolTypes: schoolTypesOf(deps.guide),
          logger: deps.logger,
          recorder: deps.recorder,
        })
      : undefined;
  if (forwarding) registerForwardingRoutes(app, forwarding, deps.logger);
  if (deps.counts && news)
    registerStatisticsRoutes(app, {
      counts: deps.counts,
      policy: news.policy,
      knowledge: deps.knowledge,
      logger: deps.logger,
    });
  registerDirectoryRoutes(app, deps);
  registerSearchRoutes(app, deps);
  registerAnswerRoutes(app, answers, guideText(guide), deps.logger);

  const onError = async (context: TurnContext, error: unknown) => {
    const err = error instanceof Error ? error : new Error(String(error));
    deps.logger.error(
      { err: { name: err.name, message: err.message, stack: err.stack }, activityType: context.activity.type },
      'turn failed',
    );
    deps.telemetry?.error('turn');
    try {
      await context.sendActivity(TEXTS.errorApology);
    } catch (sendError) {
      deps.logger.error({ err: String(sendError) }, 'apology could not be sent');
    }
  };
  app.error(onError);

  const gate = {
    allowedTenants: deps.allowedTenants ?? [],
    limiter: new RateLimiter(deps.rateLimitPerMinute ?? 30),
    logger: deps.logger,
  };
  return {
    app,
    services: { forwarding, news: newsDesk },
    handleTurn: async (context) => {
      try {
        if (!(await passesGate(context, gate))) return await answerUnanswered(context, deps.logger, 'blocked');
        await app.run(context);
        await answerUnanswered(context, deps.logger, 'unhandled');
      } catch (error) {
        if (context.activity.type !== 'invoke') return await onError(context, error);
        // An invoke has no chat to apologise in: one line, no stack, and a 500 invoke response.
        deps.logger.error({ intent: 'invoke', err: (error as Error)?.name ?? 'Error' }, 'invoke failed');
        deps.telemetry?.error('invoke');
        await answerUnanswered(context, deps.logger, 'failed');
      }
    },
  };
}
