import type Database from 'better-sqlite3';
import {
  ALL_TOPICS,
  type ForwardedQuestion,
  type QuestionChannel,
  type QuestionStore,
  type QuestionTopic,
} from '../../forwarding/model';

/** Forwarded questions and the channels that receive them, in the `questions` tables. */
export class SqliteQuestionStore implements QuestionStore {
  constructor(private readonly db: Database.Database) {}

  async put(q: ForwardedQuestion): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO questions (id, json, created_at, reply_user, reply_conversation) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET json = excluded.json, reply_user = excluded.reply_user,
           reply_conversation = excluded.reply_conversation`,
      )
      .run(q.id, JSON.stringify(q), q.createdAt, q.replyTo?.userId ?? null, q.replyTo?.conversationId ?? null);
  }

  async get(id: string): Promise<ForwardedQuestion | undefined> {
    const row = this.db.prepare('SELECT json FROM questions WHERE id = ?').get(id) as { json: string } | undefined;
    return row && (JSON.parse(row.json) as ForwardedQuestion);
  }

  async newest(limit: number): Promise<ForwardedQuestion[]> {
    const rows = this.db
      .prepare('SELECT json FROM questions ORDER BY created_at DESC, id LIMIT ?')
      .all(Math.max(0, Math.floor(limit))) as { json: string }[];
    return rows.map((row) => JSON.parse(row.json) as ForwardedQuestion);
  }

  async deleteBefore(before: number): Promise<number> {
    return this.db.prepare('DELETE FROM questions WHERE created_at < ?').run(before).changes;
  }

  async forget({ userId, conversationId }: { userId?: string; conversationId?: string }): Promise<number> {
    return this.db
      .prepare('DELETE FROM questions WHERE reply_user = ? OR reply_conversation = ?')
      .run(userId ?? null, conversationId ?? null).changes;
  }

  async setChannel(channel: QuestionChannel): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO question_channels (topic, json) VALUES (?, ?) ON CONFLICT (topic) DO UPDATE SET json = excluded.json',
      )
      .run(channel.topic, JSON.stringify(channel));
  }

  async channelFor(topic: QuestionTopic): Promise<QuestionChannel | undefined> {
    const row = this.db
      .prepare('SELECT json FROM question_channels WHERE topic IN (?, ?) ORDER BY topic = ? DESC LIMIT 1')
      .get(topic, ALL_TOPICS, topic) as { json: string } | undefined;
    return row && (JSON.parse(row.json) as QuestionChannel);
  }
}
