import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { SenderRole } from '../../broadcast/ports';
import type { Db } from './open-database';

/** The file whose exclusive lock is the role; the OS drops the lock when the process dies, even on kill -9. */
export const senderLockFile = (dataDir: string) => join(dataDir, 'bot.sqlite.sender');

/**
 * On SQLite one process is the bot: it holds an exclusive SQLite lock on a side file for its lifetime
 * (the CLIs, which never take it, keep working on the database). Taking the role hands back every job
 * lease in the outbox at once – they can only be a dead predecessor's.
 */
export function sqliteSenderRole(db: Db, dataDir: string): SenderRole {
  let lock: Database.Database | undefined;
  return {
    exclusive: true,
    async hold() {
      if (lock?.open) return true;
      const candidate = new Database(senderLockFile(dataDir));
      try {
        candidate.pragma('busy_timeout = 0');
        candidate.pragma('locking_mode = EXCLUSIVE');
        candidate.exec('BEGIN EXCLUSIVE');
      } catch {
        candidate.close();
        return false;
      }
      lock = candidate;
      db.prepare(
        'UPDATE jobs SET lease_owner = NULL, lease_until = NULL, lease_token = NULL WHERE lease_owner IS NOT NULL',
      ).run();
      return true;
    },
    async release() {
      if (lock?.open) lock.close(); // closing ends the transaction and the lock
      lock = undefined;
    },
  };
}
