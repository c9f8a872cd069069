import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapter } from '../../src/adapter';
import { createDelivery } from '../../src/broadcast/delivery-setup';
import { loadConfig } from '../../src/config';
import { logger } from '../../src/shared/logger';
import type { Stores } from '../../src/storage/stores';
import { FakeConnector } from '../support/fake-connector';
import { backends, useBackend } from '../storage/backends';
import { broadcast, job, subscription } from './helpers';

let fake: FakeConnector;
beforeAll(async () => void (fake = await FakeConnector.start()));
afterAll(() => fake.close());

/** One bot instance's delivery, composed as `npm start` composes it (its own worker, pacer and role). */
function instance(stores: Stores, perTenantPerSecond = 50) {
  return createDelivery({
    config: { ...loadConfig({}), SEND_PER_TENANT_PER_SECOND: perTenantPerSecond },
    adapter: createAdapter(loadConfig({})),
    stores,
    logger,
    tuning: { pollMs: 100, leaseMs: 5_000 },
    timeoutMs: 2_000,
  }).worker;
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
    const a = instance(first);
    a.start();
    await until(() => fake.delivered(id).size >= 40);
    const inFlight = a.inFlight;
    a.crash();
    if (backend.name === 'sqlite') await first.close(); // the process is gone: the OS drops its lock
    const restarted = await open(); // the process comes back, on the same storage
    const b = instance(restarted);
    const resumedAt = Date.now();
    b.start();
    await b.drain(id);
    await b.stop();
    expect(fake.delivered(id).size).toBe(120);
    expect(fake.duplicates(id)).toBeLessThanOrEqual(Math.max(1, inFlight));
    expect(await restarted.outbox.report(id, 'send')).toMatchObject({ total: 120, sent: 120, pending: 0 });
    // SQLite: the dead process's job leases (5 s here) are handed back at once, not waited out.
    if (backend.name === 'sqlite') expect(Date.now() - resumedAt).toBeLessThan(5_000);
  }, 60_000);

  it.runIf(backend.name === 'azure')(
    'lets one of two instances send; when it dies the other takes over, and the tenant limit holds for both',
    async () => {
      const open = fresh();
      const [one, two] = [await open(), await open()];
      const id = `${backend.name}-shared`;
      await seed(one, id, 150);
      const workers = [instance(one, 25), instance(two, 25)];
      workers.forEach((w) => w.start());
      await until(() => fake.delivered(id).size >= 40);
      const senders = workers.filter((w) => w.sending);
      expect(senders).toHaveLength(1);
      const [sender] = senders;
      const standby = workers.find((w) => w !== sender)!;
      const inFlight = sender!.inFlight;
      sender!.crash();
      const standbyBefore = standby.sending;
      await standby.drain(id);
      await standby.stop();
      expect(standbyBefore).toBe(false);
      expect(fake.delivered(id).size).toBe(150);
      expect(fake.duplicates(id)).toBeLessThanOrEqual(Math.max(1, inFlight));
      expect(fake.calls.filter((c) => c.broadcastId === id && c.limited)).toHaveLength(0);
      expect(new Set((await one.outbox.jobsFor(id)).map((j) => j.state))).toEqual(new Set(['sent']));
    },
    90_000,
  );

  it.runIf(backend.name === 'sqlite')('refuses to let a second instance send on the same file', async () => {
    const open = fresh();
    const [one, two] = [await open(), await open()];
    expect(await one.senderRole().hold()).toBe(true);
    expect(await two.senderRole().hold()).toBe(false);
    await one.close();
    expect(await two.senderRole().hold()).toBe(true);
  });
});
