import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../src/shared/conflict';
import { backends, useBackend } from './backends';
import { audience, broadcast, subscription } from './fixtures';

const ids = (subs: { conversationId: string }[]) => subs.map((s) => s.conversationId).sort();

describe.each(backends())('$name: subscriptions', (backend) => {
  const { fresh } = useBackend(backend);

  it('puts, gets, replaces keeping createdAt, counts and removes', async () => {
    const { subscriptions } = await fresh()();
    const first = subscription('19:chan@thread.tacv2', ['fortbildungen'], {}, 1000);
    await subscriptions.put(first);
    expect(await subscriptions.get(first.conversationId)).toEqual(first);
    await subscriptions.put({ ...first, topics: ['netzwerk'], createdAt: 5000, updatedAt: 5000 });
    expect(await subscriptions.get(first.conversationId)).toEqual({ ...first, topics: ['netzwerk'], updatedAt: 5000 });
    expect(await subscriptions.count()).toBe(1);
    expect(await subscriptions.remove(first.conversationId)).toBe(true);
    expect(await subscriptions.remove(first.conversationId)).toBe(false);
    expect(await subscriptions.get(first.conversationId)).toBeUndefined();
    expect(await subscriptions.count()).toBe(0);
  });

  it('matches by topic and overlapping audience (empty = all)', async () => {
    const { subscriptions } = await fresh()();
    await Promise.all([
      subscriptions.put(subscription('all', ['fortbildungen'])),
      subscriptions.put(subscription('gym', ['fortbildungen', 'netzwerk'], { schoolTypes: ['gymnasium'] })),
      subscriptions.put(
        subscription('gs-eving', ['fortbildungen'], { schoolTypes: ['grundschule'], districts: ['eving'] }),
      ),
      subscriptions.put(subscription('other-topic', ['angebote'])),
      subscriptions.put(subscription('nothing-yet', [])),
    ]);
    expect(ids(await subscriptions.matching('fortbildungen', audience()))).toEqual(['all', 'gs-eving', 'gym']);
    expect(ids(await subscriptions.matching('fortbildungen', audience({ schoolTypes: ['gymnasium'] })))).toEqual([
      'all',
      'gym',
    ]);
    expect(
      ids(
        await subscriptions.matching(
          'fortbildungen',
          audience({ schoolTypes: ['grundschule'], districts: ['hoerde'] }),
        ),
      ),
    ).toEqual(['all']);
    expect(ids(await subscriptions.matching('netzwerk', audience({ districts: ['eving'] })))).toEqual(['gym']);
    expect(await subscriptions.matching('verfahren', audience())).toEqual([]);
    expect(await subscriptions.count()).toBe(5);
  });
});

describe.each(backends())('$name: broadcasts', (backend) => {
  const { fresh } = useBackend(backend);

  it('creates once, reads, and updates only from the expected version', async () => {
    const open = fresh();
    const [a, b] = [(await open()).broadcasts, (await open()).broadcasts];
    const v1 = broadcast('b-1');
    await a.create(v1);
    await expect(b.create(v1)).rejects.toBeInstanceOf(ConflictError);
    expect(await b.get('b-1')).toEqual(v1);
    expect(await b.get('missing')).toBeUndefined();

    const v2 = { ...v1, version: 2, news: { ...v1.news, title: 'Korrigiert' } };
    const recalled = { ...v1, version: 2, status: 'recalled' as const };
    const results = await Promise.allSettled([a.update(v2, v1), b.update(recalled, v1)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(ConflictError);
    const stored = await a.get('b-1');
    expect(stored).toMatchObject({ version: 2, revision: 1 });
    await expect(a.update({ ...v2, version: 3 }, v1)).rejects.toBeInstanceOf(ConflictError);
    // A status change keeps the version; the revision still tells a stale writer apart.
    await a.update({ ...stored!, status: 'paused' }, stored!);
    await expect(b.update({ ...stored!, status: 'cancelled' }, stored!)).rejects.toBeInstanceOf(ConflictError);
    expect(await a.get('b-1')).toMatchObject({ status: 'paused', revision: 2 });
    await expect(a.update(broadcast('missing'), broadcast('missing'))).rejects.toThrow(/missing does not exist/);
  });

  it("lists an author's newest broadcasts first", async () => {
    const { broadcasts } = await fresh()();
    await broadcasts.create(broadcast('old', 'author-1', 1000));
    await broadcasts.create(broadcast('new', 'author-1', 3000));
    await broadcasts.create(broadcast('mid', 'author-1', 2000));
    await broadcasts.create(broadcast('foreign', 'author-2', 4000));
    expect((await broadcasts.byAuthor('author-1', 2)).map((b) => b.id)).toEqual(['new', 'mid']);
    expect((await broadcasts.byAuthor('author-2', 10)).map((b) => b.id)).toEqual(['foreign']);
    expect(await broadcasts.byAuthor('nobody', 10)).toEqual([]);
    expect((await broadcasts.newest(3)).map((b) => b.id)).toEqual(['foreign', 'new', 'mid']);
  });

  it('finds the scheduled broadcasts whose time has come, and only those', async () => {
    const { broadcasts } = await fresh()();
    await broadcasts.create({ ...broadcast('due'), status: 'scheduled', sendAt: 5_000 });
    await broadcasts.create({ ...broadcast('later'), status: 'scheduled', sendAt: 9_000 });
    await broadcasts.create({ ...broadcast('waiting'), status: 'awaiting-approval', sendAt: 1_000 });
    await broadcasts.create(broadcast('sending'));
    expect((await broadcasts.due(4_999)).map((b) => b.id)).toEqual([]);
    expect((await broadcasts.due(5_000)).map((b) => b.id)).toEqual(['due']);
    const due = (await broadcasts.get('due'))!;
    await broadcasts.update({ ...due, status: 'sending' }, due);
    expect((await broadcasts.due(10_000)).map((b) => b.id)).toEqual(['later']);
  });

  it('records one "Zur Kenntnis genommen" per broadcast and conversation, a second click changing nothing', async () => {
    const { acknowledgements } = await fresh()();
    expect(await acknowledgements.add('b-1', 'conv/a:1', 1000)).toBe(true);
    expect(await acknowledgements.add('b-1', 'conv/a:1', 2000)).toBe(false);
    expect(await acknowledgements.add('b-1', 'conv-b', 3000)).toBe(true);
    expect(await acknowledgements.add('b-2', 'conv/a:1', 4000)).toBe(true);
    expect(await acknowledgements.of('b-1')).toEqual(
      new Map([
        ['conv/a:1', 1000],
        ['conv-b', 3000],
      ]),
    );
    expect((await acknowledgements.of('nope')).size).toBe(0);
  });
});

describe.each(backends())('$name: reference scrub', (backend) => {
  const { fresh } = useBackend(backend);
  const full = {
    channelId: 'msteams',
    serviceUrl: 'https://smba.example/emea/',
    user: { id: '29:u', name: 'Erika Mustermann', aadObjectId: 'aad-erika' },
    bot: { id: '28:bot', name: 'Bot' },
    conversation: { id: 'c-1', name: 'Förderplan Kevin', tenantId: 't1', conversationType: 'groupChat' },
    locale: 'de-DE',
  };
  const minimal = {
    channelId: 'msteams',
    serviceUrl: 'https://smba.example/emea/',
    bot: { id: '28:bot' },
    conversation: { id: 'c-1', tenantId: 't1', conversationType: 'groupChat' },
  };

  it('reduces stored subscriptions and confirmations to the proactive minimum, once, keeping the filters', async () => {
    const stores = await fresh()();
    await stores.subscriptions.put({ ...subscription('c-1', ['netzwerk']), reference: full });
    await stores.broadcasts.create({ ...broadcast('b-1'), confirmation: { reference: full, activityId: 'a-1' } });
    await stores.broadcasts.create(broadcast('b-2'));
    expect(await stores.scrubReferences()).toBe(2);
    expect((await stores.subscriptions.get('c-1'))?.reference).toEqual(minimal);
    expect((await stores.broadcasts.get('b-1'))?.confirmation).toEqual({ reference: minimal, activityId: 'a-1' });
    expect(await stores.scrubReferences()).toBe(0);
    expect((await stores.subscriptions.matching('netzwerk', audience())).map((s) => s.conversationId)).toEqual(['c-1']);
    expect((await stores.broadcasts.byAuthor('author-1', 5)).map((b) => b.id).sort()).toEqual(['b-1', 'b-2']);
  });
});
