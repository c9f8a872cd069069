import { startBot } from './composition';
import { loadConfig } from './config';
import { loadCore } from './core/bootstrap';
import { AppError } from './shared/errors';
import { logger } from './shared/logger';
import { routeConsoleToLog } from './shared/console-to-log';

/** Process entry: config → knowledge → the composed bot (src/composition.ts). Exit 1 on any start-up failure. */
async function main(): Promise<void> {
  routeConsoleToLog(logger);
  const config = loadConfig();
  logger.level = config.LOG_LEVEL;
  const core = loadCore(config);
  logger.info({ entries: core.knowledge.entries.length }, 'knowledge loaded');
  const running = await startBot(config, logger, core);
  logger.info(
    { storage: config.STORAGE, dataDir: config.STORAGE === 'sqlite' ? config.dataDir : undefined },
    'storage ready',
  );
  if (config.localMode) logger.warn('LOCAL MODE: no BOT_ID set, requests are NOT authenticated – for development only');
  else logger.info({ botId: config.BOT_ID, tenants: config.allowedTenants }, 'SingleTenant auth on');
  if (config.COORDINATOR_IDS.length === 0) logger.info('no COORDINATOR_IDS configured: nobody can broadcast news');
  logger.info({ url: `${running.server.url}/api/messages` }, 'bot listening');

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(1), 10_000).unref();
    running.stop().then(
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
