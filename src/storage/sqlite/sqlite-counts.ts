import type Database from 'better-sqlite3';
import type { CountRow, CountStore } from '../../statistics/ports';

/** Counters in the `counts` table: one row per metric, key and day; adding is an upsert. */
export class SqliteCountStore implements CountStore {
  private readonly upsert: Database.Statement;
  private readonly addAll: (rows: readonly CountRow[]) => void;

  constructor(private readonly db: Database.Database) {
    this.upsert = db.prepare(
      `INSERT INTO counts (metric, key, day, n) VALUES (@metric, @key, @day, @n)
       ON CONFLICT (metric, key, day) DO UPDATE SET n = n + excluded.n`,
    );
    this.addAll = db.transaction((rows: readonly CountRow[]) => {
      for (const row of rows) this.upsert.run(row);
    });
  }

  async add(increments: readonly CountRow[]): Promise<void> {
    if (increments.length > 0) this.addAll(increments);
  }

  async read({ from, to, metric }: { from: string; to: string; metric?: string }): Promise<CountRow[]> {
    const sql = `SELECT metric, key, day, n FROM counts WHERE day >= ? AND day <= ?${metric ? ' AND metric = ?' : ''}
      ORDER BY day, metric, key`;
    return this.db.prepare(sql).all(...(metric ? [from, to, metric] : [from, to])) as CountRow[];
  }

  async deleteBefore(day: string): Promise<number> {
    return this.db.prepare('DELETE FROM counts WHERE day < ?').run(day).changes;
  }
}
