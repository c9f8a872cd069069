import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { subscriptionService } from '../../../src/broadcast/subscription-service';
import { logger } from '../../../src/shared/logger';
import type { Metric, Recorder } from '../../../src/statistics/recorder';
import { createSqliteStores } from '../../../src/storage/sqlite/sqlite-stores';

describe('subscriptions are counted by topic and filter, without the conversation', () => {
  it('counts each chosen topic, school type and district once', async () => {
    const counted: [Metric, string][] = [];
    const recorder: Recorder = { count: (m, k) => void counted.push([m, k]) };
    const stores = createSqliteStores(mkdtempSync(join(tmpdir(), 'counted-')));
    const service = subscriptionService(stores.subscriptions, logger, undefined, Date.now, recorder);
    const where = {
      conversationId: '19:secret-chat',
      reference: { conversation: { id: '19:secret-chat' } },
      conversationType: 'personal' as const,
    };
    await service.subscribe(where, {
      verb: 'subscribe',
      topics: 'fortbildungen,netzwerk',
      schoolTypes: 'gymnasium',
      districts: 'eving',
    });
    expect(counted).toEqual([
      ['subscription', 'topic:fortbildungen'],
      ['subscription', 'topic:netzwerk'],
      ['subscription', 'schoolType:gymnasium'],
      ['subscription', 'district:eving'],
    ]);
    expect(JSON.stringify(counted)).not.toContain('secret');
    await stores.close();
  });
});
