import { createAdapter } from './adapter';
import { buildApp } from './app';
import { ResilientStorage } from './bot/resilient-storage';
import { coordinatorPolicy } from './broadcast/coordinators';
import { createDelivery } from './broadcast/delivery-setup';
import { loadConfig } from './config';
import { loadCore } from './core/bootstrap';
import { startServer } from './server';
import { AppError } from './shared/errors';
import { logger } from './shared/logger';
import { createStores } from './storage/create-stores';
import { scheduleSlotExpiry } from './storage/slot-expiry';

/** Process entry: config → knowledge → storage → app → server → delivery. Exit 1 on any start-up failure. */
async function main(): Promise<void> {
  const config = loadConfig();
  logger.level = config.LOG_LEVEL;
  const core = loadCore(config);
  logger.info({ entries: core.knowledge.entries.length }, 'knowledge loaded');
  const stores = await createStores(config);
  logger.info(
    { storage: config.STORAGE, dataDir: config.STORAGE === 'sqlite' ? config.dataDir : undefined },
    'storage ready',
  );
  const adapter = createAdapter(config);
  const delivery = createDelivery({ config, adapter, stores, logger });
  const bot = buildApp(
    {
      ...core,
      logger,
      allowedTenants: config.allowedTenants,
      rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
      forget: (target) => stores.forget(target),
      createStateIfAbsent: (key, value) => stores.createStateIfAbsent(key, value),
      broadcasting: {
        stores,
        policy: coordinatorPolicy(config.COORDINATOR_IDS, config.COORDINATOR_TOPICS),
        wake: delivery.wake,
      },
    },
    new ResilientStorage(stores.state, logger),
    adapter,
  );
  const server = await startServer({ bot, adapter, logger, port: config.PORT, host: config.HOST });
  delivery.worker.start();
  const expiry = scheduleSlotExpiry((before) => stores.expireUserSlots(before), logger);
  if (config.localMode) logger.warn('LOCAL MODE: no BOT_ID set, requests are NOT authenticated – for development only');
  else logger.info({ botId: config.BOT_ID, tenants: config.allowedTenants }, 'SingleTenant auth on');
  if (config.COORDINATOR_IDS.length === 0) logger.info('no COORDINATOR_IDS configured: nobody can broadcast news');
  logger.info({ url: `${server.url}/api/messages` }, 'bot listening');

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(1), 10_000).unref();
    expiry.stop();
    Promise.allSettled([delivery.worker.stop(), server.stop()])
      .then(() => stores.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof AppError) logger.fatal({ code: err.code, details: err.details }, err.message.split('\n')[0]);
  else logger.fatal({ err }, 'start-up failed');
  process.exit(1);
});
