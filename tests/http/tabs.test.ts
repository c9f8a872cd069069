import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pendingJob } from '../../src/broadcast/outbox-orders';
import { startBot, type RunningBot } from '../../src/composition';
import { loadConfig } from '../../src/config';
import { logger } from '../../src/shared/logger';
import { TEXTS } from '../../src/texts';
import { realCore } from '../support/bot-harness';
import { startOpenIdServer } from '../support/openid-server';

const BOT_ID = '11111111-2222-3333-4444-555555555555';
const TENANT = '99999999-8888-7777-6666-555555555555';
const COORDINATOR = 'aaaaaaaa-0000-0000-0000-000000000001';
const TEACHER = 'bbbbbbbb-0000-0000-0000-000000000002';
const LIMITED = 'cccccccc-0000-0000-0000-000000000003';
const DOMAIN = 'bot.example.org';
const QUESTION_ID = '0f0f0f0f-1111-2222-3333-444444444444';
const BROADCAST_ID = '1a1a1a1a-1111-2222-3333-444444444444';

const start = (env: Record<string, string>) =>
  startBot(
    loadConfig({ PORT: '0', COORDINATOR_IDS: COORDINATOR, DATA_DIR: mkdtempSync(join(tmpdir(), 'tabs-')), ...env }),
    logger,
    realCore(),
  );
const get = (bot: RunningBot, path: string, token?: string) =>
  fetch(`${bot.server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const post = (bot: RunningBot, path: string, body: unknown, token?: string) =>
  fetch(`${bot.server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

describe('Local mode: the Leitfaden API and the coordinators’ desk without sign-in', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await start({});
  });
  afterAll(() => bot.stop());

  it('listens on loopback only when nothing is authenticated', () => {
    expect(loadConfig({}).HOST).toBe('127.0.0.1');
    expect(loadConfig({ BOT_ID, BOT_PASSWORD: 'x', BOT_TENANT_ID: TENANT }).HOST).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
  });

  it('returns the procedure: steps in order, the Kinderschutz track, next steps that exist', async () => {
    const { steps } = (await (await get(bot, '/api/tab/procedure')).json()) as {
      steps: { ref: string; order: number; track: string; next: string[] }[];
    };
    expect(steps.map((s) => s.order)).toEqual([...steps.map((s) => s.order)].sort((a, b) => a - b));
    expect(steps.filter((s) => s.track === 'kinderschutz').map((s) => s.ref)).toEqual(['step:kinderschutz']);
    const refs = new Set(steps.map((s) => s.ref));
    for (const s of steps) for (const n of s.next) expect(refs).toContain(n);
  });

  it('opens an entry as the same card the chat shows, and says when a ref is unknown', async () => {
    const view = (await (await get(bot, '/api/tab/entry?ref=step:anhoerung')).json()) as { card: { type: string } };
    expect(view.card.type).toBe('AdaptiveCard');
    expect((await get(bot, '/api/tab/entry?ref=step:gibt-es-nicht')).status).toBe(404);
    const next = (await (await get(bot, '/api/tab/follow-up?ref=step:anhoerung&what=next')).json()) as { ref: string };
    expect(next.ref).toBe('step:versaeumnisanzeige');
    expect((await get(bot, '/api/tab/follow-up?ref=step:anhoerung&what=nonsense')).status).toBe(404);
  });

  it('searches with the bot’s decision: child protection first, a German message for an empty query', async () => {
    const danger = (await (
      await get(bot, `/api/tab/search?q=${encodeURIComponent('Lena hat blaue Flecken und will nicht nach Hause')}`)
    ).json()) as { childProtection: boolean };
    expect(danger.childProtection).toBe(true);
    const form = (await (
      await get(bot, `/api/tab/search?q=${encodeURIComponent('Wohin schicke ich die Versäumnisanzeige?')}`)
    ).json()) as { childProtection: boolean; results: { ref: string }[] };
    expect(form.childProtection).toBe(false);
    expect(form.results[0]?.ref).toBe('step:versaeumnisanzeige');
    const story = 'Die Anhörung ist erfolgt, der Schüler am Gymnasium fehlt weiter unentschuldigt. Was jetzt?';
    const caseView = (await (await get(bot, `/api/tab/search?q=${encodeURIComponent(story)}`)).json()) as {
      route: string;
      results: { ref: string }[];
      card: { body: { text?: string }[] };
    };
    expect(caseView.route).toBe('guide');
    expect(caseView.results[0]?.ref).toBe('step:versaeumnisanzeige');
    expect(caseView.card.body[0]?.text).toMatch(/Versäumnisanzeige/);
    const empty = await get(bot, '/api/tab/search?q=');
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: string }).error).toMatch(/Suchbegriff/);
  });

  it('answers a forwarded question from the inbox and keeps the teacher’s ids out of the list', async () => {
    await bot.stores.questions.put({
      id: QUESTION_ID,
      text: 'Gilt die Anhörung auch in den Ferien?',
      topic: 'verfahren',
      state: 'open',
      createdAt: Date.now(),
      replyTo: { name: 'Frau Beispiel', userId: 'user-1', conversationId: 'conv-1', reference: {} },
    });
    const inbox = (await (await get(bot, '/api/tab/coordination/questions')).json()) as Record<string, unknown>[];
    expect(inbox[0]).toMatchObject({ id: QUESTION_ID, state: 'open', replyTo: 'Frau Beispiel' });
    expect(JSON.stringify(inbox)).not.toContain('user-1');
    expect((await post(bot, `/api/tab/coordination/questions/${QUESTION_ID}/answer`, { answer: '' })).status).toBe(400);
    const answered = await post(bot, `/api/tab/coordination/questions/${QUESTION_ID}/answer`, { answer: 'Ja.' });
    expect(answered.status).toBe(200);
    expect(await bot.stores.questions.get(QUESTION_ID)).toMatchObject({ state: 'answered', answer: 'Ja.' });
  });

  it('shows sent news with their delivery report and exports it per recipient as CSV', async () => {
    const at = Date.now();
    await bot.stores.broadcasts.create({
      id: BROADCAST_ID,
      authorId: COORDINATOR,
      news: {
        title: 'Fachtag',
        text: 'Am 3. März.',
        topic: 'fortbildungen',
        audience: { schoolTypes: [], districts: [] },
      },
      version: 1,
      status: 'sending',
      createdAt: at,
    });
    await bot.stores.outbox.enqueue([pendingJob(BROADCAST_ID, 'conv-a', 'send', at + 3_600_000)]);
    await bot.stores.acknowledgements.add(BROADCAST_ID, 'conv-a', Date.UTC(2026, 11, 3, 9));
    const news = (await (await get(bot, '/api/tab/coordination/news')).json()) as Record<string, unknown>[];
    expect(news[0]).toMatchObject({
      id: BROADCAST_ID,
      title: 'Fachtag',
      report: { total: 1, pending: 1 },
      acknowledged: 1,
    });
    const csv = await get(bot, `/api/tab/coordination/news/${BROADCAST_ID}/report.csv`);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect((await csv.text()).split('\n').slice(0, 2)).toEqual([
      'conversation,action,state,reason,attempts,updated_at,acknowledged_at',
      expect.stringMatching(/^conv-a,send,pending,,0,[^,]+,2026-12-03T09:00:00.000Z$/),
    ]);
    expect((await get(bot, '/api/tab/coordination/news/not-an-id/report.csv')).status).toBe(400);
  });

  it('corrects and recalls a news item from the tab through the chat’s own broadcast flow', async () => {
    const corrected = await post(bot, `/api/tab/coordination/news/${BROADCAST_ID}/correct`, {
      title: 'Fachtag (neuer Termin)',
      text: 'Am 10. März.',
    });
    expect(((await corrected.json()) as { messages: string[] }).messages.join(' ')).toContain(
      TEXTS.news.correctionQueued(0),
    );
    expect(await bot.stores.broadcasts.get(BROADCAST_ID)).toMatchObject({
      version: 2,
      news: { title: 'Fachtag (neuer Termin)', topic: 'fortbildungen' },
    });
    const recalled = await post(bot, `/api/tab/coordination/news/${BROADCAST_ID}/recall`, {});
    expect(((await recalled.json()) as { messages: string[] }).messages).toContain(TEXTS.news.recallStarted);
    expect((await bot.stores.broadcasts.get(BROADCAST_ID))?.status).toBe('recalled');
  });
});

describe('Signed in with a managed-identity bot: the tabs have their own app registration (TAB_APP_ID)', () => {
  const TAB_APP_ID = '77777777-8888-9999-aaaa-bbbbbbbbbbbb';
  let bot: RunningBot;
  let openid: Awaited<ReturnType<typeof startOpenIdServer>>;
  beforeAll(async () => {
    openid = await startOpenIdServer();
    bot = await start({
      BOT_ID,
      BOT_TYPE: 'UserAssignedMSI',
      TAB_APP_ID,
      BOT_TENANT_ID: TENANT,
      BOT_DOMAIN: DOMAIN,
      HOST: '127.0.0.1',
      TAB_KEYS_URL: openid.keysUrl,
      COORDINATOR_IDS: COORDINATOR,
    });
  });
  afterAll(async () => {
    await bot.stop();
    await openid.stop();
  });

  it("accepts tokens for the tab's registration and refuses tokens for the bot's identity", async () => {
    const token = (aud: string) =>
      openid.entraToken({ aud, iss: `https://sts.windows.net/${TENANT}/`, tid: TENANT, oid: COORDINATOR });
    const statistics = (t: string) => get(bot, '/api/tab/coordination/statistics', t);
    expect((await statistics(await token(`api://${DOMAIN}/${TAB_APP_ID}`))).status).toBe(200);
    expect((await statistics(await token(TAB_APP_ID))).status).toBe(200);
    expect((await statistics(await token(`api://${DOMAIN}/${BOT_ID}`))).status).toBe(401);
  });
});

describe('Signed in: every coordinator call checks the Teams SSO token and COORDINATOR_IDS', () => {
  let bot: RunningBot;
  let openid: Awaited<ReturnType<typeof startOpenIdServer>>;
  const claims = (over: Record<string, unknown> = {}) => ({
    aud: `api://${DOMAIN}/${BOT_ID}`,
    iss: `https://sts.windows.net/${TENANT}/`,
    tid: TENANT,
    oid: COORDINATOR,
    ...over,
  });
  beforeAll(async () => {
    openid = await startOpenIdServer();
    bot = await start({
      BOT_ID,
      BOT_PASSWORD: 'secret',
      BOT_TENANT_ID: TENANT,
      BOT_DOMAIN: DOMAIN,
      HOST: '127.0.0.1',
      TAB_KEYS_URL: openid.keysUrl,
      COORDINATOR_IDS: `${COORDINATOR},${LIMITED}`,
      COORDINATOR_TOPICS: `${LIMITED}=netzwerk`,
    });
  });
  afterAll(async () => {
    await bot.stop();
    await openid.stop();
  });
  const statistics = (token?: string) => get(bot, '/api/tab/coordination/statistics', token);

  it('lets a coordinator in with a v1 (api:// audience) or v2 (app id audience) token', async () => {
    expect((await statistics(await openid.entraToken(claims()))).status).toBe(200);
    const v2 = claims({ aud: BOT_ID, iss: `https://login.microsoftonline.com/${TENANT}/v2.0` });
    const res = await statistics(await openid.entraToken(v2));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { weeks: string[] }).weeks).toHaveLength(4);
  });

  it('refuses a teacher politely (403) and says so in German', async () => {
    const res = await statistics(await openid.entraToken(claims({ oid: TEACHER })));
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toBe(TEXTS.tabs.notCoordinator);
  });

  it('lets only coordinators read or edit the knowledge base, with the same token check', async () => {
    const teacher = await openid.entraToken(claims({ oid: TEACHER }));
    const coordinator = await openid.entraToken(claims());
    expect((await get(bot, '/api/tab/knowledge/entries', coordinator)).status).toBe(200);
    expect((await get(bot, '/api/tab/knowledge/entries', teacher)).status).toBe(403);
    expect((await get(bot, '/api/tab/knowledge/entries')).status).toBe(401);
    const put = (token?: string) =>
      fetch(`${bot.server.url}/api/tab/knowledge/draft/agency:jugendamt`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ kind: 'agency', id: 'jugendamt' }),
      });
    expect((await put(teacher)).status).toBe(403);
    expect((await put()).status).toBe(401);
    expect((await post(bot, '/api/tab/knowledge/publish', {}, teacher)).status).toBe(403);
    expect((await post(bot, '/api/tab/knowledge/rollback/1', {}, teacher)).status).toBe(403);
    expect((await get(bot, '/api/tab/knowledge/export', teacher)).status).toBe(403);
    expect((await get(bot, '/api/tab/knowledge/draft', coordinator)).status).toBe(200);
  });

  it.each([
    ['no token', async () => undefined],
    ['a foreign tenant', () => openid.entraToken(claims({ tid: 'other', iss: 'https://sts.windows.net/other/' }))],
    ['an issuer of another tenant', () => openid.entraToken(claims({ iss: 'https://sts.windows.net/other/' }))],
    ['another audience', () => openid.entraToken(claims({ aud: 'api://evil.example/x' }))],
    ['an expired token', () => openid.entraToken(claims(), { expiresIn: -3600 })],
    ['a key that is not the tenant’s', () => openid.entraToken(claims(), { key: openid.otherKey })],
    ['no object id', () => openid.entraToken(claims({ oid: undefined }))],
  ])('refuses %s with 401', async (_name, token) => {
    const res = await statistics(await token());
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: string }).error).toBe(TEXTS.tabs.signInNeeded);
    expect((await post(bot, `/api/tab/coordination/questions/${QUESTION_ID}/close`, {}, await token())).status).toBe(
      401,
    );
  });

  it('gives a delivery report only to coordinators of the item’s topic', async () => {
    await bot.stores.broadcasts.create({
      id: BROADCAST_ID,
      authorId: COORDINATOR,
      news: { title: 'Fachtag', text: 'x', topic: 'fortbildungen', audience: { schoolTypes: [], districts: [] } },
      version: 1,
      status: 'done',
      createdAt: Date.now(),
    });
    const csv = (oid: string) =>
      openid
        .entraToken(claims({ oid }))
        .then((t) => get(bot, `/api/tab/coordination/news/${BROADCAST_ID}/report.csv`, t));
    expect((await csv(COORDINATOR)).status).toBe(200);
    expect((await csv(LIMITED)).status).toBe(404);
    const listed = (await (
      await get(bot, '/api/tab/coordination/news', await openid.entraToken(claims({ oid: LIMITED })))
    ).json()) as unknown[];
    expect(listed).toEqual([]);
  });

  it('keeps the Leitfaden (public knowledge) open without sign-in and tells the page who is signed in', async () => {
    expect((await get(bot, '/api/tab/network')).status).toBe(200);
    const me = await get(bot, '/api/tab/me', await openid.entraToken(claims()));
    expect(await me.json()).toEqual({ localMode: false, signedIn: true, coordinator: true });
  });
});
