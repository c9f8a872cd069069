import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { berlinInputs } from '../../src/broadcast/berlin-time';
import { startBot, type RunningBot } from '../../src/composition';
import { loadConfig } from '../../src/config';
import { logger } from '../../src/shared/logger';
import { TEXTS } from '../../src/texts';
import { subscription } from '../broadcast/helpers';
import { realCore } from '../support/bot-harness';
import { startAzurite, type Azurite } from '../support/azurite';
import { FakeConnector } from '../support/fake-connector';

const APPROVER = 'aad-approver'; // the tab's coordinator in local mode (the first id)
const AUTHOR = 'aad-author';
const HOUR = 3_600_000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tab API's JSON, checked by each assertion
type Json = any;

const until = async (check: () => boolean | Promise<boolean>, ms = 30_000) => {
  for (const end = Date.now() + ms; !(await check()); ) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 50));
  }
};
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Scheduling, four eyes, pause and cancel on the `npm start` composition, over HTTP, on one store. */
function lifecycleScenario(
  name: string,
  env: () => Record<string, string>,
  before = async () => {},
  after = async () => {},
) {
  describe(`News lifecycle over HTTP (${name})`, () => {
    let fake: FakeConnector;
    let bot: RunningBot;
    let offset = 0; // the wall clock scheduled news start by; the test moves it forward
    const now = () => Date.now() + offset;

    beforeAll(async () => {
      await before();
      fake = await FakeConnector.start();
      const config = loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        COORDINATOR_IDS: `${APPROVER},${AUTHOR}`,
        BROADCAST_APPROVAL: 'true',
        SEND_PER_TENANT_PER_SECOND: '10',
        ...env(),
      });
      bot = await startBot(config, logger, realCore(), { now });
      for (let i = 0; i < 12; i++) await bot.stores.subscriptions.put(subscription(`early-${i}`, fake.url));
    }, 60_000);
    afterAll(async () => {
      await bot.stop();
      await fake.close();
      await after();
    });

    /** The author's chat: replies go to the fake Bot Connector, as in Teams. */
    const fromAuthor = (value: Record<string, unknown>) =>
      fetch(`${bot.server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          channelId: 'msteams',
          serviceUrl: fake.url,
          id: `in-${Math.random()}`,
          from: { id: 'author', aadObjectId: AUTHOR, name: 'Anna Autorin' },
          recipient: { id: 'bot' },
          conversation: { id: 'author-chat', conversationType: 'personal', tenantId: 't1' },
          value,
        }),
      });
    const saidToAuthor = () =>
      fake.calls.filter((c) => c.conversationId === 'author-chat').map((c) => JSON.stringify(c.activity ?? {}));
    const tab = async (method: string, path: string, body?: unknown): Promise<Json> => {
      const res = await fetch(`${bot.server.url}/api/tab/coordination/${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      expect(res.status).toBe(200);
      return res.json();
    };
    const listed = async (id: string) => ((await tab('GET', 'news')) as Json[]).find((n) => n.id === id);
    const compose = async (title: string, when?: number) => {
      const time =
        when === undefined
          ? { sendDate: '', sendTime: '' }
          : (({ date, time: t }) => ({ sendDate: date, sendTime: t }))(berlinInputs(when));
      const news = { title, text: 'Anmeldung ab sofort.', topic: 'fortbildungen', schoolTypes: '', districts: '' };
      expect((await fromAuthor({ verb: 'broadcast', action: 'preview', ...news, ...time })).status).toBe(200);
      expect((await fromAuthor({ verb: 'broadcast', action: 'send' })).status).toBe(200);
      const [latest] = await bot.stores.broadcasts.byAuthor(AUTHOR, 1);
      expect(latest?.news.title).toBe(title);
      return latest!;
    };

    it('plans a news item on Dortmund time, needs a second coordinator, moves and starts it at the new time', async () => {
      const planned = await compose('Fortbildung im Frühjahr', now() + 2 * HOUR);
      expect(planned).toMatchObject({ status: 'awaiting-approval', author: { id: AUTHOR } });
      expect(Math.abs(planned.sendAt! - (now() + 2 * HOUR))).toBeLessThan(61_000);
      expect(await bot.stores.outbox.jobsFor(planned.id)).toEqual([]);
      expect(saidToAuthor().join()).toContain('Zur Freigabe gegeben');
      // The report names coordinators by object id; their names are not stored.
      expect(JSON.stringify(await bot.stores.broadcasts.get(planned.id))).not.toContain('Anna Autorin');

      // The author cannot approve their own item.
      await fromAuthor({ verb: 'broadcast', action: 'approve', id: planned.id });
      expect((await bot.stores.broadcasts.get(planned.id))?.status).toBe('awaiting-approval');
      expect(saidToAuthor().join()).toContain('nicht selbst freigeben');

      expect((await listed(planned.id)).status).toBe('awaiting-approval');
      const approved = await tab('POST', `news/${planned.id}/approve`, {});
      expect(approved.messages.join()).toContain('Freigegeben');
      expect(await listed(planned.id)).toMatchObject({
        status: 'scheduled',
        author: { id: AUTHOR },
        approvedBy: { id: APPROVER },
      });

      // A time in the past is refused; a later one replaces the plan. Nothing is sent before it.
      const past = berlinInputs(now() - HOUR);
      expect((await tab('POST', `news/${planned.id}/schedule`, past)).messages.join()).toContain('in der Zukunft');
      const later = berlinInputs(now() + 3 * HOUR);
      expect((await tab('POST', `news/${planned.id}/schedule`, later)).messages.join()).toContain('Neuer Zeitpunkt');
      offset += 2.5 * HOUR; // past the first plan, before the second
      await pause(6_500); // more than one scheduler round
      expect(fake.delivered(planned.id).size).toBe(0);
      expect((await bot.stores.broadcasts.get(planned.id))?.status).toBe('scheduled');

      offset += HOUR;
      await until(() => fake.delivered(planned.id).size === 12);
      expect((await listed(planned.id)).status).toBe('sending');
      expect(fake.duplicates(planned.id)).toBe(0);
    }, 60_000);

    it('pauses a send in progress, resumes it, and cancels the rest: the report names what was not sent', async () => {
      for (let i = 0; i < 60; i++) await bot.stores.subscriptions.put(subscription(`many-${i}`, fake.url));
      const item = await compose('Projekttag');
      await tab('POST', `news/${item.id}/approve`, {});
      await until(() => fake.delivered(item.id).size >= 5);

      await fromAuthor({ verb: 'broadcast', action: 'pause', id: item.id });
      expect((await bot.stores.broadcasts.get(item.id))?.status).toBe('paused');
      await pause(1_500); // sends in flight and the gate's one-second view may still go out
      const atPause = fake.delivered(item.id).size;
      await pause(2_500);
      expect(fake.delivered(item.id).size).toBe(atPause);
      expect(atPause).toBeLessThan(72);

      await tab('POST', `news/${item.id}/resume`, {});
      await until(() => fake.delivered(item.id).size >= atPause + 5);
      await tab('POST', `news/${item.id}/cancel`, {});
      // Every job left is finished as cancelled by the worker: on Azurite under load that takes longer than 30 s.
      await until(async () => (await bot.stores.outbox.report(item.id, 'send')).pending === 0, 60_000);
      const report = await bot.stores.outbox.report(item.id, 'send');
      expect(report.sent).toBe(fake.delivered(item.id).size);
      expect(report.sent).toBeLessThan(72);
      expect(report.reasons.cancelled).toBe(72 - report.sent);
      expect(await listed(item.id)).toMatchObject({
        status: 'cancelled',
        changedBy: { action: 'cancel', id: APPROVER },
      });
      expect(fake.duplicates(item.id)).toBe(0);

      const csv = await fetch(`${bot.server.url}/api/tab/coordination/news/${item.id}/report.csv`).then((r) =>
        r.text(),
      );
      expect(csv).toContain('cancelled');
      // A cancelled item cannot be resumed.
      expect((await tab('POST', `news/${item.id}/resume`, {})).messages.join()).toContain(
        TEXTS.news.statusNames.cancelled!,
      );
    }, 120_000);

    it('cancels a planned item before it starts: nobody gets it', async () => {
      const planned = await compose('Wird abgesagt', now() + HOUR);
      await tab('POST', `news/${planned.id}/approve`, {});
      await fromAuthor({ verb: 'broadcast', action: 'cancel', id: planned.id });
      offset += 2 * HOUR;
      await pause(6_500);
      expect(fake.delivered(planned.id).size).toBe(0);
      expect(await bot.stores.outbox.jobsFor(planned.id)).toEqual([]);
      expect((await bot.stores.broadcasts.get(planned.id))?.status).toBe('cancelled');
    }, 60_000);
  });
}

lifecycleScenario('SQLite', () => ({ DATA_DIR: mkdtempSync(join(tmpdir(), 'lifecycle-')) }));

let azurite: Azurite | undefined;
lifecycleScenario(
  'Azure Storage on Azurite',
  () => ({
    STORAGE: 'azure',
    AZURE_STORAGE_CONNECTION_STRING: azurite!.connectionString,
    AZURE_STORAGE_CONTAINER: `l-${randomBytes(5).toString('hex')}`,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'lifecycle-az-')),
  }),
  async () => void (azurite = await startAzurite()),
  async () => azurite?.stop(),
);
