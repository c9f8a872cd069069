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

const post = (body: string, contentType = 'application/json') =>
  fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });

describe('The HTTP server', () => {
  it('answers a question over POST /api/messages with expectReplies', async () => {
    const res = await post(JSON.stringify(activity('Wohin schicke ich die Versäumnisanzeige?')));
    expect(res.status).toBe(200);
    const { activities } = (await res.json()) as { activities: { attachments: { content: unknown }[] }[] };
    const card = JSON.stringify(activities[0]?.attachments[0]?.content);
    expect(card).toMatch(/Versäumnisanzeige/);
    expect(card).toMatch(/Bezirksregierung Arnsberg/);
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
