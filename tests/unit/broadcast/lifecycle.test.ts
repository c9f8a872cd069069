import { describe, expect, it } from 'vitest';
import { allowedIn, gateFor, scheduler, type LifecycleStep } from '../../../src/broadcast/broadcast-lifecycle';
import { MemoryOutbox } from '../../../src/broadcast/memory-outbox';
import type { Broadcast, BroadcastStatus } from '../../../src/broadcast/model';
import { progressCard } from '../../../src/broadcast/progress-card';
import { logger } from '../../../src/shared/logger';
import { TEXTS } from '../../../src/texts';
import { broadcast, MemorySubscriptions, subscription } from '../../broadcast/helpers';

const STATUSES: BroadcastStatus[] = [
  'awaiting-approval',
  'scheduled',
  'sending',
  'paused',
  'cancelled',
  'done',
  'recalled',
];
const empty = { total: 3, sent: 1, pending: 2, failed: 0, removed: 0, reasons: {} };

describe('What a coordinator can do with a news item in each state', () => {
  it.each<[LifecycleStep, BroadcastStatus[]]>([
    ['approve', ['awaiting-approval']],
    ['pause', ['sending']],
    ['resume', ['paused']],
    ['cancel', ['awaiting-approval', 'scheduled', 'sending', 'paused']],
    ['reschedule', ['awaiting-approval', 'scheduled']],
  ])('%s only from %j', (step, from) => {
    expect(STATUSES.filter((s) => allowedIn(s, step))).toEqual(from);
  });

  it.each<[BroadcastStatus, string]>([
    ['sending', 'go'],
    ['done', 'go'],
    ['paused', 'hold'],
    ['scheduled', 'hold'],
    ['awaiting-approval', 'hold'],
    ['cancelled', 'drop'],
  ])('the delivery gate for a %s item: %s', (status, verdict) => expect(gateFor(status)).toBe(verdict));

  it.each<[BroadcastStatus, string[]]>([
    ['awaiting-approval', ['reschedule', 'correct', 'cancel']],
    ['scheduled', ['reschedule', 'correct', 'cancel']],
    ['sending', ['pause', 'cancel', 'correct', 'recall']],
    ['paused', ['resume', 'cancel', 'correct', 'recall']],
    ['cancelled', ['correct', 'recall']],
    ['recalled', []],
  ])('the confirmation card of a %s item offers %j', (status, actions) => {
    const card = progressCard({ ...broadcast('b1'), status }, empty);
    expect((card.actions ?? []).map((a) => (a.data as { action: string }).action)).toEqual(actions);
  });
});

describe('The report of a cancelled item', () => {
  it('counts the sends a cancel stopped on their own line, not as removed subscriptions', () => {
    const report = { total: 10, sent: 4, pending: 0, failed: 0, removed: 6, reasons: { cancelled: 5, '403': 1 } };
    const facts = (
      progressCard({ ...broadcast('b1'), status: 'cancelled' }, report).body.find((e) => e.type === 'FactSet') as {
        facts: { title: string; value: string }[];
      }
    ).facts;
    expect(facts).toContainEqual({ title: TEXTS.news.factRemoved, value: '1' });
    expect(facts).toContainEqual({ title: TEXTS.news.factCancelled, value: '5' });
  });
});

/** A broadcast store over a map: enough for the scheduler (due, update). */
const memoryBroadcasts = (rows: Map<string, Broadcast>) => ({
  get: async (id: string) => rows.get(id),
  due: async (now: number) => [...rows.values()].filter((b) => b.status === 'scheduled' && (b.sendAt ?? 0) <= now),
  update: async (b: Broadcast) => void rows.set(b.id, b),
  create: async () => undefined,
  byAuthor: async () => [],
  newest: async () => [],
});

describe('The scheduler', () => {
  it('starts what is due, once, with the recipients of that moment, and leaves the rest', async () => {
    const rows = new Map<string, Broadcast>([
      ['due', { ...broadcast('due'), status: 'scheduled', sendAt: 1_000 }],
      ['later', { ...broadcast('later'), status: 'scheduled', sendAt: 9_000 }],
    ]);
    const broadcasts = memoryBroadcasts(rows);
    const subscriptions = new MemorySubscriptions();
    await subscriptions.put(subscription('c1'));
    const outbox = new MemoryOutbox();
    let time = 500;
    const started: string[] = [];
    const { tick } = scheduler({
      stores: { broadcasts, subscriptions, outbox },
      now: () => time,
      logger,
      started: (id) => started.push(id),
      everyMs: 100,
    });
    await tick();
    expect(started).toEqual([]);
    await subscriptions.put(subscription('c2')); // subscribed after planning, before the start
    time = 1_000;
    await tick();
    expect(started).toEqual(['due']);
    expect(rows.get('due')?.status).toBe('sending');
    expect((await outbox.jobsFor('due')).map((j) => j.conversationId).sort()).toEqual(['c1', 'c2']);
    time = 1_050; // within everyMs: no store round
    await tick();
    time = 2_000;
    await tick();
    expect(started).toEqual(['due']);
    expect(rows.get('later')?.status).toBe('scheduled');
  });

  it('runs one round at a time: a call while a long round queues gets that round, not a second one', async () => {
    let calls = 0;
    let release = () => undefined as void;
    const slow = new Promise<void>((r) => (release = r));
    const broadcasts = { ...memoryBroadcasts(new Map()), due: async () => (calls++, await slow, []) };
    const { tick, soon } = scheduler({
      stores: { broadcasts, subscriptions: new MemorySubscriptions(), outbox: new MemoryOutbox() },
      now: () => 1_000,
      logger,
      started: () => undefined,
    });
    const first = tick();
    soon();
    const second = tick();
    expect(second).toBe(first);
    release();
    await first;
    expect(calls).toBe(1);
  });

  it('"Senden" schedules for now and calls soon(): the next round runs at once, not after everyMs', async () => {
    const rows = new Map<string, Broadcast>();
    const broadcasts = memoryBroadcasts(rows);
    const subscriptions = new MemorySubscriptions();
    await subscriptions.put(subscription('c1'));
    const outbox = new MemoryOutbox();
    const started: string[] = [];
    const { tick, soon } = scheduler({
      stores: { broadcasts, subscriptions, outbox },
      now: () => 1_000,
      logger,
      started: (id) => started.push(id),
      everyMs: 60_000,
    });
    await tick(); // a round just ran: the next is a minute away
    rows.set('now', { ...broadcast('now'), status: 'scheduled', sendAt: 1_000 });
    await tick();
    expect(started).toEqual([]);
    soon();
    await tick();
    expect(started).toEqual(['now']);
    expect((await outbox.jobsFor('now')).map((j) => j.conversationId)).toEqual(['c1']);
  });
});
