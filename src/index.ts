import { MemoryStorage } from 'botbuilder';
import { createAdapter } from './adapter';
import { buildApp } from './app';
import { loadConfig } from './config';
import { loadCore } from './core/bootstrap';
import { startServer } from './server';
import { AppError } from './shared/errors';
import { logger } from './shared/logger';

/** Process entry: config → knowledge → app → server. Exit 1 on any start-up failure. */
async function main(): Promise<void> {
  const config = loadConfig();
  logger.level = config.LOG_LEVEL;
  const core = loadCore(config);
  logger.info({ entries: core.knowledge.entries.length }, 'knowledge loaded');
  const adapter = createAdapter(config);
  const bot = buildApp({ ...core, logger }, new MemoryStorage(), adapter);
  const server = await startServer({ bot, adapter, logger, port: config.PORT, host: config.HOST });
  if (config.localMode) logger.warn('LOCAL MODE: no BOT_ID set, requests are NOT authenticated – for development only');
  else logger.info({ botId: config.BOT_ID, tenant: config.BOT_TENANT_ID }, 'SingleTenant auth on');
  logger.info({ url: `${server.url}/api/messages` }, 'bot listening');

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server.stop().then(
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
