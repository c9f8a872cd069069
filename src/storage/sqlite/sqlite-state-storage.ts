import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import { ConflictError } from '../../shared/conflict';
import { assertStoreItem } from '../store-item';
import type { Db } from './open-database';

type Row = { key: string; json: string; etag: string };

/**
 * botbuilder Storage on SQLite with optimistic concurrency: a write without eTag or with '*' always wins;
 * any other eTag must equal the stored one (a vanished item is a conflict too, like BlobsStorage).
 */
export class SqliteStateStorage implements Storage {
  private readonly select;
  private readonly selectPair;
  private readonly upsert;
  private readonly update;
  private readonly remove;
  private readonly insertNew;
  private readonly writeAll;

  constructor(db: Db) {
    this.select = db.prepare<[string], Row>('SELECT key, json, etag FROM state WHERE key = ?');
    // A turn reads two items (conversation, member): one statement, one read transaction, one snapshot.
    this.selectPair = db.prepare<[string, string], Row>('SELECT key, json, etag FROM state WHERE key IN (?, ?)');
    this.upsert = db.prepare<[string, string, string]>(
      'INSERT INTO state (key, json, etag) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET json = excluded.json, etag = excluded.etag',
    );
    // One statement checks and writes: atomic even against another process.
    this.update = db.prepare<[string, string, string, string]>(
      'UPDATE state SET json = ?, etag = ? WHERE key = ? AND etag = ?',
    );
    this.remove = db.prepare<[string]>('DELETE FROM state WHERE key = ?');
    this.insertNew = db.prepare<[string, string, string]>(
      'INSERT INTO state (key, json, etag) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING',
    );
    // All items of one write commit together or not at all.
    this.writeAll = db.transaction((changes: [string, unknown][]) => {
      for (const [key, item] of changes) this.writeOne(key, item);
    });
  }

  private writeOne(key: string, item: unknown): void {
    assertStoreItem(key, item);
    const { eTag, ...value } = item;
    const json = JSON.stringify(value);
    if (typeof eTag === 'string' && eTag !== '' && eTag !== '*') {
      if (this.update.run(json, randomUUID(), key, eTag).changes !== 1) throw new ConflictError(`state item "${key}"`);
    } else {
      this.upsert.run(key, json, randomUUID());
    }
  }

  async read(keys: string[]): Promise<StoreItems> {
    const rows = keys.length === 2 ? this.selectPair.all(keys[0]!, keys[1]!) : keys.map((key) => this.select.get(key));
    const items: StoreItems = {};
    for (const row of rows) if (row) items[row.key] = { ...(JSON.parse(row.json) as object), eTag: row.etag };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const entries = Object.entries(changes);
    if (entries.length === 1) this.writeOne(...entries[0]!);
    else this.writeAll.immediate(entries);
  }

  /** Writes the item only if the key is free; true when this call created it. */
  async createIfAbsent(key: string, value: object): Promise<boolean> {
    return this.insertNew.run(key, JSON.stringify(value), randomUUID()).changes === 1;
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.remove.run(key);
  }
}
