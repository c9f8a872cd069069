import { describe, expect, it } from 'vitest';
import { Pacer } from '../../src/broadcast/pacing';
import { seededRandom } from '../support/fake-connector';
import { maxInWindow } from './helpers';

/** Reserves `n` sends as early as allowed (asking again at the returned time), returns the send times. */
function sendGreedily(pacer: Pacer, conversationId: string, n: number, tenantId = 't1', from = 0): number[] {
  const times: number[] = [];
  let now = from;
  while (times.length < n) {
    const at = pacer.reserve(conversationId, tenantId, now);
    if (at === now) times.push(now);
    else now = at;
  }
  return times;
}

describe('When pacing sends to one conversation', () => {
  it('allows 7 at once, then waits until the oldest leaves the 1 s window', () => {
    const pacer = new Pacer({ smooth: false });
    for (let i = 0; i < 7; i++) expect(pacer.reserve('a', 't1', i)).toBe(i);
    expect(pacer.reserve('a', 't1', 10)).toBe(1000);
    expect(pacer.reserve('a', 't1', 1000)).toBe(1000);
  });

  it('allows only 8 within 2 s', () => {
    const pacer = new Pacer({ smooth: false });
    const times = sendGreedily(pacer, 'a', 9);
    expect(times.slice(0, 8)).toEqual([0, 0, 0, 0, 0, 0, 0, 1000]);
    expect(times[8]).toBe(2000);
  });

  it.each([
    [1000, 7],
    [2000, 8],
    [30_000, 60],
    [3_600_000, 1800],
  ])('never exceeds the Teams limit within any %i ms (%i)', (ms, limit) => {
    const times = sendGreedily(new Pacer({ smooth: false }), 'a', 1900);
    expect(maxInWindow(times, ms)).toBe(limit);
  });

  it('does not hold back other conversations while one waits', () => {
    const pacer = new Pacer({ smooth: false });
    sendGreedily(pacer, 'a', 8);
    expect(pacer.reserve('a', 't1', 1000)).toBe(2000);
    expect(pacer.reserve('b', 't1', 1000)).toBe(1000);
  });
});

describe('When pacing sends to one tenant', () => {
  it('a send whose round trip took longer than the fastest counts from when it reached Teams', () => {
    const pacer = new Pacer({ smooth: false });
    for (let i = 0; i < 50; i++) expect(pacer.reserve(`c${i}`, 't1', 0)).toBe(0);
    // The first send counts all of its 5 ms (no faster one known – it also waited for the token) …
    pacer.settle('c0', 't1', 0, 5);
    // … the others came back 30 ms later than the fastest: they reached Teams at 30.
    for (let i = 1; i < 50; i++) pacer.settle(`c${i}`, 't1', 0, 35);
    expect(pacer.reserve('c50', 't1', 1000)).toBe(1005);
    expect(pacer.reserve('c50', 't1', 1005)).toBe(1005);
    expect(pacer.reserve('c51', 't1', 1005)).toBe(1030);
  });

  it('a steady latency costs no rate: sends answered after the same round trip count from their reservation', () => {
    const pacer = new Pacer({ smooth: false });
    for (let i = 0; i < 50; i++) pacer.reserve(`c${i}`, 't1', 0);
    for (let i = 0; i < 50; i++) pacer.settle(`c${i}`, 't1', 0, 120);
    expect(pacer.reserve('c50', 't1', 1000)).toBe(1000);
  });

  it('allows 50 per second over all conversations, and counts tenants apart', () => {
    const pacer = new Pacer({ perTenantPerSecond: 50, smooth: false });
    for (let i = 0; i < 50; i++) expect(pacer.reserve(`c${i}`, 't1', 0)).toBe(0);
    expect(pacer.reserve('c50', 't1', 0)).toBe(1000);
    expect(pacer.reserve('c50', 't2', 0)).toBe(0);
  });

  it('keeps every window under random load from many conversations', () => {
    const random = seededRandom(7);
    const pacer = new Pacer({ perTenantPerSecond: 50 });
    const sends = new Map<string, number[]>();
    const all: number[] = [];
    for (let now = 0; now < 20_000; now += Math.floor(random() * 5)) {
      const conversationId = `c${Math.floor(random() * 20)}`;
      if (pacer.reserve(conversationId, 't1', now) !== now) continue;
      sends.set(conversationId, [...(sends.get(conversationId) ?? []), now]);
      all.push(now);
    }
    expect(maxInWindow(all, 1000)).toBe(50);
    for (const times of sends.values()) {
      expect(maxInWindow(times, 1000)).toBeLessThanOrEqual(7);
      expect(maxInWindow(times, 2000)).toBeLessThanOrEqual(8);
      expect(maxInWindow(times, 30_000)).toBeLessThanOrEqual(60);
    }
  });

  it('spaces sends evenly by default: one every 20 ms', () => {
    const pacer = new Pacer({ perTenantPerSecond: 50 });
    const times: number[] = [];
    for (let i = 0, now = 0; times.length < 200; i++) {
      const at = pacer.reserve(`c${i}`, 't1', now);
      if (at === now) times.push(now);
      else now = at;
    }
    expect(times.filter((t) => t === 0).length).toBeLessThanOrEqual(2);
    expect(maxInWindow(times, 1000)).toBeLessThanOrEqual(50);
    expect(times[199]).toBeLessThanOrEqual(4000); // still the full 50/s
  });

  it('catches up when a caller comes late (timers overshoot)', () => {
    const pacer = new Pacer({ perTenantPerSecond: 50 });
    let sent = 0;
    for (let now = 0; now < 10_000; now += 27) while (pacer.reserve(`c${sent}`, 't1', now) === now) sent++;
    expect(sent).toBeGreaterThanOrEqual(480); // 500 at best; ~370 if lateness were never made up
  });

  it('adds the safety margin to every window', () => {
    const pacer = new Pacer({ perTenantPerSecond: 2, marginMs: 50, smooth: false });
    pacer.reserve('a', 't1', 0);
    pacer.reserve('b', 't1', 0);
    expect(pacer.reserve('c', 't1', 0)).toBe(1050);
  });
});

describe('When many conversations are tracked', () => {
  it('remembers at most maxConversations', () => {
    const pacer = new Pacer({ maxConversations: 10 });
    for (let i = 0; i < 100; i++) pacer.reserve(`c${i}`, `t${i}`, i);
    expect(pacer.tracked).toBe(10);
  });

  it('forgets conversations idle for more than an hour', () => {
    const pacer = new Pacer();
    for (let i = 0; i < 5; i++) pacer.reserve(`c${i}`, 't1', i * 1000);
    pacer.reserve('late', 't1', 3_700_000);
    expect(pacer.tracked).toBe(1);
  });
});
