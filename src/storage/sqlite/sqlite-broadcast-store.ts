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
  private readonly dueQuery;

  constructor(db: Db) {
    this.insert = db.prepare<[string, string, number, number, string]>(
      'INSERT INTO broadcasts (id, author_id, version, created_at, json) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
    );
    this.select = db.prepare<[string], Json>('SELECT json FROM broadcasts WHERE id = ?');
    this.replace = db.prepare<[string, string, number, number, string, number, number]>(
      `UPDATE broadcasts SET author_id = ?, json = ?, version = ?, created_at = ?
       WHERE id = ? AND version = ? AND coalesce(json_extract(json, '$.revision'), 0) = ?`,
    );
    this.byAuthorQuery = db.prepare<[string, number], Json>(
      'SELECT json FROM broadcasts WHERE author_id = ? ORDER BY created_at DESC, id LIMIT ?',
    );
    this.newestQuery = db.prepare<[number], Json>('SELECT json FROM broadcasts ORDER BY created_at DESC, id LIMIT ?');
    this.dueQuery = db.prepare<[number], Json>(
      `SELECT json FROM broadcasts WHERE json_extract(json, '$.status') = 'scheduled'
       AND json_extract(json, '$.sendAt') <= ? ORDER BY created_at`,
    );
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

  async update(b: Broadcast, expected: Pick<Broadcast, 'version' | 'revision'>): Promise<void> {
    const revision = expected.revision ?? 0;
    const json = JSON.stringify({ ...b, revision: revision + 1 });
    const { changes } = this.replace.run(b.authorId, json, b.version, b.createdAt, b.id, expected.version, revision);
    if (changes > 0) return;
    if (!this.select.get(b.id)) throw new Error(`broadcast ${b.id} does not exist`);
    throw new ConflictError(`broadcast ${b.id} (expected version ${expected.version}, revision ${revision})`);
  }

  async byAuthor(authorId: string, limit: number): Promise<Broadcast[]> {
    return this.byAuthorQuery.all(authorId, Math.max(0, Math.floor(limit))).map(parse);
  }

  async newest(limit: number): Promise<Broadcast[]> {
    return this.newestQuery.all(Math.max(0, Math.floor(limit))).map(parse);
  }

  async due(now: number): Promise<Broadcast[]> {
    return this.dueQuery.all(now).map(parse);
  }
}
