import { afterEach, describe, expect, it, vi } from 'vitest';
import { ActivityTypes, MemoryStorage, TestAdapter, type StoreItems } from 'botbuilder';
import { Application } from '@microsoft/teams-ai/lib/Application';
import { buildApp } from '../../src/app';
import { BotApplication } from '../../src/bot/bot-application';
import { logger } from '../../src/shared/logger';
import { T } from '../../src/texts';
import { realCore } from '../support/bot-harness';

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

describe('turn state', () => {
  it('reads and writes only the conversation scope, and keeps per-user data there', async () => {
    const storage = new RecordingStorage();
    const bot = buildApp({ ...realCore(), logger }, storage);
    const adapter = new TestAdapter((context) => bot.handleTurn(context), { channelId: 'msteams' });
    await adapter.receiveActivity({
      type: ActivityTypes.Message,
      text: 'Schüler fehlt seit heute unentschuldigt, was zuerst?',
      from: { id: 'u1', name: 'Lehrkraft' },
    });
    await adapter.receiveActivity({
      type: ActivityTypes.Message,
      text: 'Nächster Schritt',
      from: { id: 'u1', name: 'Lehrkraft' },
    });
    expect(storage.readKeys.length).toBeGreaterThanOrEqual(2);
    for (const keys of [...storage.readKeys, ...storage.writtenKeys]) {
      expect(keys).toHaveLength(1);
      expect(keys[0]).toMatch(/\/conversations\//);
    }
    // The follow-up found the entry remembered in this user's slot.
    const followUp = adapter.activeQueue.splice(0).at(-1);
    expect(followUp?.text).not.toBe(T.noFollowUp);
    expect(followUp?.attachments?.length).toBe(1);
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
