import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/composition';
import { loadConfig } from '../../src/config';
import type { RunningServer } from '../../src/server';
import { logger } from '../../src/shared/logger';
import type { Stores } from '../../src/storage/stores';
import { TEXTS } from '../../src/texts';
import { subscription } from '../broadcast/helpers';
import { realCore } from '../support/bot-harness';
import { FakeConnector } from '../support/fake-connector';

let fake: FakeConnector;
let running: RunningBot;
let server: RunningServer;
let stores: Stores;

// The `npm start` composition (local mode): the same adapters, worker and sender as production.
beforeAll(async () => {
  fake = await FakeConnector.start();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'flow-')),
    COORDINATOR_IDS: 'aad-coordinator',
  });
  running = await startBot(config, logger, realCore());
  ({ server, stores } = running);
});
afterAll(async () => {
  await running.stop();
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

const news = (title: string, topic = 'fortbildungen') => ({
  title,
  text: 'Anmeldung ab sofort.',
  topic,
  schoolTypes: '',
  districts: '',
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
    expect((await fromCoordinator({ verb: 'broadcast', action: 'preview', ...news('Neue Fortbildung') })).status).toBe(
      200,
    );
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

  // Failed proactive sends were reported as delivered: the turn adapter's onTurnError swallowed them
  // (and posted the apology into the subscriber's chat).
  it('retries 429 after Retry-After and 503, removes a 403 subscriber, posts no apology, counts right', async () => {
    for (const id of ['fine-1', 'fine-2', 'throttled', 'unavailable', 'blocked'])
      await stores.subscriptions.put({ ...subscription(id, fake.url), topics: ['angebote'] });
    fake.fail('throttled', { status: 429, retryAfter: '2' });
    fake.fail('unavailable', { status: 503 });
    fake.failAlways('blocked', { status: 403, code: 'MessageWritesBlocked' });

    await fromCoordinator({ verb: 'broadcast', action: 'preview', ...news('Fehler im Versand', 'angebote') });
    await fromCoordinator({ verb: 'broadcast', action: 'send' });
    const [broadcast] = await stores.broadcasts.byAuthor('aad-coordinator', 1);
    const id = broadcast!.id;
    await until(async () => (await stores.outbox.report(id, 'send')).pending === 0);

    const report = await stores.outbox.report(id, 'send');
    expect(report).toMatchObject({ sent: 4, failed: 0, removed: 1 });
    const delivered = fake.delivered(id);
    for (const ok of ['fine-1', 'fine-2', 'throttled', 'unavailable']) expect(delivered.get(ok)).toBe(1);
    expect(delivered.has('blocked')).toBe(false);
    expect(await stores.subscriptions.get('blocked')).toBeUndefined();

    const throttled = fake.calls.filter((c) => c.conversationId === 'throttled' && c.method === 'POST');
    expect(throttled.map((c) => c.status)).toEqual([429, 200]);
    expect(throttled[1]!.at - throttled[0]!.at).toBeGreaterThanOrEqual(2_000);
    const unavailable = fake.calls.filter((c) => c.conversationId === 'unavailable' && c.method === 'POST');
    expect(unavailable.map((c) => c.status)).toEqual([503, 200]);

    const apologies = fake.calls.filter((c) => JSON.stringify(c.activity ?? {}).includes(TEXTS.errorApology));
    expect(apologies).toEqual([]);
  }, 60_000);
});
