import { describe, expect, it } from 'vitest';
import type { DeliveryJob } from '../../src/broadcast/model';
import { backends, useBackend } from './backends';
import { job, sleep } from './fixtures';

const keyOf = (j: DeliveryJob) => `${j.conversationId}/${j.action}`;
const LEASE_MS = 1000; // the queue's smallest visibility timeout is one second

describe.each(backends())('$name: outbox', (backend) => {
  const { fresh } = useBackend(backend);

  it('enqueues idempotently per (broadcast, conversation, action)', async () => {
    const { outbox } = await fresh()();
    await outbox.enqueue([job('b', 'c1'), job('b', 'c2'), job('b', 'c1', { action: 'update', activityId: 'act-1' })]);
    await outbox.enqueue([job('b', 'c1', { attempts: 9 }), job('other', 'c1')]);
    const jobs = await outbox.jobsFor('b');
    expect(jobs.map(keyOf).sort()).toEqual(['c1/send', 'c1/update', 'c2/send']);
    expect(jobs.find((j) => j.action === 'update')).toEqual(job('b', 'c1', { action: 'update', activityId: 'act-1' }));
    expect(jobs.every((j) => j.attempts === 0)).toBe(true);
  });

  it('reopens a finished job when asked to (a second correction), but leaves pending ones alone', async () => {
    const { outbox } = await fresh()();
    await outbox.enqueue([job('b', 'c1', { action: 'update', activityId: 'act-1' })]);
    const [claimed] = await outbox.claim(Date.now(), 10, 30_000, 'w');
    await outbox.finish({ ...claimed!, state: 'sent', attempts: 1 }, 'w');
    await outbox.enqueue([job('b', 'c1', { action: 'update', activityId: 'act-1' })]);
    expect((await outbox.jobsFor('b'))[0]?.state).toBe('sent');
    await outbox.enqueue([job('b', 'c1', { action: 'update', activityId: 'act-1' })], { reopen: true });
    expect((await outbox.jobsFor('b'))[0]).toMatchObject({ state: 'pending', attempts: 0 });
    expect((await outbox.claim(Date.now() + 1000, 10, 30_000, 'w')).map(keyOf)).toEqual(['c1/update']);
  });

  it('moves the pending jobs of one broadcast and action (pause, resume), leaving finished and other jobs alone', async () => {
    const { outbox } = await fresh()();
    const now = Date.now();
    await outbox.enqueue([job('b', 'c1'), job('b', 'c2'), job('b', 'c3'), job('b', 'c1', { action: 'update' })]);
    await outbox.enqueue([job('other', 'c1')]);
    const claimed = await outbox.claim(now, 10, 30_000, 'w');
    // c3 was sent; the others go back unchanged.
    for (const j of claimed) await outbox.finish(j.conversationId === 'c3' ? { ...j, state: 'sent' } : j, 'w');

    expect(await outbox.reschedule('b', 'send', now + 3_600_000)).toBe(2);
    const due = await outbox.claim(now + 1000, 10, 30_000, 'w');
    expect(due.map((j) => `${j.broadcastId}:${keyOf(j)}`).sort()).toEqual(['b:c1/update', 'other:c1/send']);
    for (const j of due) await outbox.finish(j, 'w');
    expect(await outbox.reschedule('b', 'send', 0)).toBe(2);
    const resumed = await outbox.claim(now + 1000, 10, 30_000, 'w2');
    expect(
      resumed
        .filter((j) => j.action === 'send' && j.broadcastId === 'b')
        .map(keyOf)
        .sort(),
    ).toEqual(['c1/send', 'c2/send']);
    expect((await outbox.jobsFor('b')).find((j) => j.conversationId === 'c3')?.state).toBe('sent');
  });

  it('records the result of a job that was moved while it was being sent (a pause during the send)', async () => {
    const { outbox } = await fresh()();
    await outbox.enqueue([job('b', 'c1')]);
    const [claimed] = await outbox.claim(Date.now(), 1, 30_000, 'w');
    await outbox.reschedule('b', 'send', Date.now() + 3_600_000);
    await outbox.finish({ ...claimed!, state: 'sent', attempts: 1, activityId: 'act-1' }, 'w');
    expect((await outbox.jobsFor('b'))[0]).toMatchObject({ state: 'sent', activityId: 'act-1' });
  });

  it('claims only due jobs, each once within its lease', async () => {
    const { outbox } = await fresh()();
    const now = Date.now();
    await outbox.enqueue([job('b', 'due'), job('b', 'later', { notBefore: now + 60_000 })]);
    const claimed = await outbox.claim(now, 10, 30_000, 'w1');
    expect(claimed.map(keyOf)).toEqual(['due/send']);
    expect(claimed[0]!.leaseToken).toEqual(expect.any(String));
    expect(await outbox.claim(Date.now(), 10, 30_000, 'w1')).toEqual([]);
  });

  it('never hands one job to two instances claiming at once', async () => {
    const open = fresh();
    const [a, b] = [(await open()).outbox, (await open()).outbox];
    await a.enqueue(Array.from({ length: 30 }, (_, i) => job('b', `c${i}`)));
    const now = Date.now();
    const [x, y] = await Promise.all([a.claim(now, 20, 30_000, 'a'), b.claim(now, 20, 30_000, 'b')]);
    const rest = [...(await a.claim(Date.now(), 30, 30_000, 'a')), ...(await b.claim(Date.now(), 30, 30_000, 'b'))];
    const all = [...x, ...y, ...rest].map(keyOf);
    expect(x.length).toBeLessThanOrEqual(20);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(30);
  });

  it('makes a job claimable again when its lease runs out, and ignores the stale finish', async () => {
    const open = fresh();
    const [a, b] = [(await open()).outbox, (await open()).outbox];
    await a.enqueue([job('b', 'c1')]);
    const [first] = await a.claim(Date.now(), 1, LEASE_MS, 'a');
    expect(await b.claim(Date.now(), 1, LEASE_MS, 'b')).toEqual([]);
    await sleep(LEASE_MS + 300);
    const [second] = await b.claim(Date.now(), 1, 30_000, 'b');
    expect(second && keyOf(second)).toBe('c1/send');
    expect(second!.leaseToken).not.toBe(first!.leaseToken);

    await a.finish({ ...first!, state: 'failed', reason: 'late', updatedAt: 2 }, 'a');
    expect((await b.jobsFor('b'))[0]!.state).toBe('pending');
    await b.finish({ ...second!, state: 'sent', attempts: 1, activityId: 'act-9', updatedAt: 3 }, 'b');
    expect(await a.jobsFor('b')).toEqual([
      job('b', 'c1', { state: 'sent', attempts: 1, activityId: 'act-9', updatedAt: 3 }),
    ]);
    expect(await a.claim(Date.now(), 5, LEASE_MS, 'a')).toEqual([]);
  });

  it('ignores a finish from another owner or without a lease', async () => {
    const { outbox } = await fresh()();
    await outbox.enqueue([job('b', 'c1')]);
    const [claimed] = await outbox.claim(Date.now(), 1, 30_000, 'a');
    await outbox.finish({ ...claimed!, state: 'sent' }, 'intruder');
    await outbox.finish({ ...job('b', 'c1'), state: 'sent' }, 'a');
    expect((await outbox.jobsFor('b'))[0]!.state).toBe('pending');
  });

  it('retries: a finished-but-pending job comes back only when due', async () => {
    const { outbox } = await fresh()();
    await outbox.enqueue([job('b', 'c1')]);
    const [claimed] = await outbox.claim(Date.now(), 1, 30_000, 'a');
    const retryAt = Date.now() + 1000;
    await outbox.finish({ ...claimed!, attempts: 1, notBefore: retryAt, reason: '429' }, 'a');
    expect(await outbox.claim(Date.now(), 1, 30_000, 'a')).toEqual([]);
    await sleep(retryAt - Date.now() + 300);
    const [again] = await outbox.claim(Date.now(), 1, 30_000, 'a');
    expect(again).toMatchObject({ conversationId: 'c1', attempts: 1, notBefore: retryAt, state: 'pending' });
  });

  it('reports counts and reasons, per action if asked', async () => {
    const { outbox } = await fresh()();
    const conversations = ['c1', 'c2', 'c3', 'c4', 'c5'];
    await outbox.enqueue(conversations.map((c) => job('b', c)));
    await outbox.enqueue([job('b', 'c1', { action: 'delete', activityId: 'x' })]);
    const claimed = (await outbox.claim(Date.now(), 10, 30_000, 'w')).filter((j) => j.action === 'send');
    const results: Partial<DeliveryJob>[] = [
      { state: 'sent', activityId: 'a1' },
      { state: 'sent', activityId: 'a2' },
      { state: 'failed', reason: '500 InternalError' },
      { state: 'removed', reason: '403 MessageWritesBlocked' },
    ];
    await Promise.all(results.map((r, i) => outbox.finish({ ...claimed[i]!, ...r }, 'w')));
    expect(await outbox.report('b', 'send')).toEqual({
      total: 5,
      sent: 2,
      pending: 1,
      failed: 1,
      removed: 1,
      reasons: { '500 InternalError': 1, '403 MessageWritesBlocked': 1 },
    });
    expect(await outbox.report('b')).toMatchObject({ total: 6, pending: 2 });
    expect(await outbox.report('unknown')).toEqual({
      total: 0,
      sent: 0,
      pending: 0,
      failed: 0,
      removed: 0,
      reasons: {},
    });
  });
});
