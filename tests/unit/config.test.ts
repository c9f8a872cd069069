import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';

describe('When reading the configuration', () => {
  it('runs in local mode without BOT_ID, with sensible defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      localMode: true,
      PORT: 3978,
      STORAGE: 'sqlite',
      RATE_LIMIT_PER_MINUTE: 30,
      allowedTenants: [],
    });
  });

  it('refuses production without credentials, with a clear message', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/BOT_ID: ist in Produktion Pflicht/);
  });

  it('lists every problem at once', () => {
    let message = '';
    try {
      loadConfig({ PORT: 'abc', BOT_ID: 'x', STORAGE: 'azure', LOG_LEVEL: 'loud' });
    } catch (err) {
      message = (err as Error).message;
    }
    for (const field of ['PORT', 'BOT_PASSWORD', 'BOT_TENANT_ID', 'AZURE_STORAGE_CONNECTION_STRING', 'LOG_LEVEL'])
      expect(message).toContain(field);
  });

  it("serves only the bot's own tenant by default, and parses lists", () => {
    const config = loadConfig({
      BOT_ID: 'a',
      BOT_PASSWORD: 'b',
      BOT_TENANT_ID: 't1',
      COORDINATOR_IDS: ' x , y,',
      ALLOWED_TENANT_IDS: '',
    });
    expect(config.allowedTenants).toEqual(['t1']);
    expect(config.COORDINATOR_IDS).toEqual(['x', 'y']);
  });
});
