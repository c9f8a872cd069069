import type { Broadcast, Subscription } from '../../broadcast/model';
import { scrubbedBroadcast, scrubbedSubscription } from '../reference-scrub';
import type { Db } from './open-database';

/** Rewrites subscriptions and broadcast confirmations that still hold full references, in one transaction. */
export function sqliteScrubReferences(db: Db): () => number {
  const subscriptions = db.prepare<[], { id: string; json: string }>(
    'SELECT conversation_id AS id, json FROM subscriptions',
  );
  const broadcasts = db.prepare<[], { id: string; json: string }>(
    "SELECT id, json FROM broadcasts WHERE json_type(json, '$.confirmation') IS NOT NULL",
  );
  const setSubscription = db.prepare<[string, string]>('UPDATE subscriptions SET json = ? WHERE conversation_id = ?');
  const setBroadcast = db.prepare<[string, string]>('UPDATE broadcasts SET json = ? WHERE id = ?');
  return db.transaction(() => {
    let changed = 0;
    for (const row of subscriptions.all()) {
      const clean = scrubbedSubscription(JSON.parse(row.json) as Subscription);
      if (clean) changed += setSubscription.run(JSON.stringify(clean), row.id).changes;
    }
    for (const row of broadcasts.all()) {
      const clean = scrubbedBroadcast(JSON.parse(row.json) as Broadcast);
      if (clean) changed += setBroadcast.run(JSON.stringify(clean), row.id).changes;
    }
    return changed;
  });
}
