import { describe, expect, it } from 'vitest';
import { outcomeOf, parseRetryAfter } from '../../src/broadcast/connector-sender';
import type { SendOutcome } from '../../src/broadcast/model';
import { backoffMs, conversationGone, DEFAULT_RETRY, nextState } from '../../src/broadcast/retry-policy';
import { job } from './helpers';

const NOW = 1_000_000;
const opts = (random: () => number) => ({ ...DEFAULT_RETRY, random });

describe('When a send attempt ends', () => {
  it('ok → sent, keeping the new activity id', () => {
    const next = nextState(job('b', 'c'), { kind: 'ok', activityId: 'a1' }, NOW);
    expect(next).toMatchObject({ state: 'sent', activityId: 'a1', attempts: 1, updatedAt: NOW });
  });

  it('ok on an update keeps the stored activity id', () => {
    expect(nextState(job('b', 'c', 'update', 'a1'), { kind: 'ok' }, NOW).activityId).toBe('a1');
  });

  it('429 with Retry-After → pending exactly that long', () => {
    const next = nextState(job('b', 'c'), { kind: 'throttled', retryAfterMs: 2500 }, NOW);
    expect(next).toMatchObject({ state: 'pending', notBefore: NOW + 2500, attempts: 1 });
  });

  it('429 without Retry-After → jittered backoff', () => {
    const next = nextState(
      { ...job('b', 'c'), attempts: 2 },
      { kind: 'throttled' },
      NOW,
      opts(() => 0.5),
    );
    expect(next.notBefore).toBe(NOW + 2000); // half of 1 s · 2²
  });

  it('keeps retrying 429s longer than errors, but not forever', () => {
    const throttled = { ...job('b', 'c'), attempts: DEFAULT_RETRY.maxThrottledAttempts - 1 };
    expect(nextState(throttled, { kind: 'throttled' }, NOW)).toMatchObject({ state: 'failed' });
    expect(nextState({ ...throttled, attempts: 10 }, { kind: 'throttled' }, NOW).state).toBe('pending');
  });

  it.each([1, 2, 5, 8, 20])('transient error on attempt %i → backoff within [0, min(60 s, 1 s · 2^(n-1))]', (n) => {
    const ceiling = Math.min(60_000, 1000 * 2 ** (n - 1));
    expect(
      backoffMs(
        n,
        opts(() => 0),
      ),
    ).toBe(0);
    expect(
      backoffMs(
        n,
        opts(() => 0.999999),
      ),
    ).toBe(Math.round(0.999999 * ceiling));
    expect(
      backoffMs(
        n,
        opts(() => 0.25),
      ),
    ).toBe(Math.round(0.25 * ceiling));
  });

  it('spreads retries (full jitter): different random draws give different delays', () => {
    const draws = [0.1, 0.4, 0.7].map((r) =>
      nextState(
        job('b', 'c'),
        { kind: 'transient', reason: '503' },
        NOW,
        opts(() => r),
      ),
    );
    expect(new Set(draws.map((d) => d.notBefore)).size).toBe(3);
    for (const d of draws) expect(d).toMatchObject({ state: 'pending', attempts: 1 });
  });

  it('gives up after maxAttempts transient errors', () => {
    const last = { ...job('b', 'c'), attempts: 7 };
    expect(nextState(last, { kind: 'transient', status: 503, reason: '503' }, NOW)).toMatchObject({
      state: 'failed',
      attempts: 8,
      reason: 'gave up after 8 attempts: 503',
    });
  });

  it('403 → removed, and the conversation is gone', () => {
    const outcome: SendOutcome = { kind: 'gone', status: 403, reason: '403 ConversationBlockedByUser' };
    expect(nextState(job('b', 'c'), outcome, NOW)).toMatchObject({ state: 'removed', reason: outcome.reason });
    expect(conversationGone(job('b', 'c'), outcome)).toBe(true);
  });

  it('404 on update means the message, not the conversation; on delete it is done', () => {
    const notFound: SendOutcome = { kind: 'gone', status: 404, reason: '404 NotFound' };
    expect(conversationGone(job('b', 'c', 'update', 'a1'), notFound)).toBe(false);
    expect(nextState(job('b', 'c', 'delete', 'a1'), notFound, NOW).state).toBe('sent');
  });

  it('other errors → failed with the reason', () => {
    expect(nextState(job('b', 'c'), { kind: 'failed', status: 400, reason: '400 BadArgument' }, NOW)).toMatchObject({
      state: 'failed',
      reason: '400 BadArgument',
    });
  });
});

describe('When the connector answers with an error', () => {
  const restError = (statusCode: number, code?: string, retryAfter?: string) => ({
    name: 'RestError',
    statusCode,
    code,
    response: { headers: { get: (h: string) => (h === 'retry-after' ? retryAfter : undefined) } },
  });

  it.each([
    [restError(429, 'Throttled', '3'), { kind: 'throttled', retryAfterMs: 3000 }],
    [restError(429), { kind: 'throttled', retryAfterMs: undefined }],
    [restError(412), { kind: 'transient', status: 412, reason: '412' }],
    [restError(502), { kind: 'transient', status: 502, reason: '502' }],
    [restError(503), { kind: 'transient', status: 503, reason: '503' }],
    [restError(504), { kind: 'transient', status: 504, reason: '504' }],
    [
      restError(403, 'ConversationBlockedByUser'),
      { kind: 'gone', status: 403, reason: '403 ConversationBlockedByUser' },
    ],
    [restError(403, 'MessageWritesBlocked'), { kind: 'gone', status: 403, reason: '403 MessageWritesBlocked' }],
    [restError(404, 'ConversationNotFound'), { kind: 'gone', status: 404, reason: '404 ConversationNotFound' }],
    [restError(400, 'BadArgument'), { kind: 'failed', status: 400, reason: '400 BadArgument' }],
    [restError(500), { kind: 'failed', status: 500, reason: '500' }],
    [
      { code: 'ECONNRESET', name: 'Error' },
      { kind: 'transient', reason: 'ECONNRESET' },
    ],
    [
      { code: 'ETIMEDOUT', name: 'Error' },
      { kind: 'transient', reason: 'ETIMEDOUT' },
    ],
    [{ name: 'AbortError' }, { kind: 'transient', reason: 'error AbortError' }],
    [new TypeError('x'), { kind: 'failed', reason: 'error TypeError' }],
  ])('%j → %j', (err, outcome) => {
    expect(outcomeOf(err)).toEqual(outcome);
  });

  it.each([
    ['2', 2000],
    ['0.5', 500],
    ['Thu, 01 Jan 1970 00:00:05 GMT', 4000],
    ['soon', undefined],
    [undefined, undefined],
  ])('Retry-After %s → %s ms', (value, ms) => {
    expect(parseRetryAfter(value, 1000)).toBe(ms);
  });
});
