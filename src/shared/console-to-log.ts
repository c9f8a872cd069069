import { format } from 'node:util';
import type { Logger } from './logger';

const TOKEN = /eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]+/g; // a JWT
const BEARER = /(bearer|basic)\s+[\w.~+/=-]{8,}/gi;
const SECRET_FIELD = /((?:password|secret|key|signature|token)["']?\s*[:=]\s*["']?)[^\s"',}]{6,}/gi;

/** One line: the first line of the message (no stack), key material replaced, at most 300 characters. */
export function oneLine(args: readonly unknown[]): string {
  const first = args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : a));
  const line = format(...first).split('\n')[0] ?? '';
  return line
    .replace(TOKEN, '[token]')
    .replace(BEARER, '$1 [redacted]')
    .replace(SECRET_FIELD, '$1[redacted]')
    .slice(0, 300);
}

/**
 * botbuilder and teams-ai report some failures with console.error/console.warn (a rejected token prints a
 * multi-line stack). In the process they become one structured log line each, with the reason.
 */
export function routeConsoleToLog(logger: Pick<Logger, 'error' | 'warn'>): void {
  // Node's own warnings (deprecations in dependencies) too, instead of its default stderr printer.
  process.removeAllListeners('warning');
  process.on('warning', (w) => logger.warn({ source: 'node' }, oneLine([w])));
  /* eslint-disable no-console -- replacing console is the point here */
  console.error = (...args: unknown[]) => logger.error({ source: 'console' }, oneLine(args));
  console.warn = (...args: unknown[]) => logger.warn({ source: 'console' }, oneLine(args));
  /* eslint-enable no-console */
}
