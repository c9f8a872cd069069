import { join } from 'node:path';
import { createAdapter, inboundAuthFor } from './adapter';
import { buildApp, type BotApp } from './app';
import { ResilientStorage } from './turn/resilient-storage';
import { coordinatorPolicy } from './roles/coordinators';
import { createDelivery } from './broadcast/delivery-setup';
import type { Clock } from './broadcast/clock';
import type { Config } from './config';
import { checkKnowledge, loadCore, type Core } from './core/bootstrap';
import { liveKnowledge, startingVersion, type LiveKnowledge } from './core/live-knowledge';
import { readKnowledgeFiles, type KnowledgeFiles } from './knowledge/knowledge-files';
import { knowledgeEditor, type KnowledgeEditor } from './knowledge-admin/knowledge-editor';
import { readEvalSet } from './evaluation/eval-set';
import { DEFAULT_POPULAR, UsageCounter } from './search/usage';
import { startServer, type RunningServer } from './server';
import { AppError } from './shared/errors';
import type { Logger } from './shared/logger';
import { createStores } from './storage/create-stores';
import type { Stores } from './storage/stores';
import { scheduleExpiry, scheduleSlotExpiry } from './storage/slot-expiry';
import { bufferedRecorder, type Recorder } from './statistics/recorder';
import { NO_TELEMETRY, startTelemetry } from './telemetry/telemetry';
import { adapterMessenger } from './forwarding/adapter-messenger';
import { tabRoutesFor } from './tabs/tab-setup';

export interface RunningBot {
  readonly server: RunningServer;
  readonly stores: Stores;
  readonly bot: BotApp;
  readonly delivery: ReturnType<typeof createDelivery>;
  /** The knowledge version this instance serves, following the store. */
  readonly knowledge: LiveKnowledge;
  /** The coordinators' knowledge editing (what /api/tab/knowledge calls). */
  readonly editor: KnowledgeEditor;
  /** Stops the worker, the server and the expiry, then closes the stores. */
  stop(): Promise<void>;
}

/**
 * The one composition of the bot: what `npm start` runs, and what the integration tests and the
 * benchmarks start. Knowledge → storage → adapters → app → server → delivery.
 * Delivery gets an adapter of its own: the app sets `onTurnError` on the turn adapter, which
 * would swallow failed proactive sends (and post the apology into the subscriber's chat).
 */
export async function startBot(
  config: Config,
  logger: Logger,
  core: Core = loadCore(config),
  /** Tests only: the delivery's clock, and the wall clock scheduled news start by. */
  runtime: { clock?: Clock; now?: () => number } = {},
): Promise<RunningBot> {
  const stores = await createStores(config);
  await refuseSecondInstance(stores, config);
  // References stored before they were reduced to the proactive minimum (names, Entra ids).
  const scrubbed = await stores.scrubReferences();
  if (scrubbed > 0) logger.info({ intent: 'privacy', scrubbed }, 'stored conversation references reduced');
  let liveVersion = () => 0;
  const telemetry = await startTelemetry({
    connectionString: config.APPLICATIONINSIGHTS_CONNECTION_STRING,
    knowledgeVersion: () => liveVersion(),
    logger,
  });
  const buffered = bufferedRecorder(stores.counts, logger);
  buffered.start();
  // Every anonymous statistics event also goes to telemetry (the same fixed keys, no text).
  const recorder: Recorder = {
    count: (metric, key) => {
      buffered.count(metric, key);
      telemetry.event(metric, key);
    },
  };
  const adapter = createAdapter(config);
  const delivery = createDelivery({
    config,
    adapter: createAdapter(config),
    stores,
    logger,
    recorder,
    telemetry,
    ...runtime,
  });
  const policy = coordinatorPolicy(config.COORDINATOR_IDS, config.COORDINATOR_TOPICS);
  const check = (files: KnowledgeFiles) => checkKnowledge(files, config.knowledgeDir);
  const repository = { files: readKnowledgeFiles(config.knowledgeDir), core };
  const initial = await startingVersion({ store: stores.knowledge, repository, check, logger });
  // Kept across knowledge versions: the popular questions and the per-user limits are not knowledge.
  const usage = new UsageCounter(DEFAULT_POPULAR);
  const forwardingMessenger = adapterMessenger(createAdapter(config), config.BOT_ID ?? '');
  const build = (current: Core) =>
    buildApp(
      {
        ...current,
        logger,
        recorder,
        telemetry,
        usage,
        counts: stores.counts,
        forwarding: { store: stores.questions, messenger: forwardingMessenger },
        allowedTenants: config.allowedTenants,
        rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
        forget: (target) => stores.forget(target),
        createStateIfAbsent: (key, value) => stores.createStateIfAbsent(key, value),
        broadcasting: {
          stores,
          policy,
          wake: delivery.wake,
          refresh: delivery.refresh,
          approval: config.BROADCAST_APPROVAL,
          now: runtime.now,
        },
      },
      new ResilientStorage(stores.state, logger),
      adapter,
    );
  let app = build(initial.core);
  // A newly published version: the next turn runs on a bot built from it; turns under way finish on theirs.
  const knowledge = liveKnowledge({
    store: stores.knowledge,
    initial,
    check,
    logger,
    intervalMs: config.KNOWLEDGE_POLL_SECONDS * 1000,
    onSwitch: (live) => (app = build(live.core)),
  });
  liveVersion = () => knowledge.current().version;
  const bot: BotApp = {
    get app() {
      return app.app;
    },
    get services() {
      return app.services;
    },
    handleTurn: (context) => app.handleTurn(context),
  };
  const editor = knowledgeEditor({
    store: stores.knowledge,
    live: knowledge,
    check,
    approval: config.KNOWLEDGE_APPROVAL,
    logger,
  });
  const server = await startServer({
    bot,
    adapter,
    logger,
    port: config.PORT,
    host: config.HOST,
    auth: inboundAuthFor(config),
    // No per-request hook at all while telemetry is off.
    onRequest:
      telemetry === NO_TELEMETRY
        ? undefined
        : (route, method, status, ms) => telemetry.request(route, method, status, ms),
    readiness: async () => ({
      storage: await storageWritable(stores),
      knowledge: knowledge.current().core.knowledge.entries.length > 0,
      delivery: delivery.worker.running,
    }),
    // The sender holds the lease on the news delivery; a standby waits for it and is just as ready.
    readinessInfo: () => ({ delivery: delivery.worker.sending ? 'sender' : 'standby' }),
    routes: tabRoutesFor({
      config,
      live: knowledge,
      stores,
      policy,
      services: () => bot.services,
      editing: {
        editor,
        live: knowledge,
        check,
        previewQuestions: () => readEvalSet(config.knowledgePreviewSet) ?? [],
      },
      logger,
    }),
  });
  delivery.worker.start();
  knowledge.start();
  const expiry = scheduleSlotExpiry((before) => stores.expireUserSlots(before), logger);
  const questionExpiry = scheduleExpiry(
    (before) => stores.questions.deleteBefore(before),
    config.FORWARDED_QUESTION_DAYS * 86_400_000,
    'forwarded questions',
    logger,
  );
  return {
    server,
    stores,
    bot,
    delivery,
    knowledge,
    editor,
    stop: async () => {
      await knowledge.stop();
      expiry.stop();
      questionExpiry.stop();
      await Promise.allSettled([delivery.worker.stop(), server.stop()]);
      await buffered.stop();
      await telemetry.shutdown();
      await stores.close();
    },
  };
}

/** On SQLite one process is the bot: a second one on the same file would double Teams' send rate. */
async function refuseSecondInstance(stores: Stores, config: Config): Promise<void> {
  const role = stores.senderRole();
  if (!role.exclusive || (await role.hold())) return;
  await stores.close();
  throw new AppError(
    'STORAGE_INVALID',
    `SQLite: ${join(config.dataDir, 'bot.sqlite')} wird schon von einem laufenden Bot benutzt – ` +
      'ein zweiter Prozess startet nicht darauf. Mehrere Instanzen brauchen STORAGE=azure.',
  );
}

/** A small real write: a full disk or a read-only file fails here before a turn half-succeeds. */
async function storageWritable(stores: Stores): Promise<boolean> {
  try {
    await stores.state.write({ 'system/readyz': { at: Date.now() } });
    return true;
  } catch {
    return false;
  }
}
