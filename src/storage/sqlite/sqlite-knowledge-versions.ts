import type {
  KnowledgeDraft,
  KnowledgeVersion,
  KnowledgeVersionStore,
  TaggedDraft,
  VersionInfo,
} from '../../core/knowledge-versions';
import type { Db } from './open-database';

interface VersionRow {
  version: number;
  author: string;
  at: number;
  summary: string;
  approved_by: string | null;
}

const infoOf = (r: VersionRow): VersionInfo => ({
  version: r.version,
  author: r.author,
  at: r.at,
  summary: r.summary,
  ...(r.approved_by ? { approvedBy: r.approved_by } : {}),
});

/** Versions in `knowledge_versions` (the number is the key), the draft in one row with a counter as its tag. */
export class SqliteKnowledgeVersionStore implements KnowledgeVersionStore {
  constructor(private readonly db: Db) {}

  async versions(): Promise<VersionInfo[]> {
    const rows = this.db
      .prepare<
        [],
        VersionRow
      >('SELECT version, author, at, summary, approved_by FROM knowledge_versions ORDER BY version')
      .all();
    return rows.map(infoOf);
  }

  async latest(): Promise<number | undefined> {
    const row = this.db.prepare<[], { v: number | null }>('SELECT max(version) AS v FROM knowledge_versions').get();
    return row?.v ?? undefined;
  }

  async get(version: number): Promise<KnowledgeVersion | undefined> {
    const row = this.db
      .prepare<[number], VersionRow & { files: string }>('SELECT * FROM knowledge_versions WHERE version = ?')
      .get(version);
    return row && { ...infoOf(row), files: JSON.parse(row.files) as Record<string, string> };
  }

  async add(v: KnowledgeVersion): Promise<boolean> {
    const result = this.db
      .prepare(
        'INSERT INTO knowledge_versions (version, author, at, summary, approved_by, files) VALUES (?, ?, ?, ?, ?, ?) ' +
          'ON CONFLICT DO NOTHING',
      )
      .run(v.version, v.author, v.at, v.summary, v.approvedBy ?? null, JSON.stringify(v.files));
    return result.changes > 0;
  }

  async draft(): Promise<TaggedDraft | undefined> {
    const row = this.db.prepare<[], { json: string; tag: number }>('SELECT json, tag FROM knowledge_draft').get();
    return row && { draft: JSON.parse(row.json) as KnowledgeDraft, tag: String(row.tag) };
  }

  async saveDraft(draft: KnowledgeDraft | undefined, tag: string | undefined): Promise<boolean> {
    if (draft === undefined) {
      return (
        tag === undefined || this.db.prepare('DELETE FROM knowledge_draft WHERE tag = ?').run(Number(tag)).changes > 0
      );
    }
    const json = JSON.stringify(draft);
    const result =
      tag === undefined
        ? this.db
            .prepare('INSERT INTO knowledge_draft (id, json, tag) VALUES (1, ?, 1) ON CONFLICT DO NOTHING')
            .run(json)
        : this.db.prepare('UPDATE knowledge_draft SET json = ?, tag = tag + 1 WHERE tag = ?').run(json, Number(tag));
    return result.changes > 0;
  }
}
