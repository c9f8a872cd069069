import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/broadcast/clock';
import { DeliveryWorker, type DeliveryWorkerOptions } from '../../src/broadcast/delivery-worker';
import { MemoryOutbox } from '../../src/broadcast/memory-outbox';
import { Pacer } from '../../src/broadcast/pacing';
import { logger } from '../../src/shared/logger';
import { job, maxInWindow, MemorySubscriptions, ScriptedSender, runUntil, subscription } from './helpers';

/** A world with n subscribed conversations c0…c(n-1) and one broadcast b1 queued for all of them. */
async function world(n: number, latencyMs = 0) {
  const clock = new FakeClock();
  const outbox = new MemoryOutbox();
  const subscriptions = new MemorySubscriptions();
  const sender = new ScriptedSender(clock, latencyMs);
  const ids = Array.from({ length: n }, (_, i) => `c${i}`);
  for (const id of ids) await subscriptions.put(subscription(id));
  await outbox.enqueue(ids.map((id) => job('b1', id)));
  const worker = (owner: string, extra: Partial<DeliveryWorkerOptions> = {}) =>
    new DeliveryWorker({
      outbox,
      sender,
      subscriptions,
      clock,
      owner,
      logger,
      pacer: new Pacer(),
      pollMs: 100,
      leaseMs: 10_000,
      retry: { random: () => 0.5 },
      ...extra,
    });
  return { clock, outbox, subscriptions, sender, ids, worker };
}

describe('When a worker delivers a broadcast', () => {
  it('delivers every job exactly once at the tenant limit, and reports progress', async () => {
    const w = await world(300);
    const progress: string[] = [];
    const finished: string[] = [];
    const worker = w.worker('w1', {
      onProgress: (id) => progress.push(id),
      onFinished: (job) => finished.push(`${job.action}|${job.state}`),
    });
    worker.start();
    await runUntil(w.clock, worker.drain('b1'));
    await worker.stop();
    expect([...w.sender.delivered().values()]).toEqual(Array(300).fill(1));
    expect(await w.outbox.report('b1')).toMatchObject({ total: 300, sent: 300, pending: 0 });
    expect(
      maxInWindow(
        w.sender.log.map((s) => s.at),
        1000,
      ),
    ).toBeLessThanOrEqual(50);
    expect(w.clock.now()).toBeLessThan(6_500); // 300 at 50/s ≈ 6 s
    expect(progress).toHaveLength(300);
    // What the statistics count: one finished send per recipient.
    expect(finished).toEqual(Array(300).fill('send|sent'));
  });

  it('a send that reaches Teams late never brings the next ones closer than paced (each counts from its answer)', async () => {
    const w = await world(400);
    const arrivals: number[] = [];
    let n = 0;
    // Every ninth send is held up 40 ms on its way (a busy event loop, the network) before Teams counts it.
    const sender = {
      async send(job: Parameters<typeof w.sender.send>[0]) {
        if (++n % 9 === 0) await w.clock.sleep(40);
        arrivals.push(w.clock.now());
        await w.clock.sleep(5);
        return { kind: 'ok' as const, activityId: `act-${job.conversationId}` };
      },
    };
    const worker = w.worker('w1', { sender });
    worker.start();
    await runUntil(w.clock, worker.drain('b1'), 10);
    await runUntil(w.clock, worker.stop(), 10);
    expect(arrivals).toHaveLength(400);
    expect(maxInWindow(arrivals, 1000)).toBeLessThanOrEqual(50);
  });

  it('keeps one busy conversation within 7/s and 8/2s while the others go on', async () => {
    const w = await world(200);
    await w.outbox.enqueue(Array.from({ length: 20 }, (_, i) => job(`busy-${i}`, 'c0')));
    const worker = w.worker('w1');
    worker.start();
    await runUntil(
      w.clock,
      Promise.all([worker.drain('b1'), ...Array.from({ length: 20 }, (_, i) => worker.drain(`busy-${i}`))]),
    );
    await worker.stop();
    const busy = w.sender.log.filter((s) => s.job.conversationId === 'c0').map((s) => s.at);
    const others = w.sender.log.filter((s) => s.job.conversationId !== 'c0').map((s) => s.at);
    expect(busy).toHaveLength(21);
    expect(maxInWindow(busy, 1000)).toBeLessThanOrEqual(7);
    expect(maxInWindow(busy, 2000)).toBeLessThanOrEqual(8);
    expect(Math.max(...others)).toBeLessThan(Math.max(...busy));
    expect(Math.max(...others)).toBeLessThan(5_000); // 199 others at 50/s, not slowed by c0
  });

  it('waits exactly Retry-After for a throttled conversation only', async () => {
    const w = await world(100);
    w.sender.script('c0', { kind: 'throttled', retryAfterMs: 2500 });
    const worker = w.worker('w1', { pollMs: 10 });
    worker.start();
    await w.clock.advance(100);
    const first = w.sender.log.find((s) => s.job.conversationId === 'c0')!;
    const waiting = (await w.outbox.jobsFor('b1')).find((j) => j.conversationId === 'c0')!;
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1, notBefore: first.at + 2500 });
    await runUntil(w.clock, worker.drain('b1'), 10);
    await worker.stop();
    const attempts = w.sender.log.filter((s) => s.job.conversationId === 'c0');
    expect(attempts).toHaveLength(2);
    expect(attempts[1]!.at - first.at).toBeGreaterThanOrEqual(2500);
    expect(attempts[1]!.at - first.at).toBeLessThanOrEqual(2520);
    const others = w.sender.log.filter((s) => s.job.conversationId !== 'c0');
    expect(others).toHaveLength(99);
    expect(Math.max(...others.map((s) => s.at))).toBeLessThan(2000); // 99 at 50/s: nobody paused for c0's 429
  });

  it('retries transient errors with backoff, then gives up after 8 attempts', async () => {
    const w = await world(2);
    w.sender.script('c0', ...Array(8).fill({ kind: 'transient', status: 503, reason: '503' }));
    w.sender.script('c1', { kind: 'transient', status: 502, reason: '502' });
    const worker = w.worker('w1');
    worker.start();
    await runUntil(w.clock, worker.drain('b1'));
    await worker.stop();
    const jobs = await w.outbox.jobsFor('b1');
    expect(jobs.find((j) => j.conversationId === 'c0')).toMatchObject({
      state: 'failed',
      attempts: 8,
      reason: 'gave up after 8 attempts: 503',
    });
    expect(jobs.find((j) => j.conversationId === 'c1')).toMatchObject({ state: 'sent', attempts: 2 });
    const times = w.sender.log.filter((s) => s.job.conversationId === 'c0').map((s) => s.at);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    // random 0.5: half of 1, 2, 4 … 60 s, plus at most one poll interval
    gaps.forEach((gap, i) => expect(gap - Math.min(60_000, 1000 * 2 ** i) / 2).toBeLessThanOrEqual(100));
  });

  it('removes a job and the subscription on 403', async () => {
    const w = await world(3);
    w.sender.script('c1', { kind: 'gone', status: 403, reason: '403 ConversationBlockedByUser' });
    const worker = w.worker('w1');
    worker.start();
    await runUntil(w.clock, worker.drain('b1'));
    await worker.stop();
    expect(await w.outbox.report('b1')).toMatchObject({
      sent: 2,
      removed: 1,
      reasons: { '403 ConversationBlockedByUser': 1 },
    });
    expect(await w.subscriptions.get('c1')).toBeUndefined();
    expect(await w.subscriptions.count()).toBe(2);
  });

  it('sends updates and deletes to the stored activity ids', async () => {
    const w = await world(20);
    const worker = w.worker('w1');
    worker.start();
    await runUntil(w.clock, worker.drain('b1'));
    const sent = await w.outbox.jobsFor('b1');
    await w.outbox.enqueue(sent.map((j) => job('b1', j.conversationId, 'update', j.activityId)));
    worker.wake();
    await runUntil(w.clock, worker.drain('b1'));
    await w.outbox.enqueue(sent.map((j) => job('b1', j.conversationId, 'delete', j.activityId)));
    worker.wake();
    await runUntil(w.clock, worker.drain('b1'));
    await worker.stop();
    for (const action of ['update', 'delete'] as const) {
      const used = w.sender.log.filter((s) => s.job.action === action).map((s) => s.job.activityId);
      expect(used.sort()).toEqual(sent.map((j) => j.activityId).sort());
      expect((await w.outbox.report('b1', action)).sent).toBe(20);
    }
    expect(sent.every((j) => j.activityId === `act-b1-${j.conversationId}`)).toBe(true);
  });

  it('stop() finishes what is in flight and hands held jobs back at once', async () => {
    const w = await world(200, 30);
    const worker = w.worker('w1');
    worker.start();
    await w.clock.advance(1000);
    await runUntil(w.clock, worker.stop());
    const report = await w.outbox.report('b1');
    expect(report.sent).toBe(w.sender.log.length);
    // nothing is left leased: a second worker can claim every pending job right away
    expect(await w.outbox.claim(w.clock.now(), 1000, 1000, 'probe')).toHaveLength(report.pending);
  });
});

describe('When the broadcast is paused or cancelled (the gate)', () => {
  it('holds sends while paused, also those already waiting for pacing, and sends them after the resume', async () => {
    const w = await world(200);
    let status: 'go' | 'hold' | 'drop' = 'go';
    const asked: string[] = [];
    const worker = w.worker('w1', { gate: async (job) => (asked.push(job.action), status) });
    worker.start();
    await w.clock.advance(1000);
    status = 'hold';
    const atPause = w.sender.log.length;
    expect(atPause).toBeGreaterThan(20);
    expect(atPause).toBeLessThan(200);
    await w.clock.advance(5_000);
    // Nothing more went out, though 64 jobs were claimed and waiting for pacing when the pause came.
    expect(w.sender.log.length).toBe(atPause);
    expect((await w.outbox.report('b1')).pending).toBe(200 - atPause);
    status = 'go';
    await runUntil(w.clock, worker.drain('b1'));
    await runUntil(w.clock, worker.stop());
    expect([...w.sender.delivered().values()]).toEqual(Array(200).fill(1));
    expect(new Set(asked)).toEqual(new Set(['send']));
  });

  it('a slow gate (a store read) never stands between the pacing reservation and the send: Teams sees the pace', async () => {
    const w = await world(400);
    let calls = 0;
    const worker = w.worker('w1', {
      // Every seventh answer takes 40 ms, as a status read from a busy store may.
      gate: async () => {
        if (++calls % 7 === 0) await w.clock.sleep(40);
        return 'go';
      },
    });
    worker.start();
    await runUntil(w.clock, worker.drain('b1'));
    await runUntil(w.clock, worker.stop());
    expect([...w.sender.delivered().values()]).toEqual(Array(400).fill(1));
    expect(
      maxInWindow(
        w.sender.log.map((s) => s.at),
        1000,
      ),
    ).toBeLessThanOrEqual(50);
  });

  it('marks every unsent job as removed "cancelled" once the broadcast is cancelled; updates and deletes pass', async () => {
    const w = await world(100);
    let status: 'go' | 'drop' = 'go';
    const worker = w.worker('w1', { gate: async () => status });
    worker.start();
    await w.clock.advance(500);
    status = 'drop';
    await runUntil(w.clock, worker.drain('b1'));
    const report = await w.outbox.report('b1');
    expect(report.sent).toBe(w.sender.log.length);
    expect(report.sent).toBeLessThan(100);
    expect(report).toMatchObject({ pending: 0, removed: 100 - report.sent, reasons: { cancelled: 100 - report.sent } });
    await w.outbox.enqueue([{ ...job('b1', 'c0'), action: 'delete', activityId: 'act-1' }]);
    await runUntil(w.clock, worker.drain('b1'));
    await runUntil(w.clock, worker.stop());
    expect(w.sender.log.at(-1)?.job).toMatchObject({ action: 'delete' });
  });
});

describe('When instances share the sender role', () => {
  it('only the holder claims; the standby takes over when the role comes free, and a clean stop gives it up', async () => {
    const w = await world(20);
    let holder: string | undefined = 'w1';
    const role = (owner: string) => ({
      exclusive: false,
      hold: async () => (holder ??= owner) === owner,
      release: async () => void (holder === owner && (holder = undefined)),
    });
    const [one, two] = [w.worker('w1', { role: role('w1') }), w.worker('w2', { role: role('w2') })];
    two.start();
    await w.clock.advance(1000);
    expect(w.sender.log).toHaveLength(0);
    expect(two.sending).toBe(false);
    one.start();
    await w.clock.advance(1000);
    expect(one.sending).toBe(true);
    await runUntil(w.clock, one.stop());
    expect(holder).toBeUndefined();
    await runUntil(w.clock, two.drain('b1'));
    expect(two.sending).toBe(true);
    await runUntil(w.clock, two.stop());
    expect([...w.sender.delivered().values()]).toEqual(Array(20).fill(1));
  });
});

describe('When a worker crashes in the middle', () => {
  it.each([
    [1, 30],
    [8, 30],
  ])(
    'a fresh worker resumes: nothing lost, duplicates only for sends in flight (concurrency %i)',
    async (concurrency, latency) => {
      const w = await world(400, latency);
      const first = w.worker('w1', { concurrency });
      first.start();
      await runUntil(
        w.clock,
        (async () => {
          while (w.sender.log.length < 150) await w.clock.sleep(1);
        })(),
        1,
      );
      const inFlight = first.inFlight;
      first.crash();
      const second = w.worker('w2', { concurrency });
      second.start();
      await runUntil(w.clock, second.drain('b1'));
      await second.stop();
      const counts = [...w.sender.delivered().values()];
      expect(counts).toHaveLength(400); // nobody lost
      const duplicates = counts.reduce((sum, n) => sum + n - 1, 0);
      expect(inFlight).toBeGreaterThanOrEqual(1);
      expect(inFlight).toBeLessThanOrEqual(concurrency);
      expect(duplicates).toBeLessThanOrEqual(inFlight);
      expect(await w.outbox.report('b1')).toMatchObject({ sent: 400, pending: 0 });
    },
  );
});
