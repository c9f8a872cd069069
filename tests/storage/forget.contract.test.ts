import { describe, expect, it } from 'vitest';
import type { Stores } from '../../src/storage/stores';
import { backends, useBackend } from './backends';
import { memberStateKey } from '../../src/turn/state-keys';
import { CHANNEL, PERSONAL, USER, broadcast, job, stateKey, subscription } from './fixtures';

const OTHER_USER = '29:1other';
const channelThread = `${CHANNEL};messageid=1700000000000`;

const member = (conversationId: string, userId: string) =>
  memberStateKey(stateKey.conversation(conversationId), userId);

/** Conversations with state (old-shape slots and members' own items), subscriptions and jobs; the user talks in two. */
async function seed(stores: Stores): Promise<void> {
  const slot = { lastRef: 'entry:1', updatedAt: 1 };
  await stores.state.write({
    [stateKey.conversation(PERSONAL)]: { users: { [USER]: slot } },
    [stateKey.conversation(channelThread)]: { users: { [USER]: slot, [OTHER_USER]: slot }, welcomedAt: 1 },
    [stateKey.conversation(`${CHANNEL}x`)]: { users: { [OTHER_USER]: slot } },
    [stateKey.user(USER)]: { seen: true },
    [stateKey.user(OTHER_USER)]: { seen: true },
    [member(PERSONAL, USER)]: { ...slot, updatedAt: Date.now() },
    [member(channelThread, OTHER_USER)]: { ...slot, updatedAt: Date.now() },
  });
  await stores.subscriptions.put(subscription(PERSONAL));
  await stores.subscriptions.put(subscription(CHANNEL));
  await stores.broadcasts.create(broadcast('b-1'));
  await stores.outbox.enqueue([
    job('b-1', CHANNEL),
    job('b-1', CHANNEL, { action: 'delete', state: 'sent', activityId: 'x' }),
    job('b-1', PERSONAL),
  ]);
}

const allKeys = [
  stateKey.conversation(PERSONAL),
  stateKey.conversation(channelThread),
  stateKey.conversation(`${CHANNEL}x`),
  stateKey.user(USER),
  stateKey.user(OTHER_USER),
  member(PERSONAL, USER),
  member(channelThread, OTHER_USER),
];

describe.each(backends())('$name: forget and durability', (backend) => {
  const { fresh } = useBackend(backend);

  it('forgets a conversation: its state (all threads), subscription and pending jobs', async () => {
    const stores = await fresh()();
    await seed(stores);
    expect(await stores.forget({ conversationId: CHANNEL })).toBe(4);
    const left = Object.keys(await stores.state.read(allKeys));
    expect(left).not.toContain(stateKey.conversation(channelThread));
    expect(left).not.toContain(member(channelThread, OTHER_USER));
    expect(left).toHaveLength(5);
    expect(await stores.subscriptions.get(CHANNEL)).toBeUndefined();
    expect(await stores.subscriptions.get(PERSONAL)).toBeDefined();
    const jobs = await stores.outbox.jobsFor('b-1');
    expect(jobs.map((j) => `${j.conversationId} ${j.state}`).sort()).toEqual([
      `${CHANNEL} sent`,
      `${PERSONAL} pending`,
    ]);
    expect((await stores.outbox.claim(Date.now(), 10, 30_000, 'w')).map((j) => j.conversationId)).toEqual([PERSONAL]);
  });

  it("forgets a user: the user's state, own items and old-shape slots in conversation state", async () => {
    const stores = await fresh()();
    await seed(stores);
    expect(await stores.forget({ userId: USER })).toBe(4);
    const state = await stores.state.read(allKeys);
    expect(state[stateKey.user(USER)]).toBeUndefined();
    expect(state[member(PERSONAL, USER)]).toBeUndefined();
    expect(state[member(channelThread, OTHER_USER)]).toBeDefined();
    expect(state[stateKey.user(OTHER_USER)]).toBeDefined();
    expect(state[stateKey.conversation(PERSONAL)].users).toEqual({});
    expect(Object.keys(state[stateKey.conversation(channelThread)].users)).toEqual([OTHER_USER]);
    expect(state[stateKey.conversation(channelThread)].welcomedAt).toBe(1);
    expect(await stores.forget({ userId: USER })).toBe(0);
  });

  it('forgets both at once and counts each record once', async () => {
    const stores = await fresh()();
    await seed(stores);
    expect(await stores.forget({ conversationId: PERSONAL, userId: USER })).toBe(4 + 2);
    expect(await stores.forget({})).toBe(0);
  });

  it("expires only users' own items written before the cut-off", async () => {
    const stores = await fresh()();
    await seed(stores);
    expect(await stores.expireUserSlots(Date.now() - 60_000)).toBe(0);
    expect(await stores.expireUserSlots(Date.now() + 60_000)).toBe(2);
    const left = Object.keys(await stores.state.read(allKeys));
    expect(left).toHaveLength(5);
    expect(left.some((key) => key.includes('/users/') && key.includes('/conversations/'))).toBe(false);
  });

  it('keeps everything for the next instance after closing', async () => {
    const open = fresh();
    const first = await open();
    await seed(first);
    await first.close();
    const second = await open();
    expect(Object.keys(await second.state.read(allKeys))).toHaveLength(7);
    expect(await second.subscriptions.count()).toBe(2);
    expect(await second.broadcasts.get('b-1')).toEqual(broadcast('b-1'));
    expect(await second.outbox.report('b-1')).toMatchObject({ total: 3, pending: 2, sent: 1 });
    expect(await second.outbox.claim(Date.now(), 10, 30_000, 'w')).toHaveLength(2);
  });
});
