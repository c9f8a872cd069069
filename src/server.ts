import type { AddressInfo } from 'node:net';
import restify from 'restify';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { BotApp } from './app';
import type { Logger } from './shared/logger';

export const MAX_BODY_BYTES = 256 * 1024;

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** restify: POST /api/messages (the bot), GET /healthz. Starts on `port` (0 = ephemeral). */
export async function startServer(opts: {
  bot: BotApp;
  adapter: TeamsAdapter;
  logger: Logger;
  port: number;
  host?: string;
}): Promise<RunningServer> {
  const { bot, adapter, logger } = opts;
  const server = restify.createServer({ name: 'schulabsentismus-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));

  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.handleTurn(context));
  });
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    return next();
  });
  server.on('restifyError', (req, _res, err, callback) => {
    logger.warn({ route: req.getPath?.(), status: err.statusCode, name: err.name }, 'request rejected');
    return callback();
  });

  await new Promise<void>((resolve) => server.listen(opts.port, opts.host ?? '0.0.0.0', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
