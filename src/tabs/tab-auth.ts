import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';

/** Who called the tab's API, read from a validated Teams SSO token. */
export interface TabIdentity {
  readonly objectId: string;
  readonly tenantId: string;
}

export type TabVerdict =
  | { readonly ok: true; readonly identity: TabIdentity }
  | { readonly ok: false; readonly status: 401 | 503; readonly reason: string };

export interface TabAuthOptions {
  /** The app registration's client id the tab token is for (TAB_APP_ID, default BOT_ID). */
  readonly appId: string;
  /** The public host name: the v1 token's audience is `api://<domain>/<appId>`. */
  readonly domain?: string;
  /** Tenants whose users may sign in. */
  readonly tenants: readonly string[];
  /** Where Entra publishes its signing keys (a loopback URL in tests). */
  readonly keysUrl: string;
}

export const ENTRA_KEYS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';
const CLOCK_TOLERANCE_SECONDS = 300;

/** The two issuers Entra uses for a tenant (v2 and v1 tokens). */
const issuersOf = (tenantId: string) => [
  `https://login.microsoftonline.com/${tenantId}/v2.0`,
  `https://sts.windows.net/${tenantId}/`,
];

/**
 * Checks the token `authentication.getAuthToken()` gives the tab: RS256 signature against the tenant's
 * keys, audience (the app id or its `api://` URI), expiry, a tenant on the allow-list and its own issuer.
 */
export function tabAuth(options: TabAuthOptions) {
  const keys: JWTVerifyGetKey = createRemoteJWKSet(new URL(options.keysUrl), {
    timeoutDuration: 5_000,
    cooldownDuration: 30_000,
  });
  const audience = [options.appId, ...(options.domain ? [`api://${options.domain}/${options.appId}`] : [])];

  return async function verify(authorization: unknown): Promise<TabVerdict> {
    const match = typeof authorization === 'string' ? /^Bearer\s+(\S+)$/i.exec(authorization) : null;
    if (!match) return { ok: false, status: 401, reason: 'no bearer token' };
    try {
      const { payload } = await jwtVerify(match[1]!, keys, {
        audience,
        algorithms: ['RS256'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'tid', 'oid'],
      });
      const tenantId = String(payload.tid);
      if (!options.tenants.includes(tenantId)) return { ok: false, status: 401, reason: 'tenant not allowed' };
      if (!issuersOf(tenantId).includes(String(payload.iss))) return { ok: false, status: 401, reason: 'wrong issuer' };
      return { ok: true, identity: { objectId: String(payload.oid), tenantId } };
    } catch (err) {
      if (err instanceof errors.JWKSTimeout || !(err instanceof errors.JOSEError))
        return { ok: false, status: 503, reason: 'signing keys unavailable' };
      return { ok: false, status: 401, reason: err.code };
    }
  };
}

export type TabTokenCheck = ReturnType<typeof tabAuth>;
