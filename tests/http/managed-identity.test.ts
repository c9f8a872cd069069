import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ConversationReference } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapter } from '../../src/adapter';
import { loadConfig } from '../../src/config';
import { FakeConnector } from '../support/fake-connector';

const CLIENT_ID = 'aaaaaaaa-1111-2222-3333-444444444444'; // the user-assigned identity's client id = BOT_ID
const TENANT = '99999999-8888-7777-6666-555555555555';
const HEADER = 'identity-header-from-app-service';
const TOKEN = 'fake-msi-token-for-the-bot-connector';

/** App Service's identity endpoint as @azure/identity calls it (IDENTITY_ENDPOINT + X-IDENTITY-HEADER), on loopback. */
function startIdentityEndpoint() {
  const requests: { url: URL; header?: string }[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ url, header: req.headers['x-identity-header'] as string | undefined });
    if (req.headers['x-identity-header'] !== HEADER) return void res.writeHead(401).end();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        access_token: TOKEN,
        expires_on: String(Math.floor(Date.now() / 1000) + 3600),
        resource: url.searchParams.get('resource'),
        token_type: 'Bearer',
        client_id: url.searchParams.get('client_id'),
      }),
    );
  });
  return new Promise<{ url: string; requests: typeof requests; close: () => Promise<void> }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/msi/token`,
        requests,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    ),
  );
}

let identity: Awaited<ReturnType<typeof startIdentityEndpoint>>;
let fake: FakeConnector;
const saved = { endpoint: process.env.IDENTITY_ENDPOINT, header: process.env.IDENTITY_HEADER };

beforeAll(async () => {
  identity = await startIdentityEndpoint();
  fake = await FakeConnector.start();
  process.env.IDENTITY_ENDPOINT = identity.url;
  process.env.IDENTITY_HEADER = HEADER;
});
afterAll(async () => {
  process.env.IDENTITY_ENDPOINT = saved.endpoint;
  process.env.IDENTITY_HEADER = saved.header;
  if (saved.endpoint === undefined) delete process.env.IDENTITY_ENDPOINT;
  if (saved.header === undefined) delete process.env.IDENTITY_HEADER;
  await fake.close();
  await identity.close();
});

describe('BOT_TYPE=UserAssignedMSI', () => {
  it('needs no secret, and refuses one', () => {
    const msi = { BOT_ID: CLIENT_ID, BOT_TYPE: 'UserAssignedMSI', BOT_TENANT_ID: TENANT };
    expect(loadConfig(msi).BOT_TYPE).toBe('UserAssignedMSI');
    expect(() => loadConfig({ ...msi, BOT_PASSWORD: 'x' })).toThrow(/Konfiguration/);
    expect(() => loadConfig({ BOT_ID: CLIENT_ID, BOT_TENANT_ID: TENANT })).toThrow(/Konfiguration/);
  });

  it("sends to the Bot Connector with a token from the host's managed identity, for the identity's client id", async () => {
    const config = loadConfig({ BOT_ID: CLIENT_ID, BOT_TYPE: 'UserAssignedMSI', BOT_TENANT_ID: TENANT });
    const adapter = createAdapter(config);
    const reference: Partial<ConversationReference> = {
      serviceUrl: fake.url,
      channelId: 'msteams',
      conversation: { id: 'msi-chat', isGroup: false, conversationType: 'personal', name: '', tenantId: TENANT },
      bot: { id: `28:${CLIENT_ID}`, name: 'Bot' },
    };
    await adapter.continueConversationAsync(CLIENT_ID, reference, async (context) => {
      await context.sendActivity('Hallo');
    });
    const sent = fake.calls.filter((c) => c.conversationId === 'msi-chat' && c.method === 'POST');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.authorization).toBe(`Bearer ${TOKEN}`);
    expect(identity.requests.length).toBeGreaterThanOrEqual(1);
    const asked = identity.requests.at(-1)!;
    expect(asked.header).toBe(HEADER);
    expect(asked.url.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(asked.url.searchParams.get('resource')).toMatch(/^https:\/\/api\.botframework\.com/);
  });
});
