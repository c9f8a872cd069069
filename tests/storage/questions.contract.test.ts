import { describe, expect, it } from 'vitest';
import type { ForwardedQuestion } from '../../src/forwarding/model';
import { backends, useBackend } from './backends';

const question = (id: string, createdAt: number, replyTo?: ForwardedQuestion['replyTo']): ForwardedQuestion => ({
  id,
  text: 'Gilt die Anhörung auch für die Ferienverlängerung?',
  topic: 'verfahren',
  state: 'open',
  createdAt,
  ...(replyTo ? { replyTo } : {}),
});
const reply = (userId: string, conversationId: string) => ({
  name: 'Frau Beispiel',
  userId,
  conversationId,
  reference: { conversation: { id: conversationId } },
});

describe.each(backends())('$name: forwarded questions', (backend) => {
  const { fresh } = useBackend(backend);

  it('puts, replaces and gets a question', async () => {
    const { questions } = await fresh()();
    await questions.put(question('q1', 1000));
    await questions.put({ ...question('q1', 1000), state: 'answered', answer: 'Ja.', answeredAt: 2000 });
    expect(await questions.get('q1')).toMatchObject({ state: 'answered', answer: 'Ja.' });
    expect(await questions.get('nope')).toBeUndefined();
  });

  it('lists the newest questions first', async () => {
    const { questions } = await fresh()();
    await questions.put(question('mid', 2_000));
    await questions.put(question('new', 3_000));
    await questions.put(question('old', 1_000));
    expect((await questions.newest(2)).map((q) => q.id)).toEqual(['new', 'mid']);
    expect(await questions.newest(0)).toEqual([]);
  });

  it('deletes questions older than the retention, and those of a user or conversation on request', async () => {
    const { questions } = await fresh()();
    await questions.put(question('old', 1_000));
    await questions.put(question('anonymous', 5_000));
    await questions.put(question('mine', 5_000, reply('user-1', 'conv-1')));
    await questions.put(question('other', 5_000, reply('user-2', 'conv-2')));
    expect(await questions.deleteBefore(2_000)).toBe(1);
    expect(await questions.forget({ userId: 'user-1' })).toBe(1);
    expect(await questions.forget({ conversationId: 'conv-2' })).toBe(1);
    expect(await questions.forget({})).toBe(0);
    expect(await questions.get('anonymous')).toBeDefined();
    for (const id of ['old', 'mine', 'other']) expect(await questions.get(id)).toBeUndefined();
  });

  it('finds the channel of a topic, else the channel for all topics', async () => {
    const { questions } = await fresh()();
    expect(await questions.channelFor('recht')).toBeUndefined();
    await questions.setChannel({ topic: '*', conversationId: 'c-all', reference: {}, setAt: 1 });
    await questions.setChannel({ topic: 'recht', conversationId: 'c-recht', reference: {}, setAt: 2 });
    expect((await questions.channelFor('recht'))?.conversationId).toBe('c-recht');
    expect((await questions.channelFor('stellen'))?.conversationId).toBe('c-all');
  });

  it('"forget" of the whole store removes a user\'s forwarded questions too', async () => {
    const stores = await fresh()();
    await stores.questions.put(question('mine', 5_000, reply('user-9', 'conv-9')));
    await stores.forget({ userId: 'user-9' });
    expect(await stores.questions.get('mine')).toBeUndefined();
  });
});
