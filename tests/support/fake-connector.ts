import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TEAMS_CONVERSATION_WINDOWS, type RateWindow } from '../../src/broadcast/pacing';

/** A scripted answer: an error status (with Teams error code / Retry-After) and/or a delay in real ms. */
export interface Fault {
  readonly status?: number;
  readonly code?: string;
  /** Retry-After header value (Teams seconds, or an HTTP date). */
  readonly retryAfter?: string;
  readonly delayMs?: number;
}

export interface FakeConnectorOptions {
  /** Real ms per Teams ms: 0.02 plays one Teams second in 20 ms. Limits and Retry-After use Teams time. */
  readonly timeScale?: number;
  readonly enforceLimits?: boolean;
  /** Keep each call's activity body (default true); a bench at 50,000 recipients would measure the bodies' memory. */
  readonly keepActivities?: boolean;
  readonly perConversation?: readonly RateWindow[];
  readonly perTenantPerSecond?: number;
  /** Random faults for requests within the limits. */
  readonly random?: { readonly rate: number; readonly faults: readonly Fault[]; readonly seed?: number };
}

export interface ConnectorCall {
  readonly method: string;
  readonly conversationId: string;
  readonly activityId?: string;
  readonly tenantId: string;
  readonly broadcastId?: string;
  readonly activity?: Record<string, unknown>;
  readonly status: number;
  /** Answered 429 because Teams' limits were exceeded (not a scripted fault). */
  readonly limited: boolean;
  /** Teams time (ms since start) when the request arrived. */
  readonly at: number;
  /** The Authorization header the bot sent (tokens are fakes in tests). */
  readonly authorization?: string;
}

/** Deterministic uniform [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROUTE = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;

/** Plays the Bot Connector on 127.0.0.1: Teams' limits, scripted and random faults, call log, duplicates. */
export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  /** Called for every answered request (e.g. to crash a worker at a chosen point). */
  onCall?: (call: ConnectorCall) => void;
  private readonly queued = new Map<string, Fault[]>();
  private readonly always = new Map<string, Fault>();
  private readonly accepted = new Map<string, number[]>();
  private readonly tenants = new Map<string, string>();
  private readonly start = performance.now();
  private readonly random: () => number;
  private ids = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly o: FakeConnectorOptions,
  ) {
    this.random = seededRandom(o.random?.seed ?? 1);
  }

  static async start(options: FakeConnectorOptions = {}): Promise<FakeConnector> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const fake = new FakeConnector(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, options);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void fake.handle(req, res));
    return fake;
  }

  /** The next requests to this conversation get these faults, in order. */
  fail(conversationId: string, ...faults: Fault[]): void {
    this.queued.set(conversationId, [...(this.queued.get(conversationId) ?? []), ...faults]);
  }

  /** Every request to this conversation gets the fault (undefined: back to normal). */
  failAlways(conversationId: string, fault: Fault | undefined): void {
    if (fault) this.always.set(conversationId, fault);
    else this.always.delete(conversationId);
  }

  /** Conversations that received the broadcast (a successful POST). */
  delivered(broadcastId: string): Map<string, number> {
    const got = new Map<string, number>();
    for (const c of this.calls)
      if (c.method === 'POST' && c.status === 200 && c.broadcastId === broadcastId)
        got.set(c.conversationId, (got.get(c.conversationId) ?? 0) + 1);
    return got;
  }

  /** Extra copies of the broadcast beyond the first, over all conversations. */
  duplicates(broadcastId: string): number {
    return [...this.delivered(broadcastId).values()].reduce((sum, n) => sum + n - 1, 0);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** Teams time in ms since start. */
  now(): number {
    return (performance.now() - this.start) / (this.o.timeScale ?? 1);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = this.now(); // when the request arrives, as Teams counts it
    const body = await readBody(req);
    const match = ROUTE.exec(req.url ?? '');
    const method = req.method ?? 'GET';
    if (!match || !['POST', 'PUT', 'DELETE'].includes(method)) return answer(res, 404, { error: { code: 'NotFound' } });
    const conversationId = decodeURIComponent(match[1]!);
    const activity = body ? (JSON.parse(body) as Record<string, unknown>) : undefined;
    const tenantId = tenantOf(activity) ?? this.tenants.get(conversationId) ?? 'unknown';
    this.tenants.set(conversationId, tenantId);
    const wait = this.o.enforceLimits === false ? 0 : this.throttle(conversationId, tenantId, at);
    const fault =
      wait > 0 ? { status: 429, retryAfter: String(Math.ceil(wait / 1000)) } : this.faultFor(conversationId);
    const status = fault?.status ?? 200;
    const activityId = method === 'POST' ? `act-${++this.ids}` : match[2] && decodeURIComponent(match[2]);
    const call: ConnectorCall = {
      method,
      conversationId,
      activityId,
      tenantId,
      broadcastId: broadcastIdOf(activity),
      activity: this.o.keepActivities === false ? undefined : activity,
      status,
      limited: wait > 0,
      at,
      authorization: req.headers.authorization,
    };
    this.calls.push(call);
    this.onCall?.(call);
    if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (status !== 200) {
      const headers: Record<string, string> = fault?.retryAfter ? { 'retry-after': fault.retryAfter } : {};
      return answer(res, status, { error: { code: fault?.code ?? `Status${status}`, message: 'fake' } }, headers);
    }
    answer(res, 200, method === 'DELETE' ? {} : { id: activityId });
  }

  /** 0 when within Teams' limits (and then counted), else the Teams ms until it would be. */
  private throttle(conversationId: string, tenantId: string, now: number): number {
    const conv = `c:${conversationId}`;
    const tenant = `t:${tenantId}`;
    const checks: [string, RateWindow][] = [
      ...(this.o.perConversation ?? TEAMS_CONVERSATION_WINDOWS).map((w): [string, RateWindow] => [conv, w]),
      [tenant, { limit: this.o.perTenantPerSecond ?? 50, ms: 1000 }],
    ];
    let wait = 0;
    for (const [key, w] of checks) {
      const inWindow = (this.accepted.get(key) ?? []).filter((t) => t > now - w.ms);
      if (inWindow.length >= w.limit) wait = Math.max(wait, inWindow[inWindow.length - w.limit]! + w.ms - now);
    }
    if (wait > 0) return wait;
    for (const key of [conv, tenant]) {
      const horizon = key === conv ? 3_600_000 : 1_000;
      this.accepted.set(key, [...(this.accepted.get(key) ?? []).filter((t) => t > now - horizon), now]);
    }
    return 0;
  }

  private faultFor(conversationId: string): Fault | undefined {
    const queued = this.queued.get(conversationId);
    if (queued?.length) return queued.shift();
    const always = this.always.get(conversationId);
    if (always) return always;
    const r = this.o.random;
    if (r && r.faults.length > 0 && this.random() < r.rate)
      return r.faults[Math.floor(this.random() * r.faults.length)];
    return undefined;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

function answer(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function tenantOf(activity: Record<string, unknown> | undefined): string | undefined {
  const conversation = activity?.conversation as { tenantId?: string } | undefined;
  const channelData = activity?.channelData as { tenant?: { id?: string } } | undefined;
  return conversation?.tenantId ?? channelData?.tenant?.id;
}

function broadcastIdOf(activity: Record<string, unknown> | undefined): string | undefined {
  const channelData = activity?.channelData as { broadcastId?: string } | undefined;
  const value = activity?.value as { broadcastId?: string } | undefined;
  return channelData?.broadcastId ?? value?.broadcastId;
}
