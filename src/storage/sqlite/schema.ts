/** Schema migrations, applied in order; `PRAGMA user_version` is the number applied so far. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE state (
    key TEXT PRIMARY KEY,
    json TEXT NOT NULL,
    etag TEXT NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE subscriptions (
    conversation_id TEXT PRIMARY KEY,
    json TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE broadcasts (
    id TEXT PRIMARY KEY,
    author_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    json TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX broadcasts_by_author ON broadcasts (author_id, created_at DESC);

  CREATE TABLE jobs (
    broadcast_id TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('send', 'update', 'delete')),
    state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed', 'removed')),
    attempts INTEGER NOT NULL,
    not_before INTEGER NOT NULL,
    activity_id TEXT,
    reason TEXT,
    updated_at INTEGER NOT NULL,
    lease_owner TEXT,
    lease_until INTEGER,
    lease_token TEXT,
    PRIMARY KEY (broadcast_id, conversation_id, action)
  ) WITHOUT ROWID;
  CREATE INDEX jobs_due ON jobs (state, not_before);
  CREATE INDEX jobs_by_conversation ON jobs (conversation_id);
  `,
  `
  CREATE TABLE counts (
    metric TEXT NOT NULL,
    key TEXT NOT NULL,
    day TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (metric, key, day)
  ) WITHOUT ROWID;
  CREATE INDEX counts_by_day ON counts (day);
  `,
  `
  CREATE TABLE questions (
    id TEXT PRIMARY KEY,
    json TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    reply_user TEXT,
    reply_conversation TEXT
  ) WITHOUT ROWID;
  CREATE INDEX questions_by_created ON questions (created_at);

  CREATE TABLE question_channels (
    topic TEXT PRIMARY KEY,
    json TEXT NOT NULL
  ) WITHOUT ROWID;
  `,
  `
  CREATE TABLE acknowledgements (
    broadcast_id TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (broadcast_id, conversation_id)
  ) WITHOUT ROWID;
  `,
  `
  CREATE TABLE knowledge_versions (
    version INTEGER PRIMARY KEY,
    author TEXT NOT NULL,
    at INTEGER NOT NULL,
    summary TEXT NOT NULL,
    approved_by TEXT,
    files TEXT NOT NULL
  );

  CREATE TABLE knowledge_draft (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    json TEXT NOT NULL,
    tag INTEGER NOT NULL
  );
  `,
];
