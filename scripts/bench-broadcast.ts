/**
 * Broadcast delivery bench: N subscriptions, one news item, the delivery worker against the fake Bot
 * Connector (Teams' limits in scaled time, random 429/5xx), one crash at a seeded point, a fresh worker.
 *   tsx scripts/bench-broadcast.ts [--recipients 5000] [--ms-per-second 1000] [--seed 42] [--fault-rate 0.04]
 *     [--concurrency 8] [--restart-ms 1000] [--store memory|sqlite|azure]
 * One Teams second lasts --ms-per-second real ms (default: real time). Scaled runs are quicker but magnify
 * timer jitter against Teams' window; the pacing margin is converted so its real headroom stays the same.
 * The crashed process comes back after --restart-ms Teams ms (a real restart takes at least a second).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createAdapter } from '../src/adapter';
import { RealClock } from '../src/broadcast/clock';
import { createDelivery, SEND_MARGIN_MS } from '../src/broadcast/delivery-setup';
import { MemoryOutbox } from '../src/broadcast/memory-outbox';
import { loadConfig } from '../src/config';
import { logger } from '../src/shared/logger';
import { createStores } from '../src/storage/create-stores';
import type { BroadcastStore, Outbox, SenderRole, SubscriptionStore } from '../src/broadcast/ports';
import { broadcast, job, MemorySubscriptions, subscription } from '../tests/broadcast/helpers';
import { startAzurite } from '../tests/support/azurite';
import { FakeConnector, seededRandom } from '../tests/support/fake-connector';

/** One process: the crashed worker and its successor share it, so the role is the bench's. */
const ALWAYS_SENDER: SenderRole = { exclusive: false, hold: async () => true, release: async () => undefined };

const { values: args } = parseArgs({
  options: {
    recipients: { type: 'string', default: '5000' },
    'ms-per-second': { type: 'string', default: '1000' },
    seed: { type: 'string', default: '42' },
    'fault-rate': { type: 'string', default: '0.04' },
    concurrency: { type: 'string', default: '8' },
    'restart-ms': { type: 'string', default: '1000' },
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
  broadcasts: BroadcastStore;
  senderRole(): SenderRole;
  close(): Promise<void>;
}

const benchBroadcasts: BroadcastStore = {
  get: async (id) => broadcast(id),
  create: async () => undefined,
  update: async () => undefined,
  byAuthor: async () => [],
  newest: async () => [],
  due: async () => [],
};

async function openStores(): Promise<BenchStores> {
  if (args.store === 'memory')
    return {
      outbox: new MemoryOutbox(),
      subscriptions: new MemorySubscriptions(),
      broadcasts: benchBroadcasts,
      senderRole: () => ALWAYS_SENDER,
      close: async () => undefined,
    };
  const dir = mkdtempSync(join(tmpdir(), 'bench-broadcast-'));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  if (args.store === 'sqlite') {
    const stores = await createStores(loadConfig({ STORAGE: 'sqlite', DATA_DIR: dir }));
    await stores.broadcasts.create(broadcast('bench-1'));
    return { ...stores, close: () => stores.close().finally(removeDir) };
  }
  if (args.store !== 'azure') throw new Error(`--store ${args.store}: memory, sqlite or azure`);
  // Azure Storage as Azurite plays it on this machine (blob + queue, the same SDK calls as in Azure).
  const azurite = await startAzurite();
  const stores = await createStores(
    loadConfig({ STORAGE: 'azure', AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, DATA_DIR: dir }),
  );
  await stores.broadcasts.create(broadcast('bench-1'));
  return { ...stores, close: () => stores.close().finally(() => azurite.stop().finally(removeDir)) };
}

async function main(): Promise<boolean> {
  logger.level = 'warn';
  const faults = [{ status: 429, retryAfter: '1' }, { status: 429, retryAfter: '2' }, { status: 502 }, { status: 503 }];
  const fake = await FakeConnector.start({
    keepActivities: false,
    timeScale: SCALE,
    perTenantPerSecond: TENANT_LIMIT,
    random: { rate: Number(args['fault-rate']), seed: Number(args.seed), faults: [...faults, { status: 504 }] },
  });
  const clock = new RealClock(SCALE);
  const { outbox, subscriptions, broadcasts, close } = await openStores();
  const senderRole = () => ALWAYS_SENDER;
  const ids = Array.from({ length: N }, (_, i) => `a:bench-${i}`);
  for (const id of ids) await subscriptions.put(subscription(id, fake.url));
  // The production delivery (createDelivery: the worker, sender, pacer and sender role npm start runs), in scaled time.
  const config = loadConfig({ SEND_PER_TENANT_PER_SECOND: String(TENANT_LIMIT) });
  const worker = () =>
    createDelivery({
      config,
      adapter: createAdapter(config),
      stores: { outbox, subscriptions, broadcasts, senderRole },
      logger,
      clock,
      // Jitter is real time: the same real headroom as production, in Teams ms.
      tuning: { concurrency: Number(args.concurrency), leaseMs: 10_000, pollMs: 250, marginMs: SEND_MARGIN_MS / SCALE },
      timeoutMs: 2_000 * SCALE, // 2 Teams seconds, in real ms
    }).worker;

  const crashAfter = Math.floor(N * (0.1 + 0.7 * random()));
  let crashes = 0;
  let inFlightAtCrash = 0;
  let okPosts = 0;
  let current = worker();
  // Counted as calls arrive: polling the outbox's report at 50,000 rows would measure the bench, not the worker.
  const reached = new Set<string>();
  let allReached: () => void = () => undefined;
  const everyone = new Promise<void>((resolve) => (allReached = resolve));
  fake.onCall = (call) => {
    if (call.method !== 'POST' || call.status !== 200) return;
    reached.add(call.conversationId);
    if (reached.size === N) allReached();
    if (++okPosts !== crashAfter) return;
    inFlightAtCrash = current.inFlight;
    current.crash();
    crashes++;
    const next = (current = worker());
    setTimeout(() => next.start(), Number(args['restart-ms']) * SCALE);
  };

  await outbox.enqueue(ids.map((id) => job('bench-1', id)));
  const started = clock.now();
  const realStart = performance.now();
  const cpuStart = process.cpuUsage();
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 250);
  current.start();
  await everyone;
  await current.drain('bench-1');
  const teamsSeconds = (clock.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  clearInterval(sampler);
  await current.stop();
  await fake.close();
  const report = await outbox.report('bench-1');
  await close();

  const delivered = fake.delivered('bench-1').size;
  const duplicated = fake.duplicates('bench-1');
  const lost = N - delivered;
  const count = (p: (c: (typeof fake.calls)[number]) => boolean) => fake.calls.filter(p).length;
  // Sends Teams counted against the limit (every call it did not throttle, failed ones too) per second.
  const counted = count((c) => c.method === 'POST' && !c.limited);
  const rateRatio = counted / teamsSeconds / TENANT_LIMIT;
  out(`recipients ${N} (${args.store}), 1 Teams second = ${SCALE * 1000} ms, tenant limit ${TENANT_LIMIT}/s`);
  out(`delivered ${delivered}, lost ${lost}, duplicated ${duplicated}`);
  out(`crashes ${crashes} (after ${crashAfter} deliveries, ${inFlightAtCrash} sends in flight)`);
  out(`outbox: sent ${report.sent}, failed ${report.failed}, removed ${report.removed}, pending ${report.pending}`);
  out(
    `requests ${fake.calls.length}: 429 ${count((c) => c.status === 429)} (${count((c) => c.limited)} over the limit), ` +
      `5xx ${count((c) => c.status >= 500)}`,
  );
  out(`sends Teams counted per 10 s: ${timeline(fake.calls.filter((c) => c.method === 'POST' && !c.limited))}`);
  out(`time ${teamsSeconds.toFixed(1)} Teams s (${((performance.now() - realStart) / 1000).toFixed(1)} s real)`);
  out(
    `rate ${(counted / teamsSeconds).toFixed(1)} sends per Teams s = ${rateRatio.toFixed(3)} of the limit ` +
      `(${(delivered / teamsSeconds).toFixed(1)} deliveries; the fake's random faults use up the rest)`,
  );
  const self429 = count((c) => c.limited);
  const cpuMsPer1k = (cpu.user + cpu.system) / 1000 / (N / 1000);
  const rssMb = peakRss / 2 ** 20;
  out(
    `CPU ${cpuMsPer1k.toFixed(0)} ms per 1,000 recipients (worker and fake together), peak RSS ${rssMb.toFixed(0)} MB`,
  );
  const ok = lost === 0 && duplicated <= inFlightAtCrash + crashes && self429 === 0 && rateRatio >= 0.95;
  out(
    `targets (0 lost, duplicates ≤ in flight at the crash, 0 self-caused 429s, rate ≥ 0.95): ${ok ? 'met' : 'NOT met'}`,
  );
  out(
    JSON.stringify({
      recipients: N,
      delivered,
      lost,
      duplicated,
      in_flight_at_crash: inFlightAtCrash,
      self_429: self429,
      rate_ratio: Number(rateRatio.toFixed(3)),
      cpu_ms_per_1k: Math.round(cpuMsPer1k),
      rss_mb: Math.round(rssMb),
    }),
  );
  return ok;
}

/** Sends per 10 Teams seconds, to see where a run slows down (a stall, the crash, a tail). */
function timeline(calls: readonly { at: number }[]): string {
  const buckets: number[] = [];
  for (const c of calls) {
    const i = Math.floor(c.at / 10_000);
    buckets[i] = (buckets[i] ?? 0) + 1;
  }
  return Array.from(buckets, (n) => n ?? 0).join(' ');
}

// Gives up at three times the time the tenant limit needs (at least 60 s), so it scales with --recipients.
const guardMs = Math.max(60_000, 3 * (N / TENANT_LIMIT) * 1000 * SCALE);
const guard = setTimeout(() => {
  out(`bench-broadcast: gave up after ${(guardMs / 1000).toFixed(0)} s`);
  process.exit(1);
}, guardMs);
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
