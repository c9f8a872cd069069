import type { DeliveryJob, DeliveryReport } from './model';

const STATES: readonly string[] = ['sent', 'pending', 'failed', 'removed'] satisfies DeliveryJob['state'][];

/** One group of jobs with the same state and reason (a SQL GROUP BY row, or a single job). */
export interface ReportRow {
  readonly state: DeliveryJob['state'];
  readonly reason?: string | null;
  readonly count: number;
}

/** Sums jobs into a report; reasons are counted for failed and removed jobs only. */
export function summarize(rows: Iterable<ReportRow>): DeliveryReport {
  const counts = { total: 0, sent: 0, pending: 0, failed: 0, removed: 0 };
  const reasons: Record<string, number> = {};
  for (const { state, reason, count } of rows) {
    if (!STATES.includes(state)) continue; // not a job we wrote
    counts.total += count;
    counts[state] += count;
    if ((state === 'failed' || state === 'removed') && reason) reasons[reason] = (reasons[reason] ?? 0) + count;
  }
  return { ...counts, reasons };
}
