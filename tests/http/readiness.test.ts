import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBot, type RunningBot } from '../../src/composition';
import { loadConfig } from '../../src/config';
import { logger } from '../../src/shared/logger';
import { realCore } from '../support/bot-harness';

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
      body: { status: 'ready', checks: { storage: true, knowledge: true, delivery: true } },
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
