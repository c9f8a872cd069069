import type restify from 'restify';
import type { CoordinatorPolicy } from '../roles/coordinators';
import type { Logger } from '../shared/logger';
import { TEXTS } from '../texts';
import type { CoordinationDesk } from './coordination-desk';

const T = TEXTS.tabs;
const ID = /^[0-9a-f-]{36}$/;
const json = (res: restify.Response, status: number, body: unknown) => void res.send(status, body);

type Handler = (id: string, req: restify.Request, res: restify.Response) => Promise<void>;

/** Wraps a handler: the token, then the coordinator; a failure is logged without the request's content. */
export function coordinatorOnly(deps: {
  policy: CoordinatorPolicy;
  logger: Logger;
  signedIn: (req: restify.Request, res: restify.Response) => Promise<string | undefined>;
}) {
  const { logger, signedIn } = deps;
  return (handler: Handler) => async (req: restify.Request, res: restify.Response) => {
    const id = await signedIn(req, res);
    if (id === undefined) return;
    if (!deps.policy.isCoordinator(id)) {
      logger.warn({ status: 403, kind: 'tab-auth', reason: 'not a coordinator' }, 'tab request refused');
      return json(res, 403, { error: T.notCoordinator });
    }
    try {
      await handler(id, req, res);
    } catch (err) {
      logger.error({ intent: 'tab', route: req.getPath(), err: (err as Error).message }, 'tab request failed');
      if (!res.headersSent) json(res, 500, { error: T.failed });
    }
  };
}

/** The Koordination tab's API: every call checks the sign-in and the object id against COORDINATOR_IDS. */
export function registerCoordinationRoutes(
  server: restify.Server,
  deps: {
    desk: CoordinationDesk;
    policy: CoordinatorPolicy;
    logger: Logger;
    signedIn: (req: restify.Request, res: restify.Response) => Promise<string | undefined>;
  },
): void {
  const coordinator = coordinatorOnly(deps);
  const validId = (req: restify.Request, res: restify.Response) => {
    const id = String(req.params?.id ?? '');
    if (ID.test(id)) return id;
    json(res, 400, { error: T.badId });
  };

  const { desk } = deps;
  server.get(
    '/api/tab/coordination/statistics',
    coordinator(async (_id, _req, res) => json(res, 200, await desk.statistics())),
  );
  server.get(
    '/api/tab/coordination/questions',
    coordinator(async (_id, _req, res) => json(res, 200, await desk.inbox())),
  );
  server.post(
    '/api/tab/coordination/questions/:id/answer',
    coordinator(async (who, req, res) => {
      const id = validId(req, res);
      const answer = (req.body as { answer?: unknown } | undefined)?.answer;
      if (!id) return;
      if (typeof answer !== 'string' || !answer.trim() || answer.length > 3000)
        return json(res, 400, { error: T.badAnswer });
      json(res, 200, await desk.settle(who, id, { action: 'answer', answer }));
    }),
  );
  server.post(
    '/api/tab/coordination/questions/:id/close',
    coordinator(async (who, req, res) => {
      const id = validId(req, res);
      if (id) json(res, 200, await desk.settle(who, id, { action: 'close' }));
    }),
  );
  server.get(
    '/api/tab/coordination/news',
    coordinator(async (who, _req, res) => json(res, 200, await desk.sent(who))),
  );
  server.get(
    '/api/tab/coordination/news/:id/report.csv',
    coordinator(async (who, req, res) => {
      const id = validId(req, res);
      if (!id) return;
      const csv = await desk.reportCsv(who, id);
      if (csv === undefined) return json(res, 404, { error: T.notFound });
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="zustellbericht-${id}.csv"`);
      res.sendRaw(200, csv);
    }),
  );
  for (const step of ['approve', 'pause', 'resume', 'cancel'] as const)
    server.post(
      `/api/tab/coordination/news/:id/${step}`,
      coordinator(async (who, req, res) => {
        const id = validId(req, res);
        if (id) json(res, 200, { messages: await desk.step(who, id, step) });
      }),
    );
  server.post(
    '/api/tab/coordination/news/:id/schedule',
    coordinator(async (who, req, res) => {
      const id = validId(req, res);
      const body = (req.body ?? {}) as { date?: unknown; time?: unknown };
      if (id) json(res, 200, { messages: await desk.step(who, id, 'reschedule', body) });
    }),
  );
  server.post(
    '/api/tab/coordination/news/:id/recall',
    coordinator(async (who, req, res) => {
      const id = validId(req, res);
      if (id) json(res, 200, { messages: await desk.recall(who, id) });
    }),
  );
  server.post(
    '/api/tab/coordination/news/:id/correct',
    coordinator(async (who, req, res) => {
      const id = validId(req, res);
      const body = (req.body ?? {}) as Record<string, unknown>;
      if (id)
        json(res, 200, {
          messages: await desk.correct(who, id, { title: body.title, text: body.text, link: body.link }),
        });
    }),
  );
}
