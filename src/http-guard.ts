import type { Response } from 'restify';
import type { Logger } from './shared/logger';

const AUTH_PROBLEM = /signature|token|jwt|unauthori[sz]ed|issuer|audience|endorse|signing key|authorization/i;

/** The minimal response botbuilder writes to (status, header, send, end). */
export interface AdapterResponse {
  status(code: number): AdapterResponse;
  header(name: string, value: unknown): unknown;
  send(body?: unknown): AdapterResponse;
  end(): void;
}

/**
 * What the bot adapter writes is collected and sent once: error bodies become short JSON without
 * the exception text, and authentication failures that botbuilder reports as 500 become 401.
 */
export function guardResponse(res: Response, logger: Logger): AdapterResponse {
  let status = 200;
  let body: unknown;
  const guarded: AdapterResponse = {
    status: (code) => ((status = code), guarded),
    header: (name, value) => res.header(name, value),
    send: (b) => ((body = b), guarded),
    end: () => {
      if (status < 400) return void res.send(status, body);
      const text = typeof body === 'string' ? body : JSON.stringify(body ?? '');
      const auth = status === 401 || status === 403 || (status >= 500 && AUTH_PROBLEM.test(text));
      const final = auth ? 401 : status;
      logger.warn({ status: final, reportedStatus: status, kind: auth ? 'auth' : 'error' }, 'request refused');
      res.send(final, { error: auth ? 'Unauthorized' : final >= 500 ? 'Internal error' : 'Bad request' });
    },
  };
  return guarded;
}
