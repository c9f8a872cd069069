import { afterEach, describe, expect, it, vi } from 'vitest';
import { ActivityTypes, MemoryStorage, TestAdapter, type StoreItems } from 'botbuilder';
import { Application } from '@microsoft/teams-ai/lib/Application';
import { buildApp } from '../../../src/app';
import { BotApplication } from '../../../src/turn/bot-application';
import { logger } from '../../../src/shared/logger';
import { TEXTS } from '../../../src/texts';
import { USER_SLOT_TTL_MS } from '../../../src/turn/state-keys';
import { realCore } from '../../support/bot-harness';

afterEach(() => vi.restoreAllMocks());

/** MemoryStorage that records which keys each turn reads and writes. */
class RecordingStorage extends MemoryStorage {
  readKeys: string[][] = [];
  writtenKeys: string[][] = [];
  override read(keys: string[]) {
    this.readKeys.push(keys);
    return super.read(keys);
  }
  override write(changes: StoreItems) {
    this.writtenKeys.push(Object.keys(changes));
    return super.write(changes);
  }
}

const ask = (adapter: TestAdapter, user: string, text: string) =>
  adapter.receiveActivity({ type: ActivityTypes.Message, text, from: { id: user, name: 'Lehrkraft' } });
const lastReply = (adapter: TestAdapter) => adapter.activeQueue.splice(0).at(-1);
const FIRST_STEP = 'Schüler fehlt seit heute unentschuldigt, was zuerst?';
const CONVERSATION = 'msteams/bot/conversations/Convo1';

function setUp(storage = new RecordingStorage()) {
  const bot = buildApp({ ...realCore(), logger }, storage);
  const adapter = new TestAdapter((context) => bot.handleTurn(context), { channelId: 'msteams' });
  return { storage, adapter };
}

describe('turn state', () => {
  it("reads the conversation item and the user's own item, and writes only the latter", async () => {
    const { storage, adapter } = setUp();
    await ask(adapter, 'u1', FIRST_STEP);
    await ask(adapter, 'u1', 'Nächster Schritt');
    expect(storage.readKeys).toEqual([
      [CONVERSATION, `${CONVERSATION}/users/u1`],
      [CONVERSATION, `${CONVERSATION}/users/u1`],
    ]);
    expect(storage.writtenKeys.length).toBeGreaterThanOrEqual(1);
    for (const keys of storage.writtenKeys) expect(keys).toEqual([`${CONVERSATION}/users/u1`]);
    // The follow-up found the entry remembered in this user's item.
    const followUp = lastReply(adapter);
    expect(followUp?.text).not.toBe(TEXTS.noFollowUp);
    expect(followUp?.attachments?.length).toBe(1);
  });

  it('keeps two members of one chat apart', async () => {
    const { adapter } = setUp();
    await ask(adapter, 'u1', FIRST_STEP);
    lastReply(adapter);
    await ask(adapter, 'u2', 'Nächster Schritt');
    expect(lastReply(adapter)?.text).toBe(TEXTS.noFollowUp);
  });

  it('treats a slot untouched for more than a day as empty', async () => {
    const { storage, adapter } = setUp();
    const stale = Date.now() - USER_SLOT_TTL_MS - 1000;
    await storage.write({ [`${CONVERSATION}/users/u1`]: { lastRef: 'step:erstgespraech', updatedAt: stale } });
    await ask(adapter, 'u1', 'Nächster Schritt');
    expect(lastReply(adapter)?.text).toBe(TEXTS.noFollowUp);
  });

  it("moves the user's slot out of an old-shape conversation item and drops the others", async () => {
    const { storage, adapter } = setUp();
    await ask(adapter, 'u1', FIRST_STEP);
    const { lastRef } = (await storage.read([`${CONVERSATION}/users/u1`]))[`${CONVERSATION}/users/u1`];
    await storage.delete([`${CONVERSATION}/users/u1`]);
    const now = Date.now();
    await storage.write({
      [CONVERSATION]: { welcomedAt: 1, users: { u1: { lastRef, updatedAt: now }, u2: { updatedAt: now } } },
    });
    lastReply(adapter);
    await ask(adapter, 'u1', 'Nächster Schritt');
    expect(lastReply(adapter)?.text).not.toBe(TEXTS.noFollowUp);
    const stored = await storage.read([CONVERSATION, `${CONVERSATION}/users/u1`]);
    expect(stored[CONVERSATION]).toEqual({ welcomedAt: 1, eTag: expect.any(String) });
    expect(stored[`${CONVERSATION}/users/u1`]?.lastRef).toBe(lastRef);
  });
});

describe('BotApplication', () => {
  it('starts no typing timer when startTypingTimer is false (teams-ai 1.7 would)', async () => {
    const timer = vi.spyOn(Application.prototype, 'startTypingTimer');
    for (const startTypingTimer of [false, true]) {
      const app = new BotApplication({ storage: new MemoryStorage(), startTypingTimer });
      app.message(/.*/, async (context) => void (await context.sendActivity('ok')));
      await new TestAdapter((context) => app.run(context).then(() => undefined)).send('hallo');
    }
    expect(timer).toHaveBeenCalledTimes(1);
  });
});
