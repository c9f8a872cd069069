import { decodeProtectedHeader, errors, importJWK, jwtVerify, type JWK, type KeyLike } from 'jose';

/** What the edge does with a request before the bot adapter sees it. */
export type AuthVerdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly status: 401; readonly reason: string }
  | { readonly ok: false; readonly status: 503; readonly reason: string; readonly retryAfterSeconds: number };

export interface InboundAuthOptions {
  readonly appId: string;
  readonly issuer: string;
  readonly metadataUrl: string;
  /** Keys are fetched again after this (default 24 h) and, for an unknown key id, at most every 5 min. */
  readonly refreshMs?: number;
  readonly fetchTimeoutMs?: number;
  readonly now?: () => number;
}

interface SigningKey {
  readonly key: KeyLike | Uint8Array;
  readonly endorsements: readonly string[];
}

const RETRY_AFTER_SECONDS = 30;
const UNKNOWN_KID_REFRESH_MS = 5 * 60_000;
/** After a failed fetch, requests are refused (503) for this long before the next try. */
const FAILED_FETCH_PAUSE_MS = 5_000;
/** botbuilder's own tolerance for channel tokens. */
const CLOCK_TOLERANCE_SECONDS = 300;

class MetadataUnavailable extends Error {}

/**
 * Checks the Bot Framework channel token (RS256, issuer, audience, expiry, key endorsement for the
 * channel, service URL claim) before botbuilder does. Bad tokens of any kind → 401; keys that
 * cannot be fetched → 503. botbuilder would answer 500 to some of them and print stacks and the
 * key list to stderr; here the verdict carries a short reason and nothing else.
 */
export class InboundAuth {
  private keys = new Map<string, SigningKey>();
  private fetchedAt = Number.NEGATIVE_INFINITY;
  private attemptedAt = Number.NEGATIVE_INFINITY;
  private loading?: Promise<void>;

  constructor(private readonly options: InboundAuthOptions) {}

  async check(authorization: unknown, activity: { channelId?: unknown; serviceUrl?: unknown }): Promise<AuthVerdict> {
    const token = bearerToken(authorization);
    if (!token) return refused('no bearer token');
    let kid: string | undefined;
    try {
      const header = decodeProtectedHeader(token);
      if (header.alg !== 'RS256') return refused('signing algorithm not allowed');
      kid = header.kid;
    } catch {
      return refused('malformed token');
    }
    if (!kid) return refused('no key id');
    let signing: SigningKey | undefined;
    try {
      signing = await this.keyFor(kid);
    } catch {
      return { ok: false, status: 503, reason: 'signing keys unavailable', retryAfterSeconds: RETRY_AFTER_SECONDS };
    }
    if (!signing) return refused('unknown signing key');
    try {
      const { payload } = await jwtVerify(token, signing.key, {
        algorithms: ['RS256'],
        issuer: this.options.issuer,
        audience: this.options.appId,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: this.options.now ? new Date(this.options.now()) : undefined,
      });
      const channel = typeof activity.channelId === 'string' ? activity.channelId : '';
      if (signing.endorsements.length > 0 && !signing.endorsements.includes(channel))
        return refused('key not endorsed for channel');
      if (payload.serviceurl !== undefined && payload.serviceurl !== activity.serviceUrl)
        return refused('service URL does not match');
      return { ok: true };
    } catch (err) {
      return refused(err instanceof errors.JOSEError ? err.code : 'invalid token');
    }
  }

  private async keyFor(kid: string): Promise<SigningKey | undefined> {
    const now = this.now();
    const sinceAttempt = now - this.attemptedAt;
    const due =
      this.keys.size === 0
        ? sinceAttempt > FAILED_FETCH_PAUSE_MS
        : now - this.fetchedAt > (this.options.refreshMs ?? 24 * 3_600_000) ||
          (!this.keys.has(kid) && sinceAttempt > UNKNOWN_KID_REFRESH_MS);
    if (due) {
      try {
        await this.refresh();
      } catch {
        // Known keys still verify while the metadata endpoint is down.
      }
    }
    if (this.keys.size === 0) throw new MetadataUnavailable('no signing keys');
    return this.keys.get(kid);
  }

  private refresh(): Promise<void> {
    this.loading ??= this.load().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async load(): Promise<void> {
    this.attemptedAt = this.now();
    const config = (await this.fetchJson(this.options.metadataUrl)) as { jwks_uri?: unknown };
    if (typeof config.jwks_uri !== 'string') throw new MetadataUnavailable('no jwks_uri');
    const jwks = (await this.fetchJson(config.jwks_uri)) as { keys?: unknown };
    if (!Array.isArray(jwks.keys)) throw new MetadataUnavailable('no keys');
    const keys = new Map<string, SigningKey>();
    for (const jwk of jwks.keys as (JWK & { endorsements?: unknown })[]) {
      if (typeof jwk.kid !== 'string' || jwk.kty !== 'RSA') continue;
      try {
        const { endorsements, ...plain } = jwk;
        keys.set(jwk.kid, {
          key: await importJWK({ ...plain, alg: 'RS256' }, 'RS256'),
          endorsements: Array.isArray(endorsements) ? endorsements.filter((e) => typeof e === 'string') : [],
        });
      } catch {
        // A key we cannot import is one nobody can use against us.
      }
    }
    this.keys = keys;
    this.fetchedAt = this.now();
  }

  private async fetchJson(url: string): Promise<unknown> {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(this.options.fetchTimeoutMs ?? 5_000) });
      if (!res.ok) throw new MetadataUnavailable(`status ${res.status}`);
      return await res.json();
    } catch (err) {
      throw err instanceof MetadataUnavailable ? err : new MetadataUnavailable('fetch failed');
    }
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}

function bearerToken(authorization: unknown): string | undefined {
  if (typeof authorization !== 'string') return undefined;
  const [scheme, token, ...rest] = authorization.trim().split(/\s+/);
  return scheme === 'Bearer' && token && rest.length === 0 ? token : undefined;
}

const refused = (reason: string): AuthVerdict => ({ ok: false, status: 401, reason });
