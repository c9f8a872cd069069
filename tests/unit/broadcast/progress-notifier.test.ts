import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Broadcast } from '../../../src/broadcast/model';
import { progressNotifier } from '../../../src/broadcast/progress-notifier';
import { logger } from '../../../src/shared/logger';

const broadcast = {
  id: 'b',
  news: { title: 'T' },
  version: 1,
  status: 'sending',
  confirmation: { reference: {}, activityId: 'a' },
} as unknown as Broadcast;

describe('When deliveries report progress', () => {
  afterEach(() => vi.useRealTimers());

  it('reads the outbox at most once per interval, and always once after the last report', async () => {
    vi.useFakeTimers();
    let pending = 100;
    const reports: string[] = [];
    const updates: number[] = [];
    const stores = {
      broadcasts: { get: async () => broadcast },
      outbox: {
        report: async (_id: string, action: string) => (
          reports.push(action),
          { total: 100, sent: 100 - pending, pending, failed: 0, removed: 0, reasons: {} }
        ),
      },
    };
    const notify = progressNotifier(
      stores as never,
      async (_r, _a, card) => void updates.push(JSON.stringify(card).includes('Versand abgeschlossen') ? 1 : 0),
      logger,
    );
    for (; pending > 0; pending--) notify('b'); // 100 finished jobs in one burst
    await vi.advanceTimersByTimeAsync(0);
    notify('b'); // the last job finishes after the first update
    await vi.advanceTimersByTimeAsync(2_000);
    expect(reports.length).toBe(4); // two updates, each reading sends and deletes
    expect(updates.at(-1)).toBe(1);
  });
});
