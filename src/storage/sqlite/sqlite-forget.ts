import { randomUUID } from 'node:crypto';
import {
  dropLegacyUserSlot,
  isConversationStateKey,
  isUserStateKey,
  mentionsConversation,
} from '../../turn/state-keys';
import type { Db } from './open-database';

export type ForgetTarget = { conversationId?: string; userId?: string };

/** Deletes a conversation's and/or a user's data in one transaction; returns the number of records removed. */
export function sqliteForget(db: Db): (target: ForgetTarget) => number {
  const keysContaining = db.prepare<[string], { key: string }>('SELECT key FROM state WHERE instr(key, ?) > 0');
  const statesMentioning = db.prepare<[string], { key: string; json: string }>(
    'SELECT key, json FROM state WHERE instr(json, ?) > 0',
  );
  const deleteState = db.prepare<[string]>('DELETE FROM state WHERE key = ?');
  const rewriteState = db.prepare<[string, string, string]>('UPDATE state SET json = ?, etag = ? WHERE key = ?');
  const deleteSubscription = db.prepare<[string]>('DELETE FROM subscriptions WHERE conversation_id = ?');
  const deletePendingJobs = db.prepare<[string]>("DELETE FROM jobs WHERE conversation_id = ? AND state = 'pending'");

  const deleteStates = (needle: string, belongs: (key: string) => boolean) =>
    keysContaining
      .all(needle)
      .filter(({ key }) => belongs(key))
      .reduce((n, { key }) => n + deleteState.run(key).changes, 0);

  const forgetConversation = (id: string) =>
    deleteStates(id, (key) => mentionsConversation(key, id)) +
    deleteSubscription.run(id).changes +
    deletePendingJobs.run(id).changes;

  const forgetUser = (id: string) => {
    let removed = deleteStates(id, (key) => isUserStateKey(key, id));
    // The id as it appears inside JSON text (escaped), to preselect candidate rows.
    for (const { key, json } of statesMentioning.all(JSON.stringify(id).slice(1, -1))) {
      const state = JSON.parse(json) as unknown;
      if (!isConversationStateKey(key) || !dropLegacyUserSlot(state, id)) continue;
      rewriteState.run(JSON.stringify(state), randomUUID(), key);
      removed += 1;
    }
    return removed;
  };

  const forget = db.transaction(
    ({ conversationId, userId }: ForgetTarget) =>
      (conversationId ? forgetConversation(conversationId) : 0) + (userId ? forgetUser(userId) : 0),
  );
  return (target) => forget.immediate(target);
}

/** Deletes users' own items in conversations whose `updatedAt` is before the cut-off (or missing). */
export function sqliteExpireUserSlots(db: Db): (before: number) => number {
  const expire = db.prepare<[number]>(
    "DELETE FROM state WHERE key GLOB '*/conversations/*/users/*' AND coalesce(json_extract(json, '$.updatedAt'), 0) < ?",
  );
  return (before) => expire.run(before).changes;
}
