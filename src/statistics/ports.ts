/**
 * Anonymous counters for the network's statistics: a metric, a key without text or user id (an entry ref, a
 * route, a reason …) and a day (YYYY-MM-DD, Europe/Berlin). Nothing else is ever stored.
 */
export interface CountRow {
  readonly metric: string;
  readonly key: string;
  readonly day: string;
  readonly n: number;
}

export interface CountStore {
  /** Adds to the counters (atomic per counter; several instances may add at once). */
  add(increments: readonly CountRow[]): Promise<void>;
  /** Every counter of the days `from`…`to` (inclusive), optionally of one metric. */
  read(query: { readonly from: string; readonly to: string; readonly metric?: string }): Promise<CountRow[]>;
  /** Deletes the counters of days before `day`; returns how many. */
  deleteBefore(day: string): Promise<number>;
}
