import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/composition';
import { loadConfig } from '../../src/config';
import { logger } from '../../src/shared/logger';
import { TEXTS } from '../../src/texts';
import { realCore } from '../support/bot-harness';
import { FakeConnector } from '../support/fake-connector';

const TEACHER = { id: '29:teacher-forward', name: 'Erika Beispiel', aadObjectId: 'aad-erika' };
const COORDINATOR = { id: '29:coord-forward', name: 'Koordination', aadObjectId: 'aad-coordinator' };
const TEACHER_CHAT = { id: 'a:teacher-chat', conversationType: 'personal', tenantId: 't1' };
const CHANNEL = { id: '19:coordination@thread.tacv2', conversationType: 'channel', tenantId: 't1' };
const TYPED = 'Kevin Schmitz aus der 7b fehlt seit Montag, was jetzt?';
const ANONYMOUS = 'Gibt es für Förderschulen einen eigenen Vordruck zur Anhörung?';
const WITH_REPLY = 'Wie lange dauert die Bearbeitung einer Versäumnisanzeige beim Schulamt?';

let fake: FakeConnector;
let dataDir: string;
let bot: RunningBot;

beforeAll(async () => {
  fake = await FakeConnector.start();
  dataDir = mkdtempSync(join(tmpdir(), 'forwarding-'));
  bot = await startBot(
    loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, COORDINATOR_IDS: COORDINATOR.aadObjectId }),
    logger,
    realCore(),
  );
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
      recipient: { id: '28:bot', name: 'Schulabsentismus-Bot' },
      channelData: { tenant: { id: 't1' } },
      ...activity,
    }),
  });
const teacher = (value: Record<string, unknown>) =>
  post({ type: 'message', from: TEACHER, conversation: TEACHER_CHAT, value });
const sentTo = (conversationId: string) =>
  fake.calls
    .filter((c) => c.conversationId === conversationId && c.method === 'POST')
    .map((c) => JSON.stringify(c.activity));

/** Every row of every table, as text; a state item's key (conversation and user, by design) is left out. */
function storedRows(): { table: string; row: string }[] {
  const db = new Database(join(dataDir, 'bot.sqlite'), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    return tables.flatMap(({ name }) =>
      (db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]).map((row) => ({
        table: name,
        row: JSON.stringify(name === 'state' ? { json: row.json } : row),
      })),
    );
  } finally {
    db.close();
  }
}

describe('"Frage an die Fachstelle" on the npm start wiring, through a fake Bot Connector', () => {
  it('reaches the channel, and the answer reaches the teacher who asked for it', async () => {
    await post({ type: 'message', text: 'Fragen hier empfangen', from: COORDINATOR, conversation: CHANNEL });
    await post({ type: 'message', text: TYPED, from: TEACHER, conversation: TEACHER_CHAT });
    await teacher({ verb: 'forward', action: 'send', text: ANONYMOUS, replyToMe: false });
    await teacher({ verb: 'forward', action: 'send', text: WITH_REPLY, schoolType: 'grundschule', replyToMe: true });
    const cards = sentTo(CHANNEL.id).filter((a) => a.includes(TEXTS.forwarding.channelTitle));
    expect(cards).toHaveLength(2);
    const withReply = cards.find((c) => c.includes(WITH_REPLY))!;
    expect(withReply).toContain(TEACHER.name);
    expect(cards.find((c) => c.includes(ANONYMOUS))).not.toContain(TEACHER.name);
    const id = /"id":"([0-9a-f-]{36})"/.exec(withReply)![1]!;
    await post({
      type: 'message',
      from: COORDINATOR,
      conversation: CHANNEL,
      replyToId: 'card-message',
      value: { verb: 'forwarded', action: 'answer', id, answer: 'Meist zwei bis vier Wochen.' },
    });
    expect(sentTo(TEACHER_CHAT.id).join('\n')).toContain('Meist zwei bis vier Wochen.');
    expect(fake.calls.some((c) => c.method === 'PUT' && c.activityId === 'card-message')).toBe(true);
  });

  it('stores no typed text and no user id – except in the question that asked for an answer', async () => {
    const rows = storedRows();
    expect(rows.filter((r) => r.row.includes('Kevin Schmitz'))).toEqual([]);
    expect(rows.filter((r) => r.row.includes(ANONYMOUS)).map((r) => r.table)).toEqual(['questions']);
    const withUser = rows.filter((r) => r.row.includes(TEACHER.id) || r.row.includes(TEACHER.name));
    expect(withUser.map((r) => r.table)).toEqual(['questions']);
    expect(withUser[0]!.row).toContain(WITH_REPLY);
    expect(rows.some((r) => r.row.includes(TEACHER.aadObjectId))).toBe(false);
  });
});
