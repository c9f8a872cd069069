import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import { assertStoreItem, eTagConflict } from '../etag-conflict';
import type { Db } from './open-database';

/**
 * botbuilder Storage on SQLite with optimistic concurrency: a write without eTag or with '*' always wins;
 * any other eTag must equal the stored one (a vanished item is a conflict too, like BlobsStorage).
 */
export class SqliteStateStorage implements Storage {
  private readonly select;
  private readonly upsert;
  private readonly remove;
  private readonly writeAll;

  constructor(db: Db) {
    this.select = db.prepare<[string], { json: string; etag: string }>('SELECT json, etag FROM state WHERE key = ?');
    this.upsert = db.prepare<[string, string, string]>(
      'INSERT INTO state (key, json, etag) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET json = excluded.json, etag = excluded.etag',
    );
    this.remove = db.prepare<[string]>('DELETE FROM state WHERE key = ?');
    // All items of one write commit together or not at all.
    this.writeAll = db.transaction((changes: StoreItems) => {
      for (const [key, item] of Object.entries(changes)) {
        assertStoreItem(key, item);
        const { eTag, ...value } = item;
        if (typeof eTag === 'string' && eTag !== '' && eTag !== '*' && this.select.get(key)?.etag !== eTag) {
          throw eTagConflict(key);
        }
        this.upsert.run(key, JSON.stringify(value), randomUUID());
      }
    });
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const row = this.select.get(key);
      if (row) items[key] = { ...(JSON.parse(row.json) as object), eTag: row.etag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    this.writeAll.immediate(changes);
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.remove.run(key);
  }
}
