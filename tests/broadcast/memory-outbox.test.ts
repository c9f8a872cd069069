import { describe, expect, it } from 'vitest';
import { MemoryOutbox } from '../../src/broadcast/memory-outbox';
import { job } from './helpers';

describe('When jobs go through the in-memory outbox', () => {
  it('enqueues idempotently per (broadcast, conversation, action)', async () => {
    const outbox = new MemoryOutbox();
    await outbox.enqueue([job('b', 'c1'), job('b', 'c1', 'update', 'a1')]);
    await outbox.enqueue([{ ...job('b', 'c1'), attempts: 9 }]);
    const jobs = await outbox.jobsFor('b');
    expect(jobs.map((j) => `${j.conversationId}/${j.action}/${j.attempts}`)).toEqual(['c1/send/0', 'c1/update/0']);
  });

  it('hands a due job to one claimer until its lease runs out', async () => {
    const outbox = new MemoryOutbox();
    await outbox.enqueue([job('b', 'c1'), { ...job('b', 'later'), notBefore: 5_000 }]);
    const [first, ...rest] = await outbox.claim(0, 10, 1_000, 'a');
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ conversationId: 'c1', leaseToken: expect.any(String) });
    expect(await outbox.claim(999, 10, 1_000, 'b')).toEqual([]);
    const [again] = await outbox.claim(1_000, 1, 1_000, 'b');
    expect(again!.leaseToken).not.toBe(first!.leaseToken);
  });

  it('ignores a stale finish, records the current one, and reports', async () => {
    const outbox = new MemoryOutbox();
    await outbox.enqueue([job('b', 'c1'), job('b', 'c2')]);
    const [stale] = await outbox.claim(0, 1, 1_000, 'a');
    const [current] = await outbox.claim(2_000, 1, 1_000, 'b');
    await outbox.finish({ ...stale!, state: 'failed', reason: 'late' }, 'a');
    await outbox.finish({ ...current!, state: 'removed', reason: '403 Blocked', attempts: 1 }, 'b');
    expect(await outbox.report('b')).toEqual({
      total: 2,
      sent: 0,
      pending: 1,
      failed: 0,
      removed: 1,
      reasons: { '403 Blocked': 1 },
    });
  });

  it('gives a postponed job back only when it is due', async () => {
    const outbox = new MemoryOutbox();
    await outbox.enqueue([job('b', 'c1')]);
    const [claimed] = await outbox.claim(0, 1, 60_000, 'a');
    await outbox.finish({ ...claimed!, notBefore: 2_500 }, 'a');
    expect(await outbox.claim(2_499, 1, 60_000, 'a')).toEqual([]);
    expect(await outbox.claim(2_500, 1, 60_000, 'a')).toHaveLength(1);
  });
});
