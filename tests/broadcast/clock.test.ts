import { describe, expect, it } from 'vitest';
import { FakeClock, RealClock } from '../../src/broadcast/clock';

describe('When time is faked', () => {
  it('wakes sleepers in time order, and runs what they schedule within the same advance', async () => {
    const clock = new FakeClock(100);
    const woke: string[] = [];
    void clock.sleep(30).then(() => woke.push(`b@${clock.now()}`));
    void clock.sleep(10).then(async () => {
      woke.push(`a@${clock.now()}`);
      await clock.sleep(5);
      woke.push(`a2@${clock.now()}`);
    });
    await clock.advance(50);
    expect(woke).toEqual(['a@110', 'a2@115', 'b@130']);
    expect(clock.now()).toBe(150);
  });

  it('ends a sleep early on abort, and forgets it', async () => {
    const clock = new FakeClock();
    const ctl = new AbortController();
    const slept = clock.sleep(1_000, ctl.signal);
    ctl.abort();
    await slept;
    expect(clock.now()).toBe(0);
    expect(clock.waiting).toBe(0);
  });
});

describe('When time is real but scaled', () => {
  it('runs one clock second in 20 real ms', async () => {
    const clock = new RealClock(0.02);
    const start = clock.now();
    await clock.sleep(1_000);
    expect(clock.now() - start).toBeGreaterThanOrEqual(950);
    expect(clock.now() - start).toBeLessThan(5_000);
  });
});
