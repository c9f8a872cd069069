import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapter } from '../../src/adapter';
import { buildApp } from '../../src/app';
import { ResilientStorage } from '../../src/bot/resilient-storage';
import { coordinatorPolicy } from '../../src/broadcast/coordinators';
import { createDelivery } from '../../src/broadcast/delivery-setup';
import { loadConfig } from '../../src/config';
import { startServer, type RunningServer } from '../../src/server';
import { logger } from '../../src/shared/logger';
import type { Stores } from '../../src/storage/ports';
import { createSqliteStores } from '../../src/storage/sqlite/sqlite-stores';
import { subscription } from '../broadcast/helpers';
import { realCore } from '../support/bot-harness';
import { FakeConnector } from '../support/fake-connector';

let fake: FakeConnector;
let server: RunningServer;
let stores: Stores;
let delivery: ReturnType<typeof createDelivery>;

beforeAll(async () => {
  fake = await FakeConnector.start();
  stores = createSqliteStores(mkdtempSync(join(tmpdir(), 'flow-')));
  const config = loadConfig({});
  const adapter = createAdapter(config);
  delivery = createDelivery({ config, adapter, stores, logger });
  const broadcasting = { stores, policy: coordinatorPolicy(['aad-coordinator'], ''), wake: delivery.wake };
  const bot = buildApp({ ...realCore(), logger, broadcasting }, new ResilientStorage(stores.state, logger), adapter);
  server = await startServer({ bot, adapter, logger, port: 0, host: '127.0.0.1' });
  delivery.worker.start();
});
afterAll(async () => {
  await delivery.worker.stop();
  await server.stop();
  await stores.close();
  await fake.close();
});

/** The coordinator's chat: replies go to the fake Bot Connector like in Teams (no expectReplies). */
const fromCoordinator = (value: Record<string, unknown>) =>
  fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      channelId: 'msteams',
      serviceUrl: fake.url,
      id: `in-${Math.random()}`,
      from: { id: 'coord', aadObjectId: 'aad-coordinator' },
      recipient: { id: 'bot' },
      conversation: { id: 'coordinator-chat', conversationType: 'personal', tenantId: 't1' },
      value,
    }),
  });

const until = async (check: () => boolean | Promise<boolean>, ms = 20_000) => {
  for (const end = Date.now() + ms; !(await check()); ) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('A coordinator broadcasts news (real server, worker, fake Bot Connector)', () => {
  it('reaches every matching subscriber, and the confirmation card ends with the report', async () => {
    for (let i = 0; i < 25; i++) await stores.subscriptions.put(subscription(`sub-${i}`, fake.url));
    await stores.subscriptions.put({ ...subscription('not-interested', fake.url), topics: ['netzwerk'] });
    const news = {
      title: 'Neue Fortbildung',
      text: 'Anmeldung ab sofort.',
      topic: 'fortbildungen',
      schoolTypes: '',
      districts: '',
    };
    expect((await fromCoordinator({ verb: 'broadcast', action: 'preview', ...news })).status).toBe(200);
    expect((await fromCoordinator({ verb: 'broadcast', action: 'send' })).status).toBe(200);

    const [broadcast] = await stores.broadcasts.byAuthor('aad-coordinator', 1);
    expect(broadcast?.confirmation?.activityId).toBeTruthy();
    await until(() => fake.delivered(broadcast!.id).size === 25);
    expect(fake.delivered(broadcast!.id).has('not-interested')).toBe(false);
    const news0 = fake.calls.find((c) => c.broadcastId === broadcast!.id && c.method === 'POST');
    expect(news0?.activity?.summary).toBe('Neu: Neue Fortbildung');

    const finalCard = () =>
      fake.calls.some(
        (c) =>
          c.method === 'PUT' &&
          c.conversationId === 'coordinator-chat' &&
          JSON.stringify(c.activity).includes('Versand abgeschlossen'),
      );
    await until(finalCard);
    expect(fake.duplicates(broadcast!.id)).toBe(0);
  }, 60_000);
});
