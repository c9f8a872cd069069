import type { NewsTopic, Subscription } from '../../broadcast/model';
import { audienceMatches } from '../../broadcast/audience';
import type { SubscriptionStore } from '../../broadcast/ports';
import type { Db } from './open-database';

interface Row {
  json: string;
  created_at: number;
}

const toSubscription = (row: Row): Subscription => ({
  ...(JSON.parse(row.json) as Subscription),
  createdAt: row.created_at,
});

/** One row per conversation; the topic filter runs in SQL, the audience overlap in code. */
export class SqliteSubscriptionStore implements SubscriptionStore {
  private readonly select;
  private readonly upsert;
  private readonly delete;
  private readonly byTopic;
  private readonly total;

  constructor(db: Db) {
    this.select = db.prepare<[string], Row>('SELECT json, created_at FROM subscriptions WHERE conversation_id = ?');
    this.upsert = db.prepare<[string, string, number, number]>(
      `INSERT INTO subscriptions (conversation_id, json, created_at, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (conversation_id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at`,
    );
    this.delete = db.prepare<[string]>('DELETE FROM subscriptions WHERE conversation_id = ?');
    this.byTopic = db.prepare<[string], Row>(
      `SELECT json, created_at FROM subscriptions
       WHERE EXISTS (SELECT 1 FROM json_each(subscriptions.json, '$.topics') WHERE value = ?)
       ORDER BY conversation_id`,
    );
    this.total = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM subscriptions');
  }

  async get(conversationId: string): Promise<Subscription | undefined> {
    const row = this.select.get(conversationId);
    return row && toSubscription(row);
  }

  async put(subscription: Subscription): Promise<void> {
    const { conversationId, createdAt, updatedAt } = subscription;
    this.upsert.run(conversationId, JSON.stringify(subscription), createdAt, updatedAt);
  }

  async remove(conversationId: string): Promise<boolean> {
    return this.delete.run(conversationId).changes > 0;
  }

  async matching(topic: NewsTopic, audience: Subscription['audience']): Promise<Subscription[]> {
    return this.byTopic
      .all(topic)
      .map(toSubscription)
      .filter((s) => audienceMatches(s.audience, audience));
  }

  async count(): Promise<number> {
    return this.total.get()!.n;
  }
}
