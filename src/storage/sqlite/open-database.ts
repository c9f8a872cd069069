import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { MIGRATIONS } from './schema';

export type Db = Database.Database;

/** How long a writer waits for another process's write lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

/** Opens (creating if needed) `<dataDir>/bot.sqlite` in WAL mode and brings its schema up to date. */
export function openDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'bot.sqlite');
  let db: Db;
  try {
    db = new Database(file);
  } catch (err) {
    throw new AppError('STORAGE_INVALID', `SQLite: ${file} lässt sich nicht öffnen: ${(err as Error).message}`);
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // Deleted and rewritten content is overwritten, not left in free pages (privacy deletions).
    db.pragma('secure_delete = ON');
    migrate(db, file);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof AppError) throw err;
    // "file is not a database", "attempt to write a readonly database": one line naming the file.
    throw new AppError(
      'STORAGE_INVALID',
      `SQLite: ${file} ist beschädigt oder nicht beschreibbar: ${(err as Error).message}`,
    );
  }
}

function migrate(db: Db, file: string): void {
  // IMMEDIATE: two processes opening a fresh file must not both run a migration.
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > MIGRATIONS.length) {
      throw new AppError(
        'STORAGE_INVALID',
        `SQLite: ${file} has schema version ${version}, newer than this build (${MIGRATIONS.length})`,
      );
    }
    for (const sql of MIGRATIONS.slice(version)) db.exec(sql);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}

/** Moves the WAL into the database and empties it, so old versions of rewritten rows are gone from disk. */
export function checkpoint(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}
