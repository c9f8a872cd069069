import type { Logger } from '../shared/logger';
import { USER_SLOT_TTL_MS } from '../turn/state-keys';
import type { Stores } from './stores';

const EVERY_MS = 60 * 60 * 1000;

/** Deletes users' items untouched for a day: once at start, then hourly. A failed run is retried next time. */
export function scheduleSlotExpiry(
  expire: Stores['expireUserSlots'],
  logger: Logger,
  options: { everyMs?: number; now?: () => number } = {},
): { runOnce: () => Promise<void>; stop: () => void } {
  return scheduleExpiry(expire, USER_SLOT_TTL_MS, 'user state', logger, options);
}

/** Deletes what is older than `ageMs` (`expire(before)`): once at start, then hourly; a failed run is retried. */
export function scheduleExpiry(
  expire: (before: number) => Promise<number>,
  ageMs: number,
  what: string,
  logger: Logger,
  { everyMs = EVERY_MS, now = Date.now }: { everyMs?: number; now?: () => number } = {},
): { runOnce: () => Promise<void>; stop: () => void } {
  const runOnce = async () => {
    try {
      const removed = await expire(now() - ageMs);
      logger.info({ intent: 'privacy', what, removed }, `expired ${what} deleted`);
    } catch (err) {
      logger.warn({ err, what }, `${what} expiry failed; next attempt in an hour`);
    }
  };
  const timer = setInterval(() => void runOnce(), everyMs);
  timer.unref();
  void runOnce();
  return { runOnce, stop: () => clearInterval(timer) };
}
