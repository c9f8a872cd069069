import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBot, type RunningBot } from '../../src/composition';
import { loadConfig } from '../../src/config';
import type { RunningServer } from '../../src/server';
import { logger } from '../../src/shared/logger';
import { realCore } from '../support/bot-harness';
import { startOpenIdServer } from '../support/openid-server';

const BOT_ID = '11111111-2222-3333-4444-555555555555';
const TENANT = '99999999-8888-7777-6666-555555555555';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
let bot: RunningBot;
let server: RunningServer;
let openid: Awaited<ReturnType<typeof startOpenIdServer>>;

/** The `npm start` composition with SingleTenant auth against a loopback OpenID configuration. */
const startAuthenticated = (metadataUrl: string) =>
  startBot(
    loadConfig({
      BOT_ID,
      BOT_PASSWORD: 'secret',
      BOT_TENANT_ID: TENANT,
      BOT_OPENID_METADATA_URL: metadataUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'auth-')),
    }),
    logger,
    realCore(),
  );

beforeAll(async () => {
  openid = await startOpenIdServer();
  bot = await startAuthenticated(openid.metadataUrl);
  server = bot.server;
});
afterAll(async () => {
  await bot.stop();
  await openid.stop();
});
// Counted instead of thrown (tests/setup.ts): a refused request must print nothing at all.
let consoleErrors: ReturnType<typeof vi.spyOn>;
let stderrWrites: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  vi.restoreAllMocks();
  consoleErrors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  stderrWrites = vi.spyOn(process.stderr, 'write');
});

const activity = {
  type: 'message',
  channelId: 'msteams',
  deliveryMode: 'expectReplies',
  serviceUrl: SERVICE_URL,
  from: { id: 'u', aadObjectId: 'a' },
  recipient: { id: `28:${BOT_ID}` },
  conversation: { id: 'c-auth', tenantId: TENANT, conversationType: 'personal' },
  channelData: { tenant: { id: TENANT } },
  text: 'hilfe',
};
const post = (authorization?: string) =>
  fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(activity),
  });

describe('With BOT_ID set, /api/messages', () => {
  it('accepts a valid channel token', async () => {
    const res = await post(`Bearer ${await openid.token({ audience: BOT_ID, serviceUrl: SERVICE_URL })}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { activities: unknown[] }).activities.length).toBeGreaterThan(0);
  });

  it.each([
    ['no Authorization header', async () => undefined],
    ['a malformed header', async () => 'Bearer not-a-jwt'],
    ['a non-Bearer scheme', async () => 'Basic dXNlcjpwYXNz'],
    [
      'an expired token',
      async () => `Bearer ${await openid.token({ audience: BOT_ID, serviceUrl: SERVICE_URL, expiresIn: -3600 })}`,
    ],
    [
      'a token for another bot',
      async () => `Bearer ${await openid.token({ audience: 'someone-else', serviceUrl: SERVICE_URL })}`,
    ],
    [
      'a token from another issuer',
      async () =>
        `Bearer ${await openid.token({ audience: BOT_ID, serviceUrl: SERVICE_URL, issuer: 'https://evil.example' })}`,
    ],
    [
      'a token signed with another key',
      async () => `Bearer ${await openid.token({ audience: BOT_ID, serviceUrl: SERVICE_URL, key: openid.otherKey })}`,
    ],
    [
      'an HS256 token signed with the public key as secret',
      async () => `Bearer ${await openid.hs256WithPublicKey({ audience: BOT_ID, serviceUrl: SERVICE_URL })}`,
    ],
    [
      'a token for another service URL',
      async () => `Bearer ${await openid.token({ audience: BOT_ID, serviceUrl: 'https://evil.example/' })}`,
    ],
  ])('refuses %s with 401, quickly, printing nothing', async (_name, header) => {
    const start = performance.now();
    const res = await post(await header());
    expect(res.status).toBe(401);
    expect(await res.text()).not.toMatch(/\.js:\d+|at \S+ \(/);
    expect(performance.now() - start).toBeLessThan(5000);
    expect(consoleErrors).not.toHaveBeenCalled();
    expect(stderrWrites).not.toHaveBeenCalled();
  });
});

describe('While the OpenID metadata cannot be fetched', () => {
  let unreachable: RunningBot;
  beforeAll(async () => {
    const closed = await startOpenIdServer();
    await closed.stop();
    unreachable = await startAuthenticated(closed.metadataUrl);
  });
  afterAll(() => unreachable.stop());

  it('answers 503 with Retry-After, and prints nothing', async () => {
    const token = await openid.token({ audience: BOT_ID, serviceUrl: SERVICE_URL });
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${unreachable.server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(activity),
      });
      expect(res.status).toBe(503);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await res.text()).not.toMatch(/\.js:\d+|at \S+ \(|key/i);
    }
    expect(consoleErrors).not.toHaveBeenCalled();
    expect(stderrWrites).not.toHaveBeenCalled();
  });
});
