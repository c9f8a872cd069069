import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapter } from '../../src/adapter';
import { RealClock } from '../../src/broadcast/clock';
import { ConnectorSender } from '../../src/broadcast/connector-sender';
import { DeliveryWorker } from '../../src/broadcast/delivery-worker';
import { MemoryOutbox } from '../../src/broadcast/memory-outbox';
import { Pacer } from '../../src/broadcast/pacing';
import { loadConfig } from '../../src/config';
import { logger } from '../../src/shared/logger';
import { FakeConnector } from '../support/fake-connector';
import { broadcast, job, MemorySubscriptions, subscription } from './helpers';

// One Teams second passes in 50 ms on both sides; HTTP is real (loopback).
const SCALE = 0.05;
let fake: FakeConnector;
beforeAll(async () => {
  fake = await FakeConnector.start({ timeScale: SCALE });
});
afterAll(() => fake.close());

const connectorSender = () =>
  new ConnectorSender({
    adapter: createAdapter(loadConfig({})),
    botAppId: '',
    getBroadcast: async (id) => broadcast(id),
    activityFor: (b) => ({ type: 'message', text: b.news.title, channelData: { broadcastId: b.id } }),
    timeoutMs: 300, // real ms
  });

async function setup(n: number) {
  const clock = new RealClock(SCALE);
  const outbox = new MemoryOutbox();
  const subscriptions = new MemorySubscriptions();
  const ids = Array.from({ length: n }, (_, i) => `a:conv-${i}`);
  for (const id of ids) await subscriptions.put(subscription(id, fake.url));
  const sender = connectorSender();
  const worker = new DeliveryWorker({
    outbox,
    sender,
    subscriptions,
    clock,
    owner: 'it',
    logger,
    pacer: new Pacer({ marginMs: 200 }),
    pollMs: 200,
    leaseMs: 20_000,
  });
  return { outbox, subscriptions, ids, worker };
}

describe('When the worker sends through botbuilder to a (fake) Bot Connector', () => {
  it('delivers, retries 429/5xx, drops blocked users, and updates and deletes by activity id', async () => {
    const { outbox, subscriptions, ids, worker } = await setup(80);
    fake.fail('a:conv-1', { status: 429, retryAfter: '1' });
    fake.fail('a:conv-2', { status: 503 }, { status: 502 });
    fake.fail('a:conv-3', { status: 403, code: 'ConversationBlockedByUser' });
    fake.fail('a:conv-4', { status: 400, code: 'BadArgument' });
    fake.fail('a:conv-5', { delayMs: 800 }); // beyond the 300 ms timeout
    await outbox.enqueue(ids.map((id) => job('it-1', id)));
    worker.start();
    await worker.drain('it-1');

    const report = await outbox.report('it-1');
    expect(report).toMatchObject({ total: 80, sent: 78, failed: 1, removed: 1, pending: 0 });
    expect(report.reasons).toEqual({ '403 ConversationBlockedByUser': 1, '400 BadArgument': 1 });
    expect(await subscriptions.get('a:conv-3')).toBeUndefined();
    const attempts = async (id: string) =>
      (await outbox.jobsFor('it-1')).find((j) => j.conversationId === id)?.attempts;
    expect([await attempts('a:conv-1'), await attempts('a:conv-2')]).toEqual([2, 3]);
    const posts = (id: string) => fake.calls.filter((c) => c.conversationId === id && c.method === 'POST');
    expect(posts('a:conv-1').map((c) => c.status)).toEqual([429, 200]);
    expect(posts('a:conv-1')[1]!.at - posts('a:conv-1')[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(posts('a:conv-2').map((c) => c.status)).toEqual([503, 502, 200]);
    expect(posts('a:conv-5').length).toBe(2); // timed out once (the fake still took it), sent again
    expect(fake.delivered('it-1').size).toBe(78);
    expect(fake.duplicates('it-1')).toBe(1); // only the timed-out one
    // pacing keeps within Teams' limits; loopback jitter (ms = 20 Teams-ms here) may cost a rare extra 429
    expect(fake.calls.filter((c) => c.status === 429).length).toBeLessThanOrEqual(3);

    const sent = (await outbox.jobsFor('it-1')).filter((j) => j.state === 'sent');
    await outbox.enqueue(sent.map((j) => job('it-1', j.conversationId, 'update', j.activityId)));
    await outbox.enqueue(sent.map((j) => job('it-1', j.conversationId, 'delete', j.activityId)));
    worker.wake();
    await worker.drain('it-1');
    await worker.stop();
    for (const method of ['PUT', 'DELETE']) {
      const calls = fake.calls.filter((c) => c.method === method && c.broadcastId !== 'other');
      expect(new Set(calls.map((c) => `${c.conversationId}/${c.activityId}`))).toEqual(
        new Set(sent.map((j) => `${j.conversationId}/${j.activityId}`)),
      );
    }
    expect(await outbox.report('it-1', 'delete')).toMatchObject({ sent: 78, pending: 0 });
  });
});

describe('When the ConnectorSender gets an answer', () => {
  const date = new Date(Date.now() + 30_000).toUTCString();
  it.each([
    [{}, { kind: 'ok', activityId: expect.stringMatching(/^act-/) }],
    [
      { status: 429, retryAfter: '2' },
      { kind: 'throttled', retryAfterMs: 2000 },
    ],
    [
      { status: 429, retryAfter: date },
      { kind: 'throttled', retryAfterMs: expect.closeTo(30_000, -4) },
    ],
    [{ status: 503 }, { kind: 'transient', status: 503, reason: '503 Status503' }],
    [
      { status: 403, code: 'MessageWritesBlocked' },
      { kind: 'gone', status: 403, reason: '403 MessageWritesBlocked' },
    ],
    [
      { status: 404, code: 'ConversationNotFound' },
      { kind: 'gone', status: 404, reason: '404 ConversationNotFound' },
    ],
    [{ status: 500 }, { kind: 'failed', status: 500, reason: '500 Status500' }],
    [{ delayMs: 800 }, { kind: 'transient', reason: 'ETIMEDOUT' }],
  ])('%j → %j, after exactly one request (the SDK does not retry on its own)', async (fault, outcome) => {
    const id = `single-${JSON.stringify(fault)}`;
    fake.fail(id, fault);
    const result = await connectorSender().send(
      job('s-1', id),
      subscription(id, fake.url),
      new AbortController().signal,
    );
    expect(result).toEqual(outcome);
    expect(fake.calls.filter((c) => c.conversationId === id)).toHaveLength(1);
  });

  it('sends nothing for a recalled broadcast, nor an update without an activity id', async () => {
    const recalled = new ConnectorSender({
      adapter: createAdapter(loadConfig({})),
      botAppId: '',
      getBroadcast: async (id) => ({ ...broadcast(id), status: 'recalled' }),
      activityFor: () => ({ text: 'x' }),
    });
    const signal = new AbortController().signal;
    const before = fake.calls.length;
    expect(await recalled.send(job('r-1', 'x1'), subscription('x1', fake.url), signal)).toEqual({
      kind: 'failed',
      reason: 'recalled',
    });
    expect(await connectorSender().send(job('r-1', 'x1', 'update'), subscription('x1', fake.url), signal)).toEqual({
      kind: 'failed',
      reason: 'no activityId',
    });
    expect(fake.calls.length).toBe(before);
  });
});
