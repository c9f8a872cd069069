import type { ContainerClient } from '@azure/storage-blob';
import type { CountRow, CountStore } from '../../statistics/ports';
import { listBlobs, mapLimit, readJson, unless, writeJson } from './blob-json';

const PREFIX = 'counts/';
/** Concurrent writers of one day retry on a changed ETag; more than this many in a row is a fault. */
const MAX_TRIES = 20;
const SEPARATOR = '\u0000';

type Day = Record<string, number>;

/** Counters as one JSON blob per day (`counts/2026-12-03.json`), merged under ETag conditions. */
export class AzureCountStore implements CountStore {
  constructor(private readonly container: ContainerClient) {}

  async add(increments: readonly CountRow[]): Promise<void> {
    const byDay = new Map<string, CountRow[]>();
    for (const row of increments) byDay.set(row.day, [...(byDay.get(row.day) ?? []), row]);
    await mapLimit([...byDay], 4, ([day, rows]) => this.addToDay(day, rows));
  }

  private async addToDay(day: string, rows: readonly CountRow[]): Promise<void> {
    const name = `${PREFIX}${day}.json`;
    for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
      const stored = await readJson<Day>(this.container.getBlobClient(name));
      const merged: Day = { ...(stored?.value ?? {}) };
      for (const { metric, key, n } of rows) {
        const id = `${metric}${SEPARATOR}${key}`;
        merged[id] = (merged[id] ?? 0) + n;
      }
      const written = await writeJson(
        this.container,
        name,
        merged,
        stored ? { ifMatch: stored.etag } : { create: true },
      );
      if (written) return;
    }
    throw new Error(`Azure Storage: counters of ${day} kept changing under ${MAX_TRIES} attempts`);
  }

  async read({ from, to, metric }: { from: string; to: string; metric?: string }): Promise<CountRow[]> {
    const days = (await this.days()).filter((d) => d >= from && d <= to).sort();
    const perDay = await mapLimit(days, 8, async (day) => {
      const stored = await readJson<Day>(this.container.getBlobClient(`${PREFIX}${day}.json`));
      return Object.entries(stored?.value ?? {}).map(([id, n]) => {
        const [m, key] = id.split(SEPARATOR) as [string, string];
        return { metric: m, key, day, n };
      });
    });
    return perDay
      .flat()
      .filter((r) => !metric || r.metric === metric)
      .sort((a, b) => a.day.localeCompare(b.day) || a.metric.localeCompare(b.metric) || a.key.localeCompare(b.key));
  }

  async deleteBefore(day: string): Promise<number> {
    const old = (await this.days()).filter((d) => d < day);
    const deleted = await mapLimit(old, 8, (d) =>
      unless([404], this.container.getBlobClient(`${PREFIX}${d}.json`).delete()),
    );
    return deleted.filter(Boolean).length;
  }

  private async days(): Promise<string[]> {
    return (await listBlobs(this.container, PREFIX)).map((b) => b.name.slice(PREFIX.length).replace(/\.json$/, ''));
  }
}
