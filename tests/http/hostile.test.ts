import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { MemoryStorage } from 'botbuilder';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAdapter } from '../../src/adapter';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { startServer, type RunningServer, MAX_BODY_BYTES } from '../../src/server';
import { logger } from '../../src/shared/logger';
import { realCore } from '../support/bot-harness';

let server: RunningServer;
beforeAll(async () => {
  const adapter = createAdapter(loadConfig({}));
  server = await startServer({
    bot: buildApp({ ...realCore(), logger }, new MemoryStorage(), adapter),
    adapter,
    logger,
    port: 0,
    host: '127.0.0.1',
  });
});
afterAll(() => server.stop());
// botbuilder itself writes to console on bad requests; that is not ours to forbid here.
beforeEach(() => vi.restoreAllMocks());

const valid = {
  type: 'message',
  channelId: 'msteams',
  deliveryMode: 'expectReplies',
  serviceUrl: 'http://127.0.0.1:1/',
  from: { id: 'u' },
  recipient: { id: 'bot' },
  conversation: { id: 'c-hostile' },
  text: 'hilfe',
};
const post = (body: string, type = 'application/json') =>
  fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': type }, body });
const noStack = async (res: Response) => expect(await res.text()).not.toMatch(/\bat \S+ \(|\.js:\d+|Error:/);

describe('Hostile and broken requests', () => {
  it.each([
    ['malformed JSON', '{"type": "message", ', 'application/json', 400],
    ['a JSON array', '[1,2,3]', 'application/json', 400],
    ['wrong content type', 'type=message&text=hi', 'text/plain', 400],
    ['missing type', JSON.stringify({ ...valid, type: undefined }), 'application/json', 400],
    ['missing conversation', JSON.stringify({ ...valid, conversation: undefined }), 'application/json', 400],
    ['missing from', JSON.stringify({ ...valid, from: undefined }), 'application/json', 400],
    ['a huge body', JSON.stringify({ ...valid, text: 'x'.repeat(MAX_BODY_BYTES + 10) }), 'application/json', 413],
  ])('answers %s with a clean %s', async (_name, body, type, status) => {
    const res = await post(body, type);
    expect(res.status).toBe(status);
    await noStack(res);
  });

  // restify counted the compressed bytes: 245 KB of gzip inflated to 240 MB before authentication.
  it.each([
    ['a 245 KB gzip bomb (240 MB inflated)', 'gzip', 240],
    ['a 20 KB gzip body inflating to 20 MB', 'gzip', 20],
    ['a deflate body', 'deflate', 1],
    ['an unknown encoding', 'br', 1],
    ['identity spelled out', 'identity', 1],
  ])('refuses %s with 415, unread', async (_name, encoding, megabytes) => {
    const inflated = Buffer.concat([
      Buffer.from('{"type":"message","text":"'),
      Buffer.alloc(megabytes * 1024 * 1024, 0x61),
      Buffer.from('"}'),
    ]);
    const body = gzipSync(inflated, { level: 9 });
    const heapBefore = process.memoryUsage().heapUsed;
    const res = await rawPost(body, { 'content-encoding': encoding });
    expect(res.status).toBe(415);
    expect(res.body).toContain('Unsupported content encoding');
    expect(res.body).not.toMatch(/\bat \S+ \(|\.js:\d+/);
    // The inflated body never existed in this process (the server runs in it).
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it('keeps serving after all of that', async () => {
    const res = await post(JSON.stringify(valid));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { activities: unknown[] }).activities.length).toBeGreaterThan(0);
  });
});

describe('Random bodies at the endpoint (property)', () => {
  it('always get 200, 400 or 413, never a stack trace, and the server keeps serving', async () => {
    const { default: fc } = await import('fast-check');
    const body = fc.oneof(
      fc.json({ maxDepth: 4 }),
      fc.string({ unit: 'binary', maxLength: 500 }),
      fc
        .record({
          ...Object.fromEntries(
            Object.entries(valid).map(([k, v]) => [k, fc.oneof(fc.constant(v), fc.jsonValue({ maxDepth: 2 }))]),
          ),
        })
        .map((o) => JSON.stringify(o)),
    );
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const res = await post(b);
        expect([200, 400, 413]).toContain(res.status);
        await noStack(res);
      }),
      { numRuns: 120, seed: 42 },
    );
    expect((await post(JSON.stringify(valid))).status).toBe(200);
  });
});

/** fetch() would refuse to send a compressed body with a content-encoding it did not make itself. */
function rawPost(body: Buffer, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const url = new URL(`${server.url}/api/messages`);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': body.length, ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
