/* eslint-disable no-console -- the test drives console.error/warn through the replacement */
import { describe, expect, it } from 'vitest';
import { oneLine, routeConsoleToLog } from '../../../src/shared/console-to-log';

const JWT =
  'eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJhdWQiOiIxMTExIiwiaXNzIjoiaHR0cHMifQ.c2lnbmF0dXJlLXBhcnQtb2YtdGhlLXRva2Vu';

describe("botbuilder's console output becomes one log line", () => {
  it('keeps the reason, drops the stack', () => {
    const err = new Error('Unauthorized. Invalid AppId passed on token: 1111');
    expect(oneLine(['[onTurnError] unhandled error:', err])).toBe(
      '[onTurnError] unhandled error: Error: Unauthorized. Invalid AppId passed on token: 1111',
    );
    expect(oneLine([`first line\n    at Object.<anonymous> (x.js:1:1)`])).toBe('first line');
  });

  it.each([
    [`token ${JWT} rejected`, 'token [token] rejected'],
    [`Authorization: Bearer ${JWT}`, 'Authorization: Bearer [token]'],
    ['Authorization: Bearer opaque.access-token.123', 'Authorization: Bearer [redacted]'],
    ['{"client_secret":"abcDEF123456789"}', '{"client_secret":"[redacted]"}'],
    ['password=hunter2hunter2 failed', 'password=[redacted] failed'],
  ])('replaces key material: %s', (input, expected) => expect(oneLine([input])).toBe(expected));

  it('caps a line at 300 characters', () => expect(oneLine(['x'.repeat(1000)])).toHaveLength(300));

  it('sends console.error and console.warn to the logger', () => {
    const lines: [string, string][] = [];
    const saved = { error: console.error, warn: console.warn };
    const warningListeners = process.listeners('warning');
    try {
      routeConsoleToLog({
        error: ((_o: unknown, m: string) => void lines.push(['error', m])) as never,
        warn: ((_o: unknown, m: string) => void lines.push(['warn', m])) as never,
      });
      console.error(new Error('JwtTokenExtractor: invalid signature'));
      console.warn('deprecated %s', 'thing');
      process.emit(
        'warning',
        Object.assign(new Error('process.binding is deprecated'), { name: 'DeprecationWarning' }),
      );
    } finally {
      Object.assign(console, saved);
      process.removeAllListeners('warning');
      for (const l of warningListeners) process.on('warning', l);
    }
    expect(lines).toEqual([
      ['error', 'Error: JwtTokenExtractor: invalid signature'],
      ['warn', 'deprecated thing'],
      ['warn', 'DeprecationWarning: process.binding is deprecated'],
    ]);
  });
});
