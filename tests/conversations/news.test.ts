import { describe, expect, it } from 'vitest';
import type { Subscription } from '../../src/broadcast/model';
import { newsCard } from '../../src/broadcast/news-cards';
import { TEXTS } from '../../src/texts';
import { botHarness, buttonData, cardText, cardTitle } from '../support/bot-harness';

const COORDINATOR = { id: 'coord', name: 'Koordination', aadObjectId: 'aad-coordinator' };
const TEACHER = { id: 'teacher', name: 'Lehrkraft', aadObjectId: 'aad-teacher' };
const sub = (
  id: string,
  topics: Subscription['topics'],
  schoolTypes: Subscription['audience']['schoolTypes'] = [],
): Subscription => ({
  conversationId: id,
  reference: { conversation: { id }, serviceUrl: 'http://127.0.0.1:1/' },
  conversationType: 'personal',
  topics,
  audience: { schoolTypes, districts: [] },
  createdAt: 1,
  updatedAt: 1,
});
const news = {
  title: 'Fortbildung am 3. März',
  text: 'Die Fachstelle lädt ein.',
  link: 'https://www.dortmund.de/schulabsentismus',
  topic: 'fortbildungen',
  schoolTypes: '',
  districts: '',
};

describe('Subscriptions', () => {
  it('stores the conversation on install and removes it on uninstall', async () => {
    const { say, stores } = botHarness();
    await say({ type: 'installationUpdate', action: 'add', recipient: { id: 'bot', name: 'Bot' } });
    expect((await stores.subscriptions.get('conv-1'))?.topics).toEqual([]);
    await say({ type: 'installationUpdate', action: 'remove', recipient: { id: 'bot', name: 'Bot' } });
    expect(await stores.subscriptions.get('conv-1')).toBeUndefined();
  });

  it('subscribes with topics and filters, shows them, and unsubscribes in one click', async () => {
    const { say, stores } = botHarness();
    const form = await say('Abonnieren');
    expect(cardTitle(form[0])).toBe(TEXTS.news.subscribeTitle);
    const saved = await say({
      type: 'message',
      value: {
        ...buttonData(form, TEXTS.news.save),
        topics: 'fortbildungen,netzwerk',
        schoolTypes: 'gymnasium',
        districts: 'hoerde',
      },
    });
    expect(saved[0]?.text).toMatch(/Fortbildungen, Netzwerk/);
    const stored = await stores.subscriptions.get('conv-1');
    expect(stored?.topics).toEqual(['fortbildungen', 'netzwerk']);
    expect(stored?.audience).toEqual({ schoolTypes: ['gymnasium'], districts: ['hoerde'] });
    expect(cardText((await say('Meine Abos'))[0])).toMatch(/Gymnasium[\s\S]*Hörde/);
    expect((await say({ type: 'message', value: { verb: 'unsubscribe' } }))[0]?.text).toBe(TEXTS.news.unsubscribed);
    expect((await stores.subscriptions.get('conv-1'))?.topics).toEqual([]);
  });

  it('asks for at least one topic and ignores unknown values', async () => {
    const { say } = botHarness();
    expect(
      (
        await say({
          type: 'message',
          value: { verb: 'subscribe', topics: 'katzenvideos', schoolTypes: '', districts: '' },
        })
      )[0]?.text,
    ).toBe(TEXTS.news.noTopics);
  });
});

describe('Broadcasting', () => {
  it('refuses everyone who is not a coordinator, for the command and for forged submits, and queues nothing', async () => {
    const { say, stores } = botHarness({ coordinators: ['aad-coordinator'] });
    expect((await say('Neuigkeit senden', TEACHER))[0]?.text).toBe(TEXTS.news.notCoordinator);
    for (const action of ['preview', 'send']) {
      expect((await say({ type: 'message', value: { verb: 'broadcast', action, ...news } }, TEACHER))[0]?.text).toBe(
        TEXTS.news.notCoordinator,
      );
    }
    expect(await stores.broadcasts.byAuthor('aad-teacher', 10)).toEqual([]);
  });

  it('composes, previews with the number of recipients, sends, and queues one job per matching subscriber', async () => {
    const h = botHarness({ coordinators: ['aad-coordinator'] });
    await h.stores.subscriptions.put(sub('a', ['fortbildungen']));
    await h.stores.subscriptions.put(sub('b', ['fortbildungen'], ['gymnasium']));
    await h.stores.subscriptions.put(sub('c', ['netzwerk']));
    expect(cardTitle((await h.say('Neuigkeit senden', COORDINATOR))[0])).toBe(TEXTS.news.composeTitle);
    const preview = await h.say(
      { type: 'message', value: { verb: 'broadcast', action: 'preview', ...news, schoolTypes: 'realschule' } },
      COORDINATOR,
    );
    expect(cardText(preview[0])).toContain(TEXTS.news.recipients(1));
    const preview2 = await h.say(
      { type: 'message', value: { verb: 'broadcast', action: 'preview', ...news } },
      COORDINATOR,
    );
    expect(cardText(preview2[0])).toContain(TEXTS.news.recipients(2));
    expect(cardText(preview2[0])).toContain(TEXTS.news.unsubscribe);
    const sent = await h.say({ type: 'message', value: buttonData(preview2, TEXTS.news.sendNow) }, COORDINATOR);
    expect(cardText(sent[0])).toMatch(/Empfänger[\s\S]*2/);
    // The turn only schedules for now; the sender's scheduler (run after the turn here) queues the jobs.
    expect(cardText(sent[0])).toContain(TEXTS.news.statusStarting);
    const [broadcast] = await h.stores.broadcasts.byAuthor('aad-coordinator', 10);
    expect(broadcast?.news.title).toBe(news.title);
    expect(broadcast?.status).toBe('sending');
    expect((await h.stores.outbox.jobsFor(broadcast!.id)).map((j) => j.conversationId).sort()).toEqual(['a', 'b']);
    expect(h.wakes()).toBe(1);
  });

  it('with BROADCAST_APPROVAL, a second coordinator finds the item under "Freigaben" and approves it; the author cannot', async () => {
    const h = botHarness({ coordinators: ['aad-coordinator', 'aad-second'], approval: true });
    const SECOND = { id: 'second', name: 'Zweite Koordinatorin', aadObjectId: 'aad-second' };
    await h.stores.subscriptions.put(sub('a', ['fortbildungen']));
    const preview = await h.say(
      { type: 'message', value: { verb: 'broadcast', action: 'preview', ...news } },
      COORDINATOR,
    );
    expect(cardText(preview[0])).toContain(TEXTS.news.approvalNote);
    const asked = await h.say(
      { type: 'message', value: buttonData(preview, TEXTS.news.submitForApproval) },
      COORDINATOR,
    );
    expect(asked.map((r) => r.text ?? cardText(r)).join()).toContain(TEXTS.news.approvalRequested);
    const [item] = await h.stores.broadcasts.byAuthor('aad-coordinator', 1);
    expect(item).toMatchObject({ status: 'awaiting-approval', author: { id: 'aad-coordinator' } });
    expect(await h.stores.outbox.jobsFor(item!.id)).toEqual([]);

    expect((await h.say('Freigaben', COORDINATOR))[0]?.text).toBe(TEXTS.news.noApprovals);
    const waiting = await h.say('Freigaben', SECOND);
    expect(waiting[0]?.text).toBe(TEXTS.news.approvalsTitle);
    expect(cardText(waiting[1])).toContain(news.title);
    expect(cardText(waiting[1])).toContain(TEXTS.news.writtenBy('aad-coordinator'));
    const own = await h.say(
      { type: 'message', value: { verb: 'broadcast', action: 'approve', id: item!.id } },
      COORDINATOR,
    );
    expect(own[0]?.text).toBe(TEXTS.news.ownApproval);
    const approved = await h.say({ type: 'message', value: buttonData(waiting.slice(1), TEXTS.news.approve) }, SECOND);
    expect(approved[0]?.text).toBe(TEXTS.news.approved(undefined));
    expect(await h.stores.broadcasts.get(item!.id)).toMatchObject({
      status: 'sending',
      approvedBy: { id: 'aad-second' },
    });
    expect((await h.stores.outbox.jobsFor(item!.id)).map((j) => j.conversationId)).toEqual(['a']);
    // Approved once: a second press is refused with the state.
    const again = await h.say(
      { type: 'message', value: { verb: 'broadcast', action: 'approve', id: item!.id } },
      SECOND,
    );
    expect(again[0]?.text).toBe(TEXTS.news.notNow(TEXTS.news.statusNames.sending!));
  });

  it('plans an item for later and refuses a time in the past or half a time', async () => {
    const h = botHarness({ coordinators: ['aad-coordinator'] });
    const preview = (sendDate: string, sendTime: string) =>
      h.say(
        { type: 'message', value: { verb: 'broadcast', action: 'preview', ...news, sendDate, sendTime } },
        COORDINATOR,
      );
    const refused = await preview('2020-01-01', '10:00');
    expect(refused[0]?.text).toBe(TEXTS.news.scheduleInvalid);
    // The form comes back with what was typed, the time included.
    expect(JSON.stringify(refused[1])).toContain('"value":"2020-01-01"');
    expect(JSON.stringify(refused[1])).toContain('"value":"10:00"');
    expect((await preview('2099-01-01', ''))[0]?.text).toBe(TEXTS.news.scheduleInvalid);
    const planned = await preview('2099-03-29', '10:00');
    expect(cardText(planned[0])).toContain(TEXTS.news.scheduledFor('So, 29.03.2099, 10:00 Uhr'));
    // "Bearbeiten" keeps the planned time in the form.
    const editing = await h.say({ type: 'message', value: buttonData(planned, TEXTS.news.edit) }, COORDINATOR);
    expect(JSON.stringify(editing[0])).toContain('"value":"2099-03-29"');
    const sent = await h.say({ type: 'message', value: buttonData(planned, TEXTS.news.schedule) }, COORDINATOR);
    expect(sent.map((r) => r.text ?? cardText(r)).join()).toContain('Geplant');
    const [item] = await h.stores.broadcasts.byAuthor('aad-coordinator', 1);
    expect(item).toMatchObject({ status: 'scheduled', sendAt: Date.UTC(2099, 2, 29, 8, 0) });
    expect(await h.stores.outbox.jobsFor(item!.id)).toEqual([]);
    expect(h.wakes()).toBe(0);
  });

  it('asks for "Zur Kenntnis genommen" when the coordinator ticks it, and records one confirmation per chat', async () => {
    const h = botHarness({ coordinators: ['aad-coordinator'] });
    await h.stores.subscriptions.put(sub('a', ['fortbildungen']));
    const preview = await h.say(
      { type: 'message', value: { verb: 'broadcast', action: 'preview', ...news, acknowledge: 'true' } },
      COORDINATOR,
    );
    await h.say({ type: 'message', value: buttonData(preview, TEXTS.news.sendNow) }, COORDINATOR);
    const [broadcast] = await h.stores.broadcasts.byAuthor('aad-coordinator', 10);
    expect(broadcast?.news.acknowledge).toBe(true);
    const delivered = { card: newsCard(broadcast!.news, broadcast!.version, broadcast!.id) };
    const ack = buttonData([delivered], TEXTS.news.acknowledge);
    expect(ack).toEqual({ verb: 'news-ack', id: broadcast!.id });
    expect((await h.say({ type: 'message', value: ack }, TEACHER))[0]?.text).toBe(TEXTS.news.acknowledged);
    expect((await h.say({ type: 'message', value: ack }, TEACHER))[0]?.text).toBe(TEXTS.news.acknowledgedBefore);
    expect([...(await h.stores.acknowledgements.of(broadcast!.id)).keys()]).toEqual(['conv-1']);
  });

  it('offers no confirmation without the tick and refuses a forged one', async () => {
    const h = botHarness({ coordinators: ['aad-coordinator'] });
    await h.stores.subscriptions.put(sub('a', ['fortbildungen']));
    const preview = await h.say(
      { type: 'message', value: { verb: 'broadcast', action: 'preview', ...news } },
      COORDINATOR,
    );
    await h.say({ type: 'message', value: buttonData(preview, TEXTS.news.sendNow) }, COORDINATOR);
    const [broadcast] = await h.stores.broadcasts.byAuthor('aad-coordinator', 10);
    expect(cardText({ card: newsCard(broadcast!.news, 1, broadcast!.id) })).not.toContain(TEXTS.news.acknowledge);
    const forged = { verb: 'news-ack', id: broadcast!.id };
    expect((await h.say({ type: 'message', value: forged }, TEACHER))[0]?.text).toBe(TEXTS.news.unknownBroadcast);
    expect((await h.stores.acknowledgements.of(broadcast!.id)).size).toBe(0);
  });

  it('keeps a coordinator limited to some topics out of the others', async () => {
    const { say } = botHarness({ coordinators: ['aad-coordinator'], topicLimits: 'aad-coordinator=netzwerk' });
    expect(
      (await say({ type: 'message', value: { verb: 'broadcast', action: 'preview', ...news } }, COORDINATOR))[0]?.text,
    ).toBe(TEXTS.news.topicNotAllowed);
  });

  it('rejects a link that is not http(s)', async () => {
    const { say } = botHarness({ coordinators: ['aad-coordinator'] });
    const replies = await say(
      { type: 'message', value: { verb: 'broadcast', action: 'preview', ...news, link: 'javascript:alert(1)' } },
      COORDINATOR,
    );
    expect(replies[0]?.text).toMatch(/Link \(muss mit https:\/\/ beginnen\)/);
    expect(cardTitle(replies[1])).toBe(TEXTS.news.composeTitle);
    expect(JSON.stringify(replies[1]?.card)).toContain(news.title); // nothing typed is lost
  });

  /** One news item sent to one subscriber and delivered there (activity act-1). */
  async function sentToOne() {
    const h = botHarness({ coordinators: ['aad-coordinator'] });
    await h.stores.subscriptions.put(sub('a', ['fortbildungen']));
    await h.say({ type: 'message', value: { verb: 'broadcast', action: 'preview', ...news } }, COORDINATOR);
    await h.say({ type: 'message', value: { verb: 'broadcast', action: 'send' } }, COORDINATOR);
    const [b] = await h.stores.broadcasts.byAuthor('aad-coordinator', 1);
    const [job] = await h.stores.outbox.claim(Date.now() + 1, 10, 60_000, 'test');
    await h.stores.outbox.finish({ ...job!, state: 'sent', activityId: 'act-1' }, 'test');
    return { h, b };
  }

  it.each(['pause', 'cancel'])('refuses "%s" from an old card once the news has reached everyone', async (action) => {
    const { h, b } = await sentToOne();
    const replies = await h.say({ type: 'message', value: { verb: 'broadcast', action, id: b!.id } }, COORDINATOR);
    expect(replies.map((r) => r.text)).toContain(TEXTS.news.alreadyDelivered);
    expect((await h.stores.broadcasts.get(b!.id))?.status).toBe('sending');
  });

  it('corrects and recalls what was delivered', async () => {
    const { h, b } = await sentToOne();

    const form = await h.say(
      { type: 'message', value: { verb: 'broadcast', action: 'correct', id: b!.id } },
      COORDINATOR,
    );
    expect(cardTitle(form[0])).toBe(TEXTS.news.correctTitle);
    await h.say(
      { type: 'message', value: { ...buttonData(form, TEXTS.news.preview), ...news, title: 'Fortbildung am 4. März' } },
      COORDINATOR,
    );
    await h.say({ type: 'message', value: { verb: 'broadcast', action: 'send' } }, COORDINATOR);
    expect((await h.stores.broadcasts.get(b!.id))?.version).toBe(2);
    expect((await h.stores.outbox.jobsFor(b!.id)).find((j) => j.action === 'update')?.activityId).toBe('act-1');

    const confirm = await h.say(
      { type: 'message', value: { verb: 'broadcast', action: 'recall', id: b!.id } },
      COORDINATOR,
    );
    await h.say({ type: 'message', value: buttonData(confirm, TEXTS.news.recallConfirm) }, COORDINATOR);
    expect((await h.stores.broadcasts.get(b!.id))?.status).toBe('recalled');
    expect((await h.stores.outbox.jobsFor(b!.id)).some((j) => j.action === 'delete' && j.activityId === 'act-1')).toBe(
      true,
    );
  });

  describe("a coordinator limited to some topics and another coordinator's news", () => {
    const LIMITED = { id: 'limited', name: 'Netzwerk', aadObjectId: 'aad-limited' };
    const setup = async () => {
      const h = botHarness({
        coordinators: ['aad-coordinator', 'aad-limited'],
        topicLimits: 'aad-limited=netzwerk',
      });
      await h.stores.subscriptions.put(sub('a', ['fortbildungen']));
      await h.say({ type: 'message', value: { verb: 'broadcast', action: 'preview', ...news } }, COORDINATOR);
      await h.say({ type: 'message', value: { verb: 'broadcast', action: 'send' } }, COORDINATOR);
      const [b] = await h.stores.broadcasts.byAuthor('aad-coordinator', 1);
      return { h, b: b! };
    };

    it('cannot rewrite it by previewing a correction under an allowed topic, nor send it', async () => {
      const { h, b } = await setup();
      const preview = await h.say(
        {
          type: 'message',
          value: {
            verb: 'broadcast',
            action: 'preview',
            ...news,
            topic: 'netzwerk',
            title: 'Umgeschrieben',
            correcting: b.id,
          },
        },
        LIMITED,
      );
      expect(preview[0]?.text).toBe(TEXTS.news.topicNotAllowed);
      await h.say({ type: 'message', value: { verb: 'broadcast', action: 'send' } }, LIMITED);
      const after = await h.stores.broadcasts.get(b.id);
      expect(after?.version).toBe(1);
      expect(after?.news.title).toBe(news.title);
      expect((await h.stores.outbox.jobsFor(b.id)).some((j) => j.action === 'update')).toBe(false);
    });

    it('cannot see its title through "recall", nor recall it', async () => {
      const { h, b } = await setup();
      const recall = await h.say(
        { type: 'message', value: { verb: 'broadcast', action: 'recall', id: b.id } },
        LIMITED,
      );
      expect(recall[0]?.text).toBe(TEXTS.news.topicNotAllowed);
      expect(JSON.stringify(recall)).not.toContain(news.title);
      const confirm = await h.say(
        { type: 'message', value: { verb: 'broadcast', action: 'recall-confirm', id: b.id } },
        LIMITED,
      );
      expect(confirm[0]?.text).toBe(TEXTS.news.topicNotAllowed);
      expect((await h.stores.broadcasts.get(b.id))?.status).not.toBe('recalled');
      expect((await h.stores.outbox.jobsFor(b.id)).some((j) => j.action === 'delete')).toBe(false);
    });

    it('a correction keeps the original topic even when the form names another', async () => {
      const { h, b } = await setup();
      await h.say(
        {
          type: 'message',
          value: { verb: 'broadcast', action: 'preview', ...news, topic: 'netzwerk', title: 'Neu', correcting: b.id },
        },
        COORDINATOR,
      );
      await h.say({ type: 'message', value: { verb: 'broadcast', action: 'send' } }, COORDINATOR);
      const after = await h.stores.broadcasts.get(b.id);
      expect(after?.news).toMatchObject({ title: 'Neu', topic: 'fortbildungen' });
    });
  });
});
