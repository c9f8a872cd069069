import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestAdapter, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { logger } from '../../src/shared/logger';
import { createSqliteStores } from '../../src/storage/sqlite/sqlite-stores';
import { TEXTS } from '../../src/texts';
import { realCore } from '../support/bot-harness';

const conversation = { id: 'conv-w', conversationType: 'personal', isGroup: false, name: '' };
const bot = { id: 'bot', name: 'Bot' };
const install = {
  type: 'installationUpdate',
  action: 'add',
  recipient: bot,
  from: { id: 'user-1', name: 'Lehrkraft' },
};
const added = {
  type: 'conversationUpdate',
  membersAdded: [bot],
  recipient: bot,
  from: { id: 'user-1', name: 'Lehrkraft' },
};

/** Two bot instances (as behind a load balancer) on one storage; each gets one of Teams' two install events. */
async function welcomesSent(withClaim: boolean): Promise<Partial<Activity>[]> {
  const stores = createSqliteStores(mkdtempSync(join(tmpdir(), 'welcome-')));
  const instance = () => {
    const app = buildApp(
      { ...realCore(), logger, createStateIfAbsent: withClaim ? stores.createStateIfAbsent : undefined },
      stores.state,
    );
    return new TestAdapter((context) => app.handleTurn(context), {
      channelId: 'msteams',
      conversation,
    } as Partial<Activity>);
  };
  const [a, b] = [instance(), instance()];
  await Promise.all([a.receiveActivity(install), b.receiveActivity(added)]);
  const cards = [...a.activeQueue, ...b.activeQueue].filter((r) => r.attachments?.length);
  await stores.close();
  return cards;
}

describe('Welcome across instances', () => {
  it('is sent once when both install events reach different instances at once', async () => {
    const cards = await welcomesSent(true);
    expect(cards).toHaveLength(1);
    expect(JSON.stringify(cards[0]!.attachments)).toContain(TEXTS.welcomeTitle);
  });

  it('is sent twice without the shared claim, so the test above means something', async () => {
    expect(await welcomesSent(false)).toHaveLength(2);
  });
});
