import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/composition';
import { loadConfig } from '../../src/config';
import { logger } from '../../src/shared/logger';
import { realCore } from '../support/bot-harness';
import { askOverHttp } from '../support/chat-over-http';

const SECRET_WORDS = 'Kevin Mustermann aus der 7b';

const TLS = join(__dirname, '../fixtures/tls');

/** Application Insights' ingestion endpoint as the exporter calls it (HTTPS POST /v2.1/track, gzip JSON), on loopback. */
function startIngestion() {
  const bodies: string[] = [];
  const tls = { key: readFileSync(join(TLS, 'loopback.key')), cert: readFileSync(join(TLS, 'loopback.crt')) };
  const server: Server = createServer(tls, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      bodies.push((req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8'));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ itemsReceived: 1, itemsAccepted: 1, errors: [] }));
    });
  });
  return new Promise<{ url: string; bodies: string[]; close: () => Promise<void> }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `https://127.0.0.1:${(server.address() as AddressInfo).port}/`,
        bodies,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    ),
  );
}

let ingestion: Awaited<ReturnType<typeof startIngestion>>;
let bot: RunningBot;

beforeAll(async () => {
  // This test file's worker only: the loopback endpoint's certificate is self-signed.
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  ingestion = await startIngestion();
  bot = await startBot(
    loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'telemetry-')),
      APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=${ingestion.url}`,
    }),
    logger,
    realCore(),
  );
}, 30_000);
afterAll(async () => {
  await ingestion.close();
});

describe('Telemetry to Azure Monitor (APPLICATIONINSIGHTS_CONNECTION_STRING set)', () => {
  it('exports request durations by route, turn outcomes, errors and the knowledge version – and no user text', async () => {
    expect(await askOverHttp(bot.server.url, `Was mache ich, wenn ${SECRET_WORDS} seit zwei Wochen fehlt?`)).not.toBe(
      '',
    );
    await askOverHttp(bot.server.url, 'Wer ist für eine Versäumnisanzeige zuständig?');
    const search = await fetch(`${bot.server.url}/api/tab/search?q=${encodeURIComponent(SECRET_WORDS)}`);
    expect(search.status).toBeLessThan(500);
    await bot.stop(); // flushes the metrics

    const sent = ingestion.bodies.join('\n');
    expect(sent).toContain('http.server.request.duration');
    expect(sent).toContain('/api/messages');
    expect(sent).toContain('bot.events');
    expect(sent).toContain('"kind":"question"');
    expect(sent).toContain('bot.knowledge.version');
    expect(sent).not.toContain('Mustermann');
    expect(sent).not.toContain('7b');
    expect(sent).not.toMatch(/teacher|c-[0-9a-f]{8}/); // no user or conversation ids
  }, 60_000);
});
