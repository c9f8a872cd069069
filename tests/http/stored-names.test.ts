import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/composition';
import { loadConfig } from '../../src/config';
import { logger } from '../../src/shared/logger';
import { createSqliteStores } from '../../src/storage/sqlite/sqlite-stores';
import { realCore } from '../support/bot-harness';
import { FakeConnector } from '../support/fake-connector';

const TEACHER = { id: '29:teacher-1', name: 'Erika Mustermann-Lehrerin', aadObjectId: 'aad-7f3e-erika' };
const COORDINATOR = { id: '29:coord-1', name: 'Petra Beispiel-Koordination', aadObjectId: 'aad-coordinator' };
const GROUP_CHAT = {
  id: '19:chat-kevin',
  conversationType: 'groupChat',
  name: 'Förderplan Kevin Schmitz',
  tenantId: 't1',
};
const NAMES = [TEACHER.name, TEACHER.aadObjectId, COORDINATOR.name, GROUP_CHAT.name, 'Kevin Schmitz'];

let fake: FakeConnector;
let dataDir: string;
let bot: RunningBot;
const start = async () =>
  startBot(
    loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, COORDINATOR_IDS: COORDINATOR.aadObjectId }),
    logger,
    realCore(),
  );

beforeAll(async () => {
  fake = await FakeConnector.start();
  dataDir = mkdtempSync(join(tmpdir(), 'names-'));
  bot = await start();
});
afterAll(async () => {
  await bot.stop();
  await fake.close();
});

const post = (activity: Record<string, unknown>) =>
  fetch(`${bot.server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      channelId: 'msteams',
      serviceUrl: fake.url,
      deliveryMode: 'expectReplies',
      recipient: { id: '28:bot', name: 'Schulabsentismus-Bot' },
      channelData: { tenant: { id: 't1' } },
      ...activity,
    }),
  });

/** Every byte SQLite keeps on disk for this bot: the database and its write-ahead log. */
const namesOnDisk = () => {
  const bytes = ['bot.sqlite', 'bot.sqlite-wal']
    .map((f) => join(dataDir, f))
    .filter(existsSync)
    .map((f) => readFileSync(f).toString('utf8'))
    .join('\n');
  return NAMES.filter((name) => bytes.includes(name));
};

describe('Names are not stored (SQLite file and WAL, npm start wiring)', () => {
  it('after install, subscribing and a coordinator sending news', async () => {
    await post({ type: 'installationUpdate', action: 'add', from: TEACHER, conversation: GROUP_CHAT });
    await post({
      type: 'message',
      from: TEACHER,
      conversation: GROUP_CHAT,
      value: { verb: 'subscribe', topics: 'fortbildungen', schoolTypes: '', districts: '' },
    });
    const personal = { id: 'a:coordinator-chat', conversationType: 'personal', name: COORDINATOR.name, tenantId: 't1' };
    const news = {
      title: 'Fortbildung',
      text: 'Anmeldung offen.',
      topic: 'fortbildungen',
      schoolTypes: '',
      districts: '',
    };
    await post({
      type: 'message',
      from: COORDINATOR,
      conversation: personal,
      deliveryMode: undefined, // replies through the connector: the confirmation card gets an id
      value: { verb: 'broadcast', action: 'preview', ...news },
    });
    await post({
      type: 'message',
      from: COORDINATOR,
      conversation: personal,
      deliveryMode: undefined,
      value: { verb: 'broadcast', action: 'send' },
    });
    expect(await bot.stores.subscriptions.get(GROUP_CHAT.id)).toMatchObject({ topics: ['fortbildungen'] });
    expect((await bot.stores.broadcasts.byAuthor(COORDINATOR.aadObjectId, 1))[0]?.confirmation).toBeDefined();
    expect(namesOnDisk()).toEqual([]);
  });

  it('after "Meine Daten löschen"', async () => {
    await post({
      type: 'message',
      from: TEACHER,
      conversation: GROUP_CHAT,
      value: { verb: 'privacy', action: 'forget-me' },
    });
    expect(namesOnDisk()).toEqual([]);
  });

  it('old rows with full references are reduced at start-up', async () => {
    await bot.stop();
    const old = createSqliteStores(dataDir);
    await old.subscriptions.put({
      conversationId: 'old-chat',
      reference: {
        channelId: 'msteams',
        serviceUrl: fake.url,
        user: TEACHER,
        bot: { id: '28:bot', name: 'Bot' },
        conversation: { ...GROUP_CHAT, id: 'old-chat' },
        locale: 'de-DE',
      },
      conversationType: 'groupChat',
      tenantId: 't1',
      topics: ['netzwerk'],
      audience: { schoolTypes: [], districts: [] },
      createdAt: 1,
      updatedAt: 1,
    });
    await old.close();
    expect(namesOnDisk()).not.toEqual([]);

    bot = await start();
    expect((await bot.stores.subscriptions.get('old-chat'))?.reference).toEqual({
      channelId: 'msteams',
      serviceUrl: fake.url,
      bot: { id: '28:bot' },
      conversation: { id: 'old-chat', conversationType: 'groupChat', tenantId: 't1' },
    });
    expect(namesOnDisk()).toEqual([]);
  });
});
