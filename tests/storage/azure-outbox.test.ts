import { randomBytes } from 'node:crypto';
import { QueueClient } from '@azure/storage-queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAzureStores } from '../../src/storage/azure/azure-stores';
import { encodeKey } from '../../src/storage/azure/job-record';
import type { Stores } from '../../src/storage/stores';
import { startAzurite, type Azurite } from '../support/azurite';
import { job } from './fixtures';

/** What the queue-and-blob design must survive beyond the shared contract. */
describe('azure outbox: queue messages are hints, the job blob decides', () => {
  let azurite: Azurite;
  beforeAll(async () => void (azurite = await startAzurite()), 20_000);
  afterAll(() => azurite?.stop(), 10_000);

  async function instances(n: number): Promise<{ queue: QueueClient; stores: Stores[] }> {
    const name = `t-${randomBytes(6).toString('hex')}`;
    const settings = { connectionString: azurite.connectionString, container: name, queue: name };
    const stores = await Promise.all(Array.from({ length: n }, () => createAzureStores(settings)));
    return { queue: new QueueClient(azurite.connectionString, name), stores };
  }
  const waiting = async (queue: QueueClient) => (await queue.getProperties()).approximateMessagesCount ?? Number.NaN;

  it('gives a job with duplicate messages to one instance only', async () => {
    const { queue, stores } = await instances(3);
    const j = job('b', 'c1');
    await stores[0]!.outbox.enqueue([j]);
    await stores[1]!.outbox.enqueue([j]); // job exists and is pending: a second message is sent
    await queue.sendMessage(encodeKey(j), { messageTimeToLive: -1 });
    expect(await waiting(queue)).toBe(3);
    const now = Date.now();
    const claims = await Promise.all(stores.map((s, i) => s.outbox.claim(now, 5, 30_000, `w${i}`)));
    expect(claims.flat()).toHaveLength(1);
  });

  it('hides a message that arrives before its job is due', async () => {
    const { queue, stores } = await instances(1);
    const { outbox } = stores[0]!;
    const now = Date.now();
    await outbox.enqueue([job('b', 'c1', { notBefore: now })]);
    expect(await outbox.claim(now - 5000, 5, 30_000, 'w')).toEqual([]);
    expect(await outbox.claim(now, 5, 30_000, 'w')).toEqual([]); // message hidden for ~5 s, not lost
    expect(await waiting(queue)).toBe(1);
  });

  it('drops messages of finished, forgotten or unreadable jobs', async () => {
    const { queue, stores } = await instances(1);
    const { outbox, forget } = stores[0]!;
    await outbox.enqueue([job('b', 'done')]);
    const [claimed] = await outbox.claim(Date.now(), 5, 30_000, 'w');
    await queue.sendMessage(encodeKey(claimed!), { messageTimeToLive: -1 }); // a stray duplicate
    await outbox.finish({ ...claimed!, state: 'sent' }, 'w');
    await outbox.enqueue([job('b', 'gone')]);
    expect(await forget({ conversationId: 'gone' })).toBe(1);
    await queue.sendMessage('not a job', { messageTimeToLive: -1 });
    expect(await outbox.claim(Date.now(), 5, 30_000, 'w')).toEqual([]);
    expect(await waiting(queue)).toBe(0);
  });
});
