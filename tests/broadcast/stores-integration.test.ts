import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapter } from '../../src/adapter';
import { RealClock } from '../../src/broadcast/clock';
import { ConnectorSender } from '../../src/broadcast/connector-sender';
import { newsActivity } from '../../src/broadcast/delivery-setup';
import { DeliveryWorker } from '../../src/broadcast/delivery-worker';
import { Pacer } from '../../src/broadcast/pacing';
import { loadConfig } from '../../src/config';
import { logger } from '../../src/shared/logger';
import type { Stores } from '../../src/storage/stores';
import { FakeConnector } from '../support/fake-connector';
import { backends, useBackend } from '../storage/backends';
import { broadcast, job, subscription } from './helpers';

let fake: FakeConnector;
beforeAll(async () => void (fake = await FakeConnector.start()));
afterAll(() => fake.close());

/** One bot instance's delivery: its own worker and pacer on shared stores. */
function worker(stores: Stores, owner: string, perTenantPerSecond = 50) {
  return new DeliveryWorker({
    outbox: stores.outbox,
    subscriptions: stores.subscriptions,
    sender: new ConnectorSender({
      adapter: createAdapter(loadConfig({})),
      botAppId: '',
      getBroadcast: (id) => stores.broadcasts.get(id),
      activityFor: newsActivity,
      timeoutMs: 2_000,
    }),
    pacer: new Pacer({ perTenantPerSecond, marginMs: 50 }),
    clock: new RealClock(),
    owner,
    logger,
    pollMs: 100,
    leaseMs: 5_000,
  });
}

async function seed(stores: Stores, id: string, n: number) {
  await stores.broadcasts.create(broadcast(id));
  const ids = Array.from({ length: n }, (_, i) => `${id}:conv-${i}`);
  for (const c of ids) await stores.subscriptions.put(subscription(c, fake.url));
  await stores.outbox.enqueue(ids.map((c) => job(id, c)));
}

const until = async (check: () => boolean, ms = 20_000) => {
  for (const end = Date.now() + ms; !check(); ) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe.each(backends())('$name: delivering news through the fake Bot Connector', (backend) => {
  const { fresh } = useBackend(backend);

  it('resumes after a crash in the middle: nothing lost, duplicates only what was in flight', async () => {
    const open = fresh();
    const first = await open();
    const id = `${backend.name}-restart`;
    await seed(first, id, 120);
    const a = worker(first, 'instance-a');
    a.start();
    await until(() => fake.delivered(id).size >= 40);
    const inFlight = a.inFlight;
    a.crash();
    const restarted = await open(); // the process comes back, on the same storage
    const b = worker(restarted, 'instance-a-restarted');
    b.start();
    await b.drain(id);
    await b.stop();
    expect(fake.delivered(id).size).toBe(120);
    expect(fake.duplicates(id)).toBeLessThanOrEqual(Math.max(1, inFlight));
    expect(await restarted.outbox.report(id, 'send')).toMatchObject({ total: 120, sent: 120, pending: 0 });
  }, 60_000);

  it('lets two instances share one broadcast without serving any recipient twice', async () => {
    const open = fresh();
    const [one, two] = [await open(), await open()];
    const id = `${backend.name}-shared`;
    await seed(one, id, 100);
    const workers = [worker(one, 'instance-1', 25), worker(two, 'instance-2', 25)];
    workers.forEach((w) => w.start());
    await until(() => fake.delivered(id).size >= 100);
    await Promise.all(workers.map((w) => w.drain(id)));
    await Promise.all(workers.map((w) => w.stop()));
    expect(fake.delivered(id).size).toBe(100);
    expect(fake.duplicates(id)).toBe(0);
    expect(new Set((await one.outbox.jobsFor(id)).map((j) => j.state))).toEqual(new Set(['sent']));
  }, 60_000);
});
