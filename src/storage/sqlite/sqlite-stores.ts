import type { Stores } from '../stores';
import { checkpoint, openDatabase } from './open-database';
import { SqliteAcknowledgementStore } from './sqlite-acknowledgements';
import { SqliteKnowledgeVersionStore } from './sqlite-knowledge-versions';
import { SqliteBroadcastStore } from './sqlite-broadcast-store';
import { SqliteCountStore } from './sqlite-counts';
import { SqliteQuestionStore } from './sqlite-questions';
import { sqliteExpireUserSlots, sqliteForget } from './sqlite-forget';
import { SqliteOutbox } from './sqlite-outbox';
import { sqliteSenderRole } from './sqlite-sender-role';
import { sqliteScrubReferences } from './sqlite-scrub';
import { SqliteStateStorage } from './sqlite-state-storage';
import { SqliteSubscriptionStore } from './sqlite-subscription-store';

/**
 * All stores on one SQLite file, `<dataDir>/bot.sqlite`. Only one bot process may run on it (the sender's
 * role); the CLIs (stats, forget, report) open it beside the running bot.
 */
export function createSqliteStores(dataDir: string): Stores {
  const db = openDatabase(dataDir);
  const forget = sqliteForget(db);
  const expire = sqliteExpireUserSlots(db);
  const scrub = sqliteScrubReferences(db);
  const state = new SqliteStateStorage(db);
  const questions = new SqliteQuestionStore(db);
  const role = sqliteSenderRole(db, dataDir);
  return {
    state,
    counts: new SqliteCountStore(db),
    questions,
    subscriptions: new SqliteSubscriptionStore(db),
    broadcasts: new SqliteBroadcastStore(db),
    outbox: new SqliteOutbox(db),
    acknowledgements: new SqliteAcknowledgementStore(db),
    knowledge: new SqliteKnowledgeVersionStore(db),
    forget: async (target) => {
      const removed = forget(target) + (await questions.forget(target));
      checkpoint(db);
      return removed;
    },
    expireUserSlots: async (before) => expire(before),
    scrubReferences: async () => {
      const changed = scrub();
      if (changed > 0) checkpoint(db);
      return changed;
    },
    createStateIfAbsent: (key, value) => state.createIfAbsent(key, value),
    senderRole: () => role,
    close: async () => {
      await role.release();
      if (db.open) db.close();
    },
  };
}
