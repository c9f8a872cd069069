import { afterEach, describe, expect, it, vi } from 'vitest';
import { logger } from '../../../src/shared/logger';
import { USER_SLOT_TTL_MS } from '../../../src/turn/state-keys';
import { scheduleExpiry, scheduleSlotExpiry } from '../../../src/storage/slot-expiry';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('expiry of users’ items in conversations', () => {
  it('deletes what is older than a day at start and then every interval', async () => {
    vi.useFakeTimers();
    const cutoffs: number[] = [];
    const expire = async (before: number) => {
      cutoffs.push(before);
      return 0;
    };
    const expiry = scheduleSlotExpiry(expire, logger, { everyMs: 1000, now: () => 5 * USER_SLOT_TTL_MS });
    await vi.advanceTimersByTimeAsync(2500);
    expiry.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(cutoffs).toEqual([4, 4, 4].map((days) => days * USER_SLOT_TTL_MS));
  });

  it('logs a failed run and tries again next time', async () => {
    const warn = vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
    let calls = 0;
    const expiry = scheduleSlotExpiry(
      async () => {
        calls++;
        throw new Error('storage down');
      },
      logger,
      { everyMs: 60_000 },
    );
    await expiry.runOnce();
    expiry.stop();
    expect(calls).toBe(2);
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({ err: expect.any(Error) }),
      expect.stringMatching(/expiry failed/),
    );
  });
});

describe('expiry of forwarded questions', () => {
  it('deletes what is older than the configured days, at start', async () => {
    const calls: number[] = [];
    const day = 86_400_000;
    const expiry = scheduleExpiry(async (before) => (calls.push(before), 2), 90 * day, 'forwarded questions', logger, {
      everyMs: 60_000,
      now: () => 100 * day,
    });
    await expiry.runOnce();
    expiry.stop();
    expect(calls.every((before) => before === 10 * day)).toBe(true);
    expect(calls.length).toBeGreaterThanOrEqual(1);
  });
});
