import { MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { logger } from '../../src/shared/logger';
import { TEXTS } from '../../src/texts';
import { realCore } from '../support/bot-harness';

function bot(opts: { allowedTenants?: string[]; rateLimitPerMinute?: number }) {
  const app = buildApp({ ...realCore(), logger, ...opts }, new MemoryStorage());
  const adapter = new TestAdapter((c) => app.handleTurn(c));
  return async (a: Partial<Activity>) => {
    await adapter.receiveActivity({ type: 'message', from: { id: 'u1', name: 'L' }, ...a });
    return adapter.activeQueue.splice(0);
  };
}

describe('Before any route', () => {
  it('ignores activities from tenants that are not allowed, without a reply', async () => {
    const say = bot({ allowedTenants: ['tenant-dortmund'] });
    expect(await say({ text: 'hilfe', conversation: { id: 'c', tenantId: 'tenant-elsewhere' } as never })).toEqual([]);
    expect(await say({ text: 'hilfe', channelData: { tenant: { id: 'tenant-elsewhere' } } })).toEqual([]);
    expect((await say({ text: 'hilfe', conversation: { id: 'c', tenantId: 'tenant-dortmund' } as never })).length).toBe(
      1,
    );
  });

  it('answers politely when a user sends too many messages, and others are not affected', async () => {
    const say = bot({ rateLimitPerMinute: 3 });
    for (let i = 0; i < 3; i++) expect((await say({ text: 'hilfe' }))[0]?.text).not.toBe(TEXTS.rateLimited);
    expect((await say({ text: 'hilfe' }))[0]?.text).toBe(TEXTS.rateLimited);
    expect((await say({ text: 'hilfe', from: { id: 'u2', name: 'Andere' } }))[0]?.text).not.toBe(TEXTS.rateLimited);
  });
});
