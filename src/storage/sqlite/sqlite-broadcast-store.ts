import type { Broadcast } from '../../broadcast/model';
import type { BroadcastStore } from '../../broadcast/ports';
import { ConflictError } from '../../shared/conflict';
import type { Db } from './open-database';

type Json = { json: string };
const parse = (row: Json): Broadcast => JSON.parse(row.json) as Broadcast;

/** Broadcasts as JSON rows; `version` is a column so updates can compare-and-set. */
export class SqliteBroadcastStore implements BroadcastStore {
  private readonly insert;
  private readonly select;
  private readonly replace;
  private readonly byAuthorQuery;
  private readonly newestQuery;

  constructor(db: Db) {
    this.insert = db.prepare<[string, string, number, number, string]>(
      'INSERT INTO broadcasts (id, author_id, version, created_at, json) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
    );
    this.select = db.prepare<[string], Json>('SELECT json FROM broadcasts WHERE id = ?');
    this.replace = db.prepare<[string, string, number, number, string, number]>(
      'UPDATE broadcasts SET author_id = ?, json = ?, version = ?, created_at = ? WHERE id = ? AND version = ?',
    );
    this.byAuthorQuery = db.prepare<[string, number], Json>(
      'SELECT json FROM broadcasts WHERE author_id = ? ORDER BY created_at DESC, id LIMIT ?',
    );
    this.newestQuery = db.prepare<[number], Json>('SELECT json FROM broadcasts ORDER BY created_at DESC, id LIMIT ?');
  }

  async create(b: Broadcast): Promise<void> {
    if (this.insert.run(b.id, b.authorId, b.version, b.createdAt, JSON.stringify(b)).changes === 0) {
      throw new ConflictError(`broadcast ${b.id} (already exists)`);
    }
  }

  async get(id: string): Promise<Broadcast | undefined> {
    const row = this.select.get(id);
    return row && parse(row);
  }

  async update(b: Broadcast, expectedVersion: number): Promise<void> {
    const { changes } = this.replace.run(b.authorId, JSON.stringify(b), b.version, b.createdAt, b.id, expectedVersion);
    if (changes > 0) return;
    if (!this.select.get(b.id)) throw new Error(`broadcast ${b.id} does not exist`);
    throw new ConflictError(`broadcast ${b.id} (expected version ${expectedVersion})`);
  }

  async byAuthor(authorId: string, limit: number): Promise<Broadcast[]> {
    return this.byAuthorQuery.all(authorId, Math.max(0, Math.floor(limit))).map(parse);
  }

  async newest(limit: number): Promise<Broadcast[]> {
    return this.newestQuery.all(Math.max(0, Math.floor(limit))).map(parse);
  }
}
