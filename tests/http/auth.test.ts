import { MemoryStorage } from 'botbuilder';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAdapter } from '../../src/adapter';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { startServer, type RunningServer } from '../../src/server';
import { logger } from '../../src/shared/logger';
import { realCore } from '../support/bot-harness';
import { startOpenIdServer } from '../support/openid-server';

const BOT_ID = '11111111-2222-3333-4444-555555555555';
const TENANT = '99999999-8888-7777-6666-555555555555';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
let server: RunningServer;
let openid: Awaited<ReturnType<typeof startOpenIdServer>>;

beforeAll(async () => {
  openid = await startOpenIdServer();
  const config = loadConfig({
    BOT_ID,
    BOT_PASSWORD: 'secret',
    BOT_TENANT_ID: TENANT,
    BOT_OPENID_METADATA_URL: openid.metadataUrl,
  });
  const adapter = createAdapter(config);
  const bot = buildApp({ ...realCore(), logger, allowedTenants: config.allowedTenants }, new MemoryStorage(), adapter);
  server = await startServer({ bot, adapter, logger, port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await server.stop();
  await openid.stop();
});
// botbuilder logs rejected tokens to the console itself.
beforeEach(() => vi.restoreAllMocks());

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
  ])('refuses %s with 401, quickly', async (_name, header) => {
    const start = performance.now();
    const res = await post(await header());
    expect(res.status).toBe(401);
    expect(await res.text()).not.toMatch(/\.js:\d+|at \S+ \(/);
    expect(performance.now() - start).toBeLessThan(5000);
  });
});
