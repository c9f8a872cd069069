import { ActivityTypes, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { logger } from '../../src/shared/logger';
import type { Metric, Recorder } from '../../src/statistics/recorder';
import { realCore } from '../support/bot-harness';

const USER = { id: 'aad-user-77', name: 'Frau Beispiel' };
const QUESTION = 'Wohin schicke ich die Versäumnisanzeige bei einer Hauptschule?';

function setUp() {
  const counted: [Metric, string][] = [];
  const recorder: Recorder = { count: (metric, key) => void counted.push([metric, key]) };
  const bot = buildApp({ ...realCore(), logger, recorder }, new MemoryStorage());
  const adapter = new TestAdapter((context) => bot.handleTurn(context), {
    channelId: 'msteams',
    conversation: { id: 'conv-fb', conversationType: 'personal', isGroup: false, name: '' },
  } as Partial<Activity>);
  const send = async (activity: Partial<Activity>) => {
    await adapter.receiveActivity({ from: USER, ...activity });
    return adapter.activeQueue.splice(0);
  };
  const invoke = (name: string, value: unknown, replyToId: string) =>
    send({ type: ActivityTypes.Invoke, name, value, replyToId });
  return { counted, send, invoke };
}

describe('feedback on every answer (Teams feedback buttons, custom form, fixed reasons)', () => {
  it('answers carry the custom feedback loop; a thumbs-down opens the form with the fixed reasons', async () => {
    const { send, invoke } = setUp();
    const [answer] = await send({ type: ActivityTypes.Message, text: QUESTION });
    expect(answer?.channelData).toEqual({ feedbackLoop: { type: 'custom' } });
    const [response] = await invoke(
      'message/fetchTask',
      { actionName: 'feedback', actionValue: { reaction: 'dislike' } },
      answer!.id!,
    );
    const body = response?.value as {
      status: number;
      body: { task: { type: string; value: { card: { content: unknown } } } };
    };
    expect(body.status).toBe(200);
    expect(body.body.task.type).toBe('continue');
    const form = JSON.stringify(body.body.task.value.card.content);
    for (const reason of ['stimmt nicht', 'veraltet', 'Frage nicht verstanden', 'zu lang', 'Kontakt fehlt'])
      expect(form).toContain(reason);
    expect(form).not.toContain('Input.Text');
  });

  it('counts the submitted reasons per entry – no user id, no question text', async () => {
    const { send, invoke, counted } = setUp();
    const [answer] = await send({ type: ActivityTypes.Message, text: QUESTION });
    counted.length = 0;
    const feedback = JSON.stringify({ reasons: 'veraltet,kontakt-fehlt,frei erfunden' });
    const [ack] = await invoke(
      'message/submitAction',
      { actionName: 'feedback', actionValue: { reaction: 'dislike', feedback } },
      answer!.id!,
    );
    expect(ack?.type).toBe('invokeResponse');
    expect(counted).toEqual([
      ['feedback', 'agency:schulaufsicht|dislike|veraltet'],
      ['feedback', 'agency:schulaufsicht|dislike|kontakt-fehlt'],
    ]);
    const keys = counted.map(([, key]) => key).join(' ');
    expect(keys).not.toMatch(/aad-user-77|Beispiel|Hauptschule|Versäumnisanzeige bei/);
  });

  it('a thumbs-up counts without reason; feedback on an unknown message counts as unknown entry', async () => {
    const { send, invoke, counted } = setUp();
    const [answer] = await send({ type: ActivityTypes.Message, text: QUESTION });
    counted.length = 0;
    await invoke(
      'message/submitAction',
      { actionName: 'feedback', actionValue: { reaction: 'like', feedback: '{}' } },
      answer!.id!,
    );
    await invoke(
      'message/submitAction',
      { actionName: 'feedback', actionValue: { reaction: 'dislike', feedback: 'kaputt' } },
      'nie-gesehen',
    );
    expect(counted).toEqual([
      ['feedback', 'agency:schulaufsicht|like|ohne-grund'],
      ['feedback', 'unbekannt|dislike|ohne-grund'],
    ]);
  });

  it('a contact card carries them too and is counted per agency', async () => {
    const { send, invoke, counted } = setUp();
    const [contact] = await send({ type: ActivityTypes.Message, text: 'Kontakt KUBDO' });
    expect(contact?.channelData).toEqual({ feedbackLoop: { type: 'custom' } });
    await invoke(
      'message/submitAction',
      { actionName: 'feedback', actionValue: { reaction: 'like', feedback: '{}' } },
      contact!.id!,
    );
    expect(counted).toContainEqual(['feedback', 'agency:kubdo|like|ohne-grund']);
  });

  it('malformed feedback is acknowledged and not counted', async () => {
    const { invoke, counted } = setUp();
    const [ack] = await invoke(
      'message/submitAction',
      { actionName: 'feedback', actionValue: { reaction: 'meh' } },
      'x',
    );
    expect(ack?.type).toBe('invokeResponse');
    expect(counted.filter(([m]) => m === 'feedback')).toEqual([]);
  });

  it('counts questions by route and by entry and kind', async () => {
    const { send, counted } = setUp();
    await send({ type: ActivityTypes.Message, text: QUESTION });
    await send({ type: ActivityTypes.Message, text: 'Wie hoch ist das Bußgeld fürs Falschparken vor der Schule?' });
    expect(counted).toEqual(
      expect.arrayContaining([
        ['question', 'answer'],
        ['entry', 'agency:schulaufsicht'],
        ['kind', 'agency'],
        ['question', 'out-of-scope'],
      ]),
    );
  });
});
