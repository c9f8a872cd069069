import type { Logger } from '../shared/logger';
import type { CountRow, CountStore } from './ports';

/** What is counted: keys are entry refs, routes, node ids, reasons – never text, never a user id. */
export type Metric =
  | 'question'
  | 'entry'
  | 'kind'
  | 'guide'
  | 'child-protection'
  | 'feedback'
  | 'forwarded'
  | 'answer-time'
  | 'subscription'
  | 'news';

export interface Recorder {
  count(metric: Metric, key: string): void;
}

/** Counting off: tests and tools that do not need statistics. */
export const NO_RECORDER: Recorder = { count: () => undefined };

/** The day in Dortmund (Europe/Berlin) as YYYY-MM-DD. */
const DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
export const berlinDay = (ms: number): string => DAY.format(ms);

/**
 * Counts in memory and adds to the store every `flushMs` (and on stop), so a turn never waits for it.
 * A failed flush keeps its numbers for the next one and logs once per failure.
 */
export function bufferedRecorder(
  store: CountStore,
  logger: Logger,
  { flushMs = 30_000, now = Date.now }: { flushMs?: number; now?: () => number } = {},
) {
  let pending = new Map<string, CountRow>();
  let timer: NodeJS.Timeout | undefined;

  const flush = async (): Promise<void> => {
    if (pending.size === 0) return;
    const rows = [...pending.values()];
    pending = new Map();
    try {
      await store.add(rows);
    } catch (err) {
      for (const row of rows) add(row.metric, row.key, row.day, row.n);
      logger.warn({ intent: 'statistics', err: (err as Error).message, kept: rows.length }, 'counters not saved');
    }
  };
  const add = (metric: string, key: string, day: string, n: number) => {
    const id = `${day}\u0000${metric}\u0000${key}`;
    const row = pending.get(id);
    pending.set(id, { metric, key, day, n: (row?.n ?? 0) + n });
  };

  return {
    count: (metric: Metric, key: string) => add(metric, key, berlinDay(now()), 1),
    flush,
    start() {
      timer ??= setInterval(() => void flush(), flushMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await flush();
    },
  };
}

export type BufferedRecorder = ReturnType<typeof bufferedRecorder>;
