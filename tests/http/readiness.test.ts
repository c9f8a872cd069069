import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBot, type RunningBot } from '../../src/composition';
import { loadConfig } from '../../src/config';
import { logger } from '../../src/shared/logger';
import { realCore } from '../support/bot-harness';
import { startAzurite, type Azurite } from '../support/azurite';

describe('GET /readyz on the npm start composition', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot(
      loadConfig({ PORT: '0', DATA_DIR: mkdtempSync(join(tmpdir(), 'readyz-')) }),
      logger,
      realCore(),
    );
  });
  afterAll(() => bot.stop());
  const readyz = async () => {
    const res = await fetch(`${bot.server.url}/readyz`);
    return { status: res.status, body: (await res.json()) as { checks: Record<string, boolean> } };
  };

  it('is ready when storage takes a write, knowledge is loaded and delivery runs', async () => {
    expect(await readyz()).toEqual({
      status: 200,
      body: { status: 'ready', checks: { storage: true, knowledge: true, delivery: true }, delivery: 'sender' },
    });
  });

  it('answers 503 when storage refuses writes (a full disk), while /healthz stays a liveness check', async () => {
    const spy = vi
      .spyOn(bot.stores.state, 'write')
      .mockRejectedValue(new Error('SQLITE_FULL: database or disk is full'));
    try {
      const { status, body } = await readyz();
      expect(status).toBe(503);
      expect(body.checks.storage).toBe(false);
      expect((await fetch(`${bot.server.url}/healthz`)).status).toBe(200);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('GET /readyz on two instances sharing Azure Storage (Azurite)', () => {
  let azurite: Azurite;
  const bots: RunningBot[] = [];
  beforeAll(async () => {
    azurite = await startAzurite();
    const env = {
      PORT: '0',
      STORAGE: 'azure',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      AZURE_STORAGE_CONTAINER: `r-${randomBytes(5).toString('hex')}`,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'readyz-az-')),
    };
    bots.push(await startBot(loadConfig(env), logger, realCore()));
    bots.push(await startBot(loadConfig(env), logger, realCore()));
  }, 60_000);
  afterAll(async () => {
    await Promise.all(bots.map((b) => b.stop()));
    await azurite.stop();
  });

  it('names one sender and one standby, and both are ready', async () => {
    const states: string[] = [];
    for (let tries = 0; tries < 100 && new Set(states).size < 2; tries++) {
      states.length = 0;
      for (const bot of bots) {
        const res = await fetch(`${bot.server.url}/readyz`);
        expect(res.status).toBe(200);
        states.push(((await res.json()) as { delivery: string }).delivery);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(states.sort()).toEqual(['sender', 'standby']);
  });
});
