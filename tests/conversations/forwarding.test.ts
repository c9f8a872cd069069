import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActivityTypes, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { coordinatorPolicy } from '../../src/roles/coordinators';
import type { Messenger } from '../../src/forwarding/forwarding-service';
import { logger } from '../../src/shared/logger';
import { createSqliteStores } from '../../src/storage/sqlite/sqlite-stores';
import { TEXTS } from '../../src/texts';
import { cardText, realCore, submitData, type CardReply } from '../support/bot-harness';

const T = TEXTS.forwarding;
const TEACHER = { id: 'teams-user-1', name: 'Frau Lehrerin', aadObjectId: 'aad-teacher' };
const COORDINATOR = { id: 'teams-coord', name: 'Koordination', aadObjectId: 'aad-coordinator' };
const PERSONAL = { id: 'chat-teacher', conversationType: 'personal', isGroup: false, name: '' };
const CHANNEL = { id: '19:coordination@thread.tacv2', conversationType: 'channel', isGroup: true, name: '' };
const QUESTION = 'Gilt die Anhörung mit Vordruck 090 auch, wenn nur ein Tag nach den Ferien fehlt?';

function setUp() {
  const stores = createSqliteStores(mkdtempSync(join(tmpdir(), 'forwarding-')));
  const posted: { reference: Record<string, unknown>; text: string }[] = [];
  const updated: { activityId: string; text: string }[] = [];
  const notified: { reference: Record<string, unknown>; text: string }[] = [];
  const messenger: Messenger = {
    post: async (reference, card) => (posted.push({ reference, text: JSON.stringify(card) }), `card-${posted.length}`),
    update: async (_reference, activityId, card) => void updated.push({ activityId, text: JSON.stringify(card) }),
    notify: async (reference, text) => void notified.push({ reference, text }),
  };
  const broadcasting = { stores, policy: coordinatorPolicy(['aad-coordinator'], ''), wake: () => undefined };
  const bot = buildApp(
    { ...realCore(), logger, broadcasting, forwarding: { store: stores.questions, messenger } },
    new MemoryStorage(),
  );
  const adapter = new TestAdapter((context) => bot.handleTurn(context), { channelId: 'msteams' } as Partial<Activity>);
  const send = async (activity: Partial<Activity>): Promise<CardReply[]> => {
    await adapter.receiveActivity(activity);
    return adapter.activeQueue.splice(0).map((a) => ({ text: a.text, card: a.attachments?.[0]?.content }));
  };
  const teacher = (activity: Partial<Activity>) =>
    send({ from: TEACHER, conversation: PERSONAL as never, ...activity });
  const coordinator = (activity: Partial<Activity>) =>
    send({ from: COORDINATOR, conversation: CHANNEL as never, ...activity });
  const type = (text: string) => ({ type: ActivityTypes.Message, text });
  const press = (value: Record<string, unknown>, replyToId?: string) => ({
    type: ActivityTypes.Message,
    value,
    ...(replyToId ? { replyToId } : {}),
  });
  return { stores, posted, updated, notified, teacher, coordinator, type, press, send };
}

async function forwarded(h: ReturnType<typeof setUp>, replyToMe: boolean) {
  await h.coordinator(h.type('Fragen hier empfangen'));
  const [form] = await h.teacher(h.type('Frage an die Fachstelle'));
  expect(cardText(form)).toContain(T.noNames);
  const [preview] = await h.teacher(
    h.press({
      verb: 'forward',
      action: 'preview',
      text: QUESTION,
      schoolType: 'gymnasium',
      replyToMe: String(replyToMe),
    }),
  );
  const send = submitData(preview).find((d) => d.action === 'send')!;
  const [sent] = await h.teacher(h.press(send));
  return { preview, sent };
}

describe('"Frage an die Fachstelle"', () => {
  it('shows exactly what will be sent, and sends only after confirmation', async () => {
    const h = setUp();
    await h.coordinator(h.type('Fragen hier empfangen'));
    await h.teacher(h.type('Frage an die Fachstelle'));
    const [preview] = await h.teacher(
      h.press({ verb: 'forward', action: 'preview', text: QUESTION, schoolType: 'gymnasium', replyToMe: 'true' }),
    );
    expect(cardText(preview)).toContain(QUESTION);
    expect(cardText(preview)).toMatch(/Gymnasium[\s\S]*Frau Lehrerin/);
    expect(h.posted).toEqual([]);
    const [cancelled] = await h.teacher(h.press({ verb: 'forward', action: 'cancel' }));
    expect(cancelled?.text).toBe(T.cancelled);
    expect(h.posted).toEqual([]);
  });

  it('reaches the channel as a card; the answer updates it and goes to the teacher ("Antwort an mich")', async () => {
    const h = setUp();
    const { sent } = await forwarded(h, true);
    expect(sent?.text).toBe(`${T.sent} ${T.sentReply}`);
    expect(h.posted).toHaveLength(1);
    expect(h.posted[0]!.text).toContain(QUESTION);
    expect(h.posted[0]!.text).toMatch(/Gymnasium[\s\S]*Frau Lehrerin[\s\S]*/);
    const id = (JSON.parse(h.posted[0]!.text) as { actions: { card?: { actions: { data: { id: string } }[] } }[] })
      .actions[0]!.card!.actions[0]!.data.id;
    const [done] = await h.coordinator(
      h.press({ verb: 'forwarded', action: 'answer', id, answer: 'Ja, auch dann.' }, 'card-1'),
    );
    expect(done?.text).toBe(T.answeredSent);
    expect(h.updated.at(-1)).toMatchObject({ activityId: 'card-1' });
    expect(h.updated.at(-1)!.text).toMatch(/beantwortet[\s\S]*Ja, auch dann\./);
    expect(h.notified).toEqual([
      {
        reference: expect.objectContaining({ conversation: expect.objectContaining({ id: 'chat-teacher' }) }),
        text: T.answerToTeacher(QUESTION, 'Ja, auch dann.'),
      },
    ]);
    const [draft] = await h.coordinator(h.press({ verb: 'forwarded', action: 'suggest', id }, 'card-1'));
    expect(cardText(draft)).toMatch(/Entwurf[\s\S]*Ja, auch dann\.[\s\S]*false/);
    await h.coordinator(h.press({ verb: 'forwarded', action: 'close', id }, 'card-1'));
    expect(h.updated.at(-1)!.text).toContain('geschlossen');
    const [again] = await h.coordinator(h.press({ verb: 'forwarded', action: 'close', id }, 'card-1'));
    expect(again?.text).toBe(T.alreadyClosed);
    expect((await h.stores.questions.get(id))?.state).toBe('closed');
  });

  it('without "Antwort an mich" carries no sender: not on the card, not in the store', async () => {
    const h = setUp();
    const { sent } = await forwarded(h, false);
    expect(sent?.text).toBe(`${T.sent} ${T.sentAnonymous}`);
    expect(h.posted[0]!.text).not.toMatch(/Frau Lehrerin|teams-user-1|aad-teacher|chat-teacher/);
    const id = JSON.parse(h.posted[0]!.text).actions[0].card.actions[0].data.id as string;
    expect(JSON.stringify(await h.stores.questions.get(id))).not.toMatch(
      /Frau Lehrerin|teams-user-1|aad-teacher|chat-teacher/,
    );
    const [done] = await h.coordinator(h.press({ verb: 'forwarded', action: 'answer', id, answer: 'Ja.' }, 'card-1'));
    expect(done?.text).toBe(T.answered);
    expect(h.notified).toEqual([]);
  });

  it('only coordinators answer or set the channel, and only in a channel', async () => {
    const h = setUp();
    const [refused] = await h.send({
      from: TEACHER,
      conversation: CHANNEL as never,
      ...h.type('Fragen hier empfangen'),
    });
    expect(refused?.text).toBe(T.notCoordinator);
    const [notHere] = await h.send({
      from: COORDINATOR,
      conversation: PERSONAL as never,
      ...h.type('Fragen hier empfangen'),
    });
    expect(notHere?.text).toBe(T.receiveOnlyInChannel);
    await forwarded(h, true);
    const id = JSON.parse(h.posted[0]!.text).actions[0].card.actions[0].data.id as string;
    const [no] = await h.teacher(h.press({ verb: 'forwarded', action: 'answer', id, answer: 'Ich antworte selbst' }));
    expect(no?.text).toBe(T.notCoordinator);
    expect((await h.stores.questions.get(id))?.state).toBe('open');
  });

  it('with no channel configured, says whom to contact instead and stores nothing', async () => {
    const h = setUp();
    const [reply] = await h.teacher(h.press({ verb: 'forward', action: 'send', text: QUESTION, replyToMe: true }));
    expect(reply?.text).toMatch(/niemand Fragen[\s\S]*Fachstelle Schulabsentismus/);
    expect(h.posted).toEqual([]);
  });

  it('an unsure answer offers it, with the question filled in', async () => {
    const h = setUp();
    const [unsure] = await h.teacher(h.type('Was sagt ihr zu Zebrastreifen-Projekten?'));
    const offer = submitData(unsure).find((d) => d.verb === 'forward');
    expect(offer).toEqual({ verb: 'forward', action: 'form', text: 'Was sagt ihr zu Zebrastreifen-Projekten?' });
    const [form] = await h.teacher(h.press(offer!));
    expect(JSON.stringify(form?.card)).toContain('Was sagt ihr zu Zebrastreifen-Projekten?');
  });

  it('a thumbs-down offers it too', async () => {
    const h = setUp();
    const [answer] = await h.send({ from: TEACHER, conversation: PERSONAL as never, ...h.type('Kontakt KUBDO') });
    expect(answer).toBeDefined();
    const replies = await h.send({
      from: TEACHER,
      conversation: PERSONAL as never,
      type: ActivityTypes.Invoke,
      name: 'message/submitAction',
      value: { actionName: 'feedback', actionValue: { reaction: 'dislike', feedback: '{"reasons":"veraltet"}' } },
      replyToId: 'some-answer',
    });
    const offer = replies.flatMap((r) => submitData(r)).find((d) => d.verb === 'forward');
    expect(offer).toEqual({ verb: 'forward', action: 'form' });
  });

  it('an empty or overlong question comes back in the form with what to change, nothing typed lost', async () => {
    const h = setUp();
    const long = 'x'.repeat(1600);
    const [form] = await h.teacher(h.press({ verb: 'forward', action: 'preview', text: long, replyToMe: 'true' }));
    expect(cardText(form)).toContain(T.invalid);
    expect(JSON.stringify(form?.card)).toContain(long);
    expect(h.posted).toEqual([]);
  });

  it('a forged or malformed button gets a German message', async () => {
    const h = setUp();
    const [reply] = await h.teacher(h.press({ verb: 'forwarded', action: 'answer', id: 'not-a-uuid' }));
    expect(reply?.text).toBe(TEXTS.staleAction);
  });
});
