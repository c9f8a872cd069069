import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../src/turn/rate-limit';

describe('RateLimiter', () => {
  it('allows perMinute messages in any minute, then again once old ones leave the window', () => {
    const limiter = new RateLimiter(3);
    expect([0, 10, 20, 30].map((t) => limiter.allow('u', t * 1000))).toEqual([true, true, true, false]);
    expect(limiter.allow('u', 60_001)).toBe(true);
    expect(limiter.allow('u', 60_002)).toBe(false);
  });

  it('forgets users who were quiet for a whole minute', () => {
    const limiter = new RateLimiter(30);
    for (let i = 0; i < 1000; i++) limiter.allow(`user-${i}`, i);
    expect(limiter.size).toBe(1000);
    limiter.allow('late', 70_000);
    expect(limiter.size).toBe(1);
  });

  it('keeps at most maxUsers even when all are active', () => {
    const limiter = new RateLimiter(30, 100);
    for (let i = 0; i < 1000; i++) limiter.allow(`user-${i}`, 1000);
    expect(limiter.size).toBe(100);
  });
});
