import type { Activity, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { Sender } from './delivery-worker';
import type { Broadcast, DeliveryJob, SendOutcome, Subscription } from './model';

export interface ConnectorSenderOptions {
  readonly adapter: Pick<CloudAdapter, 'continueConversationAsync'>;
  /** The bot's app id; '' in local mode (no credentials). */
  readonly botAppId: string;
  readonly getBroadcast: (id: string) => Promise<Broadcast | undefined>;
  /** Builds the message (news card) for one recipient. */
  readonly activityFor: (broadcast: Broadcast, subscription: Subscription) => Partial<Activity>;
  /** Whole attempt, token included (default 15 s). Keep it below half the worker's lease. */
  readonly timeoutMs?: number;
  /** How long a looked-up broadcast is reused (default 1 s, so a recall stops sends quickly). */
  readonly cacheMs?: number;
}

const TRANSIENT_STATUS = new Set([412, 502, 503, 504]);
const TRANSIENT_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ECONNREFUSED', 'EPIPE', 'EAI_AGAIN']);

/** Sends, updates and deletes news messages through the Bot Connector (botbuilder). */
export class ConnectorSender implements Sender {
  private readonly cache = new Map<string, { at: number; broadcast?: Broadcast }>();

  constructor(private readonly o: ConnectorSenderOptions) {}

  async send(job: DeliveryJob, subscription: Subscription, signal: AbortSignal): Promise<SendOutcome> {
    const broadcast = await this.broadcast(job.broadcastId);
    if (!broadcast) return { kind: 'failed', reason: 'broadcast missing' };
    if (job.action === 'send' && broadcast.status === 'recalled') return { kind: 'failed', reason: 'recalled' };
    if (job.action !== 'send' && !job.activityId) return { kind: 'failed', reason: 'no activityId' };
    const abort = new AbortController();
    const onAbort = () => abort.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(onAbort, this.o.timeoutMs ?? 15_000);
    const aborted = new Promise<never>((_, reject) =>
      abort.signal.addEventListener('abort', () => reject(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' }))),
    );
    aborted.catch(() => undefined);
    try {
      let activityId: string | undefined;
      const reference = subscription.reference as Partial<ConversationReference>;
      const attempt = this.o.adapter.continueConversationAsync(this.o.botAppId, reference, async (ctx) => {
        withoutHiddenRetries(ctx, abort.signal);
        const activity = () => ({ type: 'message', ...this.o.activityFor(broadcast, subscription) });
        if (job.action === 'send') activityId = (await ctx.sendActivity(activity()))?.id;
        else if (job.action === 'update') await ctx.updateActivity({ ...activity(), id: job.activityId });
        else await ctx.deleteActivity(job.activityId!);
      });
      await Promise.race([attempt, aborted]);
      return { kind: 'ok', activityId: activityId ?? job.activityId };
    } catch (err) {
      return outcomeOf(abort.signal.aborted ? { code: 'ETIMEDOUT' } : err);
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    }
  }

  private async broadcast(id: string): Promise<Broadcast | undefined> {
    const now = Date.now();
    const hit = this.cache.get(id);
    if (hit && now - hit.at < (this.o.cacheMs ?? 1_000)) return hit.broadcast;
    const broadcast = await this.o.getBroadcast(id);
    if (this.cache.size >= 100) this.cache.clear();
    this.cache.set(id, { at: now, broadcast });
    return broadcast;
  }
}

interface PipelineLike {
  removePolicy(options: { name: string }): unknown;
  addPolicy(policy: {
    name: string;
    sendRequest(request: { abortSignal?: unknown }, next: Next): Promise<unknown>;
  }): void;
}
type Next = (request: { abortSignal?: unknown }) => Promise<unknown>;

/**
 * The connector's HTTP pipeline retries 429s and 5xx on its own (for seconds, blind to pacing);
 * the delivery engine decides instead. Also lets an abort cancel the request.
 */
function withoutHiddenRetries(ctx: TurnContext, signal: AbortSignal): void {
  const connector: unknown = ctx.turnState.get(ctx.adapter.ConnectorClientKey);
  const pipeline = (connector as { client?: { pipeline?: PipelineLike } } | undefined)?.client?.pipeline;
  if (!pipeline) return;
  pipeline.removePolicy({ name: 'defaultRetryPolicy' });
  pipeline.addPolicy({
    name: 'deliveryAbort',
    sendRequest: (request, next) => next(Object.assign(request, { abortSignal: signal })),
  });
}

/** Seconds or an HTTP date → milliseconds from now. */
export function parseRetryAfter(value: string | undefined | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

interface ConnectorError {
  statusCode?: number;
  code?: string;
  name?: string;
  response?: { headers?: { get?(name: string): string | undefined | null } };
}

/** Maps a connector error (RestError or network error) to an outcome. Reasons carry codes, never text. */
export function outcomeOf(err: unknown): SendOutcome {
  const e = (err ?? {}) as ConnectorError;
  const status = e.statusCode;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const reason = [status, code].filter(Boolean).join(' ') || `error ${e.name ?? 'unknown'}`;
  if (status === 429)
    return { kind: 'throttled', retryAfterMs: parseRetryAfter(e.response?.headers?.get?.('retry-after')) };
  if (status && TRANSIENT_STATUS.has(status)) return { kind: 'transient', status, reason };
  if (status === 403 || status === 404) return { kind: 'gone', status, reason };
  if (status) return { kind: 'failed', status, reason };
  if ((code && TRANSIENT_CODES.has(code)) || e.name === 'AbortError') return { kind: 'transient', reason };
  return { kind: 'failed', reason };
}
