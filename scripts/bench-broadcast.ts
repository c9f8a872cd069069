/**
 * Broadcast delivery bench: N subscriptions, one news item, the delivery worker against the fake Bot
 * Connector (Teams' limits in scaled time, random 429/5xx), one crash at a seeded point, a fresh worker.
 *   tsx scripts/bench-broadcast.ts [--recipients 5000] [--ms-per-second 200] [--seed 42] [--fault-rate 0.04]
 *     [--concurrency 8] [--margin-ms 20] [--restart-ms 0] [--store memory|sqlite]
 * One Teams second lasts --ms-per-second real ms. Below ~100 the single process (worker + fake, ~1 ms CPU
 * per send through botbuilder) saturates and the bench measures the CPU, not the pacing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createAdapter } from '../src/adapter';
import { RealClock } from '../src/broadcast/clock';
import { ConnectorSender } from '../src/broadcast/connector-sender';
import { DeliveryWorker } from '../src/broadcast/delivery-worker';
import { MemoryOutbox } from '../src/broadcast/memory-outbox';
import { Pacer } from '../src/broadcast/pacing';
import { loadConfig } from '../src/config';
import { logger } from '../src/shared/logger';
import { createStores } from '../src/storage/create-stores';
import type { Outbox, SubscriptionStore } from '../src/broadcast/ports';
import { broadcast, job, MemorySubscriptions, subscription } from '../tests/broadcast/helpers';
import { FakeConnector, seededRandom } from '../tests/support/fake-connector';

const { values: args } = parseArgs({
  options: {
    recipients: { type: 'string', default: '5000' },
    'ms-per-second': { type: 'string', default: '200' },
    seed: { type: 'string', default: '42' },
    'fault-rate': { type: 'string', default: '0.04' },
    concurrency: { type: 'string', default: '8' },
    'margin-ms': { type: 'string', default: '20' },
    'restart-ms': { type: 'string', default: '0' },
    store: { type: 'string', default: 'memory' },
  },
});
const N = Number(args.recipients);
const SCALE = Number(args['ms-per-second']) / 1000; // real ms per Teams ms
const TENANT_LIMIT = loadConfig({}).SEND_PER_TENANT_PER_SECOND;
const random = seededRandom(Number(args.seed));
const out = (line: string) => process.stdout.write(`${line}\n`);

interface BenchStores {
  outbox: Outbox;
  subscriptions: SubscriptionStore;
  close(): Promise<void>;
}

async function openStores(): Promise<BenchStores> {
  if (args.store === 'memory')
    return { outbox: new MemoryOutbox(), subscriptions: new MemorySubscriptions(), close: async () => undefined };
  if (args.store !== 'sqlite') throw new Error(`--store ${args.store}: memory or sqlite`);
  const dir = mkdtempSync(join(tmpdir(), 'bench-broadcast-'));
  const stores = await createStores(loadConfig({ STORAGE: 'sqlite', DATA_DIR: dir }));
  return { ...stores, close: () => stores.close().finally(() => rmSync(dir, { recursive: true, force: true })) };
}

async function main(): Promise<boolean> {
  logger.level = 'warn';
  const faults = [{ status: 429, retryAfter: '1' }, { status: 429, retryAfter: '2' }, { status: 502 }, { status: 503 }];
  const fake = await FakeConnector.start({
    timeScale: SCALE,
    perTenantPerSecond: TENANT_LIMIT,
    random: { rate: Number(args['fault-rate']), seed: Number(args.seed), faults: [...faults, { status: 504 }] },
  });
  const clock = new RealClock(SCALE);
  const { outbox, subscriptions, close } = await openStores();
  const ids = Array.from({ length: N }, (_, i) => `a:bench-${i}`);
  for (const id of ids) await subscriptions.put(subscription(id, fake.url));
  const sender = new ConnectorSender({
    adapter: createAdapter(loadConfig({})),
    botAppId: '',
    getBroadcast: async (id) => broadcast(id),
    activityFor: (b) => ({ type: 'message', text: b.news.title, channelData: { broadcastId: b.id } }),
    timeoutMs: 2_000 * SCALE, // 2 Teams seconds, in real ms
  });
  const worker = (owner: string) =>
    new DeliveryWorker({
      ...{ outbox, subscriptions, sender, clock, owner, logger },
      // a restarted process knows nothing of its predecessor's sends: a fresh pacer
      pacer: new Pacer({ perTenantPerSecond: TENANT_LIMIT, marginMs: Number(args['margin-ms']) }),
      concurrency: Number(args.concurrency),
      leaseMs: 10_000,
      pollMs: 250,
      retry: { random },
    });

  const crashAfter = Math.floor(N * (0.1 + 0.7 * random()));
  let crashes = 0;
  let inFlightAtCrash = 0;
  let okPosts = 0;
  let current = worker('w1');
  fake.onCall = (call) => {
    if (call.method !== 'POST' || call.status !== 200 || ++okPosts !== crashAfter) return;
    inFlightAtCrash = current.inFlight;
    current.crash();
    crashes++;
    const next = (current = worker(`w${crashes + 1}`));
    setTimeout(() => next.start(), Number(args['restart-ms']));
  };

  await outbox.enqueue(ids.map((id) => job('bench-1', id)));
  const started = clock.now();
  const realStart = performance.now();
  current.start();
  await current.drain('bench-1');
  const teamsSeconds = (clock.now() - started) / 1000;
  await current.stop();
  await fake.close();
  const report = await outbox.report('bench-1');
  await close();

  const delivered = fake.delivered('bench-1').size;
  const duplicated = fake.duplicates('bench-1');
  const lost = N - delivered;
  const rateRatio = delivered / teamsSeconds / TENANT_LIMIT;
  const count = (p: (c: (typeof fake.calls)[number]) => boolean) => fake.calls.filter(p).length;
  out(`recipients ${N} (${args.store}), 1 Teams second = ${SCALE * 1000} ms, tenant limit ${TENANT_LIMIT}/s`);
  out(`delivered ${delivered}, lost ${lost}, duplicated ${duplicated}`);
  out(`crashes ${crashes} (after ${crashAfter} deliveries, ${inFlightAtCrash} sends in flight)`);
  out(`outbox: sent ${report.sent}, failed ${report.failed}, removed ${report.removed}, pending ${report.pending}`);
  out(
    `requests ${fake.calls.length}: 429 ${count((c) => c.status === 429)} (${count((c) => c.limited)} over the limit), ` +
      `5xx ${count((c) => c.status >= 500)}`,
  );
  out(`time ${teamsSeconds.toFixed(1)} Teams s (${((performance.now() - realStart) / 1000).toFixed(1)} s real)`);
  out(`rate ${(delivered / teamsSeconds).toFixed(1)} deliveries per Teams s = ${rateRatio.toFixed(3)} of the limit`);
  const ok = lost === 0 && duplicated <= crashes && rateRatio >= 0.9;
  out(`targets (0 lost, duplicates ≤ crashes, rate ≥ 0.9): ${ok ? 'met' : 'NOT met'}`);
  out(
    JSON.stringify({ recipients: N, delivered, lost, duplicated, crashes, rate_ratio: Number(rateRatio.toFixed(3)) }),
  );
  return ok;
}

const guard = setTimeout(() => {
  out('bench-broadcast: gave up after 60 s');
  process.exit(1);
}, 60_000);
main().then(
  (ok) => {
    clearTimeout(guard);
    process.exitCode = ok ? 0 : 1;
  },
  (err: unknown) => {
    process.stderr.write(`bench-broadcast: ${String(err)}\n`);
    process.exit(1);
  },
);
