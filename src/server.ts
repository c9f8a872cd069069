import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import restify from 'restify';
import type { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter';
import type { BotApp } from './app';
import { activityProblem, tidyActivity } from './activity-check';
import { AppError } from './shared/errors';
import { guardResponse } from './http-guard';
import type { InboundAuth } from './inbound-auth';
import type { Logger } from './shared/logger';

export const MAX_BODY_BYTES = 256 * 1024;

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

export interface ClientLimits {
  readonly headersMs?: number;
  readonly requestMs?: number;
  readonly connectionsPerAddress?: number;
}

/**
 * A client that sends its headers or body byte by byte is cut off: the headers must be complete within
 * `headersMs` of the connection (or of the previous response), the whole request answered within `requestMs`.
 * Node's own timeouts are set too, but Node checks them only every 30 s. One address holds at most so many
 * connections (the Bot Connector's few addresses stay far below the default).
 */
function limitSlowClients(http: HttpServer, limits: ClientLimits, logger: Logger): void {
  const headersMs = limits.headersMs ?? 10_000;
  const requestMs = limits.requestMs ?? 30_000;
  http.headersTimeout = headersMs;
  http.requestTimeout = requestMs;
  const cap = limits.connectionsPerAddress ?? 256;
  const open = new Map<string, number>();
  const waiting = new WeakMap<Socket, NodeJS.Timeout>();
  const awaitHeaders = (socket: Socket) => {
    const timer = setTimeout(() => {
      logger.warn({ kind: 'slow-client', limitMs: headersMs }, 'connection closed: headers too slow');
      socket.destroy();
    }, headersMs);
    timer.unref();
    waiting.set(socket, timer);
  };
  http.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    const count = (open.get(address) ?? 0) + 1;
    if (count > cap) {
      logger.warn({ kind: 'connections', cap }, 'connection refused: too many from one address');
      socket.destroy();
      return;
    }
    open.set(address, count);
    awaitHeaders(socket);
    socket.once('close', () => {
      clearTimeout(waiting.get(socket));
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    clearTimeout(waiting.get(socket));
    const deadline = setTimeout(() => {
      logger.warn({ kind: 'slow-client', limitMs: requestMs }, 'request cut off: not done in time');
      // No 408 of our own: restify answers the aborted body itself, and two answers would throw.
      socket.destroy();
    }, requestMs);
    deadline.unref();
    res.once('close', () => {
      clearTimeout(deadline);
      if (!socket.destroyed) awaitHeaders(socket);
    });
  });
}

/** http(s)://127.0.0.1, localhost or [::1]: where the Agents Playground and the emulators listen. */
export function isLoopbackUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  try {
    const { protocol, hostname } = new URL(url);
    return /^https?:$/.test(protocol) && ['127.0.0.1', 'localhost', '[::1]', '::1'].includes(hostname);
  } catch {
    return false;
  }
}

/** restify: POST /api/messages (the bot), GET /healthz, and the tabs' routes. Starts on `port` (0 = ephemeral). */
export async function startServer(opts: {
  bot: BotApp;
  adapter: TeamsAdapter;
  logger: Logger;
  port: number;
  host?: string;
  /** The token check before the adapter; omitted in local mode. */
  auth?: InboundAuth;
  /** For GET /readyz: each check true when fine (storage writable, knowledge loaded, delivery running). */
  readiness?: () => Promise<Readonly<Record<string, boolean>>>;
  /** Shown by /readyz without deciding it (this instance's delivery role: a standby is ready too). */
  readinessInfo?: () => Readonly<Record<string, unknown>>;
  /** More routes on the same server (the tabs and their API). */
  routes?: (server: restify.Server) => void;
  /** Slow-client limits (defaults: 10 s for the headers, 30 s per request, 256 connections per address). */
  limits?: ClientLimits;
  /** After every request: the route pattern (never the URL), method, status and duration (telemetry). */
  onRequest?: (route: string, method: string, status: number, ms: number) => void;
}): Promise<RunningServer> {
  const { bot, adapter, logger } = opts;
  const server = restify.createServer({ name: 'schulabsentismus-bot', handleUncaughtExceptions: false });
  // Replies are a few KB: without TCP_NODELAY, Nagle + delayed ACK adds ~40 ms to each.
  server.server.on('connection', (socket: Socket) => socket.setNoDelay(true));
  limitSlowClients(server.server, opts.limits ?? {}, logger);
  if (opts.onRequest) {
    const done = opts.onRequest;
    server.on('after', (req: restify.Request, res: restify.Response) =>
      done(
        req.getRoute?.()?.path?.toString() ?? 'unmatched',
        req.method ?? '',
        res.statusCode,
        Date.now() - req.time(),
      ),
    );
  }
  // restify limits the compressed bytes only: a 245 KB gzip body inflates to 240 MB before
  // authentication. The Bot Connector never compresses, so compressed bodies are refused unread.
  server.use((req, res, next) => {
    if (req.headers['content-encoding'] === undefined) return next();
    logger.warn({ status: 415, route: req.getPath?.(), kind: 'content-encoding' }, 'request refused');
    res.header('Accept-Encoding', 'identity');
    res.send(415, { error: 'Unsupported content encoding' });
    return next(false);
  });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));

  server.post('/api/messages', async (req, res) => {
    const problem = activityProblem(req.body);
    if (problem) {
      logger.warn({ status: 400, fields: problem }, 'invalid activity rejected');
      return void res.send(400, { error: 'Bad request', fields: problem });
    }
    const dropped = tidyActivity(req.body as Record<string, unknown>);
    if (dropped.length) logger.warn({ fields: dropped }, 'wrongly typed activity fields ignored');
    // Local mode checks no token: replies may go only to an emulator on this machine, never to any URL.
    if (!opts.auth && !isLoopbackUrl((req.body as { serviceUrl?: unknown }).serviceUrl)) {
      logger.warn({ status: 403, kind: 'local-mode', reason: 'serviceUrl not on loopback' }, 'request refused');
      return void res.send(403, {
        error: 'Local mode answers only emulators on loopback (http://127.0.0.1, localhost)',
      });
    }
    if (opts.auth) {
      const verdict = await opts.auth.check(req.headers.authorization, req.body as Record<string, unknown>);
      if (!verdict.ok) {
        logger.warn({ status: verdict.status, kind: 'auth', reason: verdict.reason }, 'request refused');
        if (verdict.status === 503) res.header('Retry-After', String(verdict.retryAfterSeconds));
        return void res.send(verdict.status, {
          error: verdict.status === 503 ? 'Service unavailable' : 'Unauthorized',
        });
      }
    }
    try {
      await adapter.process(req, guardResponse(res, logger) as unknown as restify.Response, (context) =>
        bot.handleTurn(context),
      );
    } catch (err) {
      // botbuilder validates the activity before its own try: a malformed one throws here.
      logger.warn({ status: 400, err: (err as Error).name }, 'malformed activity rejected');
      if (!res.headersSent) res.send(400, { error: 'Bad request' });
    }
  });
  // Liveness stays /healthz; readiness says whether this instance can do its work now (503 if not).
  server.get('/readyz', async (_req, res) => {
    const checks = opts.readiness ? await opts.readiness() : {};
    const ready = Object.values(checks).every(Boolean);
    if (!ready) logger.warn({ status: 503, checks }, 'not ready');
    const info = opts.readinessInfo?.() ?? {};
    res.send(ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks, ...info });
  });
  opts.routes?.(server);
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    return next();
  });
  server.on('restifyError', (req, _res, err, callback) => {
    const level = err.statusCode === 405 ? 'debug' : 'warn';
    logger[level]({ route: req.getPath?.(), status: err.statusCode, name: err.name }, 'request rejected');
    return callback();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        new AppError(
          'CONFIG_INVALID',
          `Port ${opts.port} ist nicht verfügbar (${err.code ?? err.message}). Anderen PORT wählen.`,
        ),
      ),
    );
    server.listen(opts.port, opts.host ?? '0.0.0.0', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections would hold close() open: end the idle ones now, the rest shortly.
        server.server.closeIdleConnections();
        setTimeout(() => server.server.closeAllConnections(), 2_000).unref();
      }),
  };
}
