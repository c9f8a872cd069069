import { describe, expect, it } from 'vitest';
import { CardPayload } from '../../../src/cards/actions';
import { answerCard } from '../../../src/cards/answer-card';
import { entryCard } from '../../../src/cards/entry-card';
import { categoriesCard } from '../../../src/contacts/directory-cards';
import { recallConfirmCard } from '../../../src/broadcast/news-cards';
import { subscribeCard } from '../../../src/broadcast/subscription-cards';
import { realCore } from '../../support/bot-harness';

const { knowledge, engine } = realCore();

/** Every Action.Submit's data in a card (nested containers and action sets included). */
function submits(node: unknown): unknown[] {
  if (Array.isArray(node)) return node.flatMap(submits);
  if (typeof node !== 'object' || node === null) return [];
  const own = (node as { type?: string }).type === 'Action.Submit' ? [(node as { data: unknown }).data] : [];
  return [...own, ...Object.values(node).flatMap(submits)];
}

describe('one card-action vocabulary', () => {
  const cards = [
    ...['Wohin schicke ich die Versäumnisanzeige?', 'Kontakt KUBDO', 'Er hat Striemen am Rücken.', 'xyzzy'].map((q) =>
      answerCard(engine.ask(q), knowledge),
    ),
    ...knowledge.entries.map((e) => entryCard(e, knowledge)),
    categoriesCard(knowledge),
    subscribeCard(),
    recallConfirmCard({
      id: '00000000-0000-4000-8000-000000000000',
      authorId: 'a',
      news: { title: 't', text: 'x', topic: 'fortbildungen', audience: { schoolTypes: [], districts: [] } },
      version: 1,
      status: 'done',
      createdAt: 0,
      updatedAt: 0,
    } as never),
  ];

  it('every button any card builds is a member of the union', () => {
    const payloads = cards.flatMap(submits);
    expect(payloads.length).toBeGreaterThan(50);
    for (const p of payloads) expect(CardPayload.safeParse(p).success, JSON.stringify(p)).toBe(true);
  });

  it.each([
    [{ verb: 'show', ref: 'step:does-not-exist!' }],
    [{ verb: 'guide', action: 'jump' }],
    [{ verb: 'broadcast', action: 'recall', id: 'not-a-uuid' }],
    [{ verb: 'privacy', action: 'forget-everyone' }],
    [{ verb: 'unknown' }],
  ])('a forged or stale payload is no member: %j', (payload) => {
    expect(CardPayload.safeParse(payload).success).toBe(false);
  });
});
