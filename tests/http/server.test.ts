import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapter } from '../../src/adapter';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { startServer, type RunningServer } from '../../src/server';
import { logger } from '../../src/shared/logger';
import { MemoryStorage } from 'botbuilder';
import { realCore } from '../support/bot-harness';

let server: RunningServer;

beforeAll(async () => {
  const config = loadConfig({});
  const adapter = createAdapter(config);
  const bot = buildApp({ ...realCore(), logger }, new MemoryStorage(), adapter);
  server = await startServer({ bot, adapter, logger, port: 0, host: '127.0.0.1' });
});
afterAll(() => server.stop());

const activity = (text: string) => ({
  type: 'message',
  channelId: 'msteams',
  deliveryMode: 'expectReplies',
  serviceUrl: 'http://127.0.0.1:1/',
  from: { id: 'user-http' },
  recipient: { id: 'bot' },
  conversation: { id: 'conv-http', conversationType: 'personal' },
  text,
});

type Card = { body: unknown[]; actions?: unknown[] };
/** Sends one activity with expectReplies and returns the cards of the replies. */
async function turn(extra: Record<string, unknown>): Promise<{ text?: string; card?: Card }[]> {
  const res = await post(
    JSON.stringify({ ...activity(''), conversation: { id: 'conv-guide', conversationType: 'personal' }, ...extra }),
  );
  expect(res.status).toBe(200);
  const { activities } = (await res.json()) as { activities: { text?: string; attachments?: { content: Card }[] }[] };
  return activities.map((a) => ({ text: a.text, card: a.attachments?.[0]?.content }));
}
const buttonData = (card: Card | undefined, title: string): unknown => {
  const found = JSON.stringify(card).match(
    new RegExp(`"type":"Action.Submit","title":"${title}","data":(\\{[^}]*\\})`),
  );
  if (!found) throw new Error(`no button ${title}`);
  return JSON.parse(found[1]!);
};

const post = (body: string, contentType = 'application/json') =>
  fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });

describe('The HTTP server', () => {
  it('in local mode (no token check) posts replies only to an emulator on loopback', async () => {
    for (const serviceUrl of ['https://evil.example/', 'http://127.0.0.1.evil.example/', 'file:///etc/passwd']) {
      const res = await post(JSON.stringify({ ...activity('Hallo'), serviceUrl, deliveryMode: undefined }));
      expect(res.status).toBe(403);
    }
    for (const serviceUrl of ['http://localhost:56150/', 'http://[::1]:3978/'])
      expect((await post(JSON.stringify({ ...activity('Hallo'), serviceUrl }))).status).toBe(200);
  });

  it('answers a question over POST /api/messages with expectReplies', async () => {
    const res = await post(JSON.stringify(activity('Wohin schicke ich die Versäumnisanzeige?')));
    expect(res.status).toBe(200);
    const { activities } = (await res.json()) as { activities: { attachments: { content: unknown }[] }[] };
    const card = JSON.stringify(activities[0]?.attachments[0]?.content);
    expect(card).toMatch(/Versäumnisanzeige/);
    expect(card).toMatch(/Bezirksregierung Arnsberg/);
  });

  it('runs a whole guided dialog over HTTP by clicking', async () => {
    const [question] = await turn({ text: 'Was tun?' });
    expect(JSON.stringify(question?.card)).toContain('Was ist passiert?');
    const [done] = await turn({ value: buttonData(question?.card, 'Unentschuldigtes Fehlen') });
    const [school] = await turn({ value: buttonData(done?.card, 'Anhörung ist erfolgt') });
    const [outcome] = await turn({ value: buttonData(school?.card, 'Gymnasium') });
    expect(JSON.stringify(outcome?.card)).toContain('Schritt 10: Versäumnisanzeige an die Bezirksregierung Arnsberg');
  });

  it('reports health on GET /healthz', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('rejects malformed JSON with 400 and keeps serving', async () => {
    const res = await post('{"type": "message", ');
    expect(res.status).toBe(400);
    expect(await res.text()).not.toMatch(/at .*\.js:\d+/);
    expect((await post(JSON.stringify(activity('hilfe')))).status).toBe(200);
  });
});
