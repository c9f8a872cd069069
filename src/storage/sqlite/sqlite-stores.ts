import type { Stores } from '../ports';
import { openDatabase } from './open-database';
import { SqliteBroadcastStore } from './sqlite-broadcast-store';
import { sqliteExpireUserSlots, sqliteForget } from './sqlite-forget';
import { SqliteOutbox } from './sqlite-outbox';
import { SqliteStateStorage } from './sqlite-state-storage';
import { SqliteSubscriptionStore } from './sqlite-subscription-store';

/** All stores on one SQLite file, `<dataDir>/bot.sqlite`; several processes may open the same file. */
export function createSqliteStores(dataDir: string): Stores {
  const db = openDatabase(dataDir);
  const forget = sqliteForget(db);
  const expire = sqliteExpireUserSlots(db);
  const state = new SqliteStateStorage(db);
  return {
    state,
    subscriptions: new SqliteSubscriptionStore(db),
    broadcasts: new SqliteBroadcastStore(db),
    outbox: new SqliteOutbox(db),
    forget: async (target) => forget(target),
    expireUserSlots: async (before) => expire(before),
    createStateIfAbsent: (key, value) => state.createIfAbsent(key, value),
    close: async () => {
      if (db.open) db.close();
    },
  };
}
