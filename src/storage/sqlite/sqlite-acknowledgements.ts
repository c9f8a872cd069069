import type { AcknowledgementStore } from '../../broadcast/ports';
import type { Db } from './open-database';

/** News confirmations in the `acknowledgements` table; the key makes a second click a no-op. */
export class SqliteAcknowledgementStore implements AcknowledgementStore {
  private readonly insert;
  private readonly select;

  constructor(db: Db) {
    this.insert = db.prepare<[string, string, number]>(
      'INSERT INTO acknowledgements (broadcast_id, conversation_id, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    );
    this.select = db.prepare<[string], { conversation_id: string; at: number }>(
      'SELECT conversation_id, at FROM acknowledgements WHERE broadcast_id = ?',
    );
  }

  async add(broadcastId: string, conversationId: string, at: number): Promise<boolean> {
    return this.insert.run(broadcastId, conversationId, at).changes > 0;
  }

  async of(broadcastId: string): Promise<Map<string, number>> {
    return new Map(this.select.all(broadcastId).map((r) => [r.conversation_id, r.at]));
  }
}
