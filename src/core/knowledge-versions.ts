/** One published state of the knowledge base: the YAML files of knowledge/, numbered from 1. */
export interface KnowledgeVersion extends VersionInfo {
  readonly files: Readonly<Record<string, string>>;
}

export interface VersionInfo {
  readonly version: number;
  /** Object id of the coordinator, or "repository" for knowledge/ taken from the deployment. */
  readonly author: string;
  readonly at: number;
  readonly summary: string;
  /** With KNOWLEDGE_APPROVAL: the second coordinator who approved. */
  readonly approvedBy?: string;
}

/** One saved change in the draft: who changed which entry when (removed: the entry was deleted). */
export interface DraftChange {
  readonly ref: string;
  readonly author: string;
  readonly at: number;
  readonly removed?: boolean;
}

/** The shared draft: the next version as it stands, always valid (invalid saves are refused). */
export interface KnowledgeDraft {
  /** The version the draft was started from. */
  readonly base: number;
  readonly files: Readonly<Record<string, string>>;
  readonly changes: readonly DraftChange[];
  /** Set by import: the files replace the version as a whole instead of entry by entry. */
  readonly imported?: { readonly author: string; readonly at: number };
  /** With KNOWLEDGE_APPROVAL: who asked to publish (any later save withdraws the request). */
  readonly requested?: { readonly by: string; readonly at: number };
}

/** A stored draft with its concurrency tag (ETag, row counter). */
export interface TaggedDraft {
  readonly draft: KnowledgeDraft;
  readonly tag: string;
}

/** Published versions and the draft, shared by all instances (SQLite file or Azure Storage). */
export interface KnowledgeVersionStore {
  /** All versions without their files, oldest first. */
  versions(): Promise<VersionInfo[]>;
  /** The highest version number (what instances poll); undefined before the first. */
  latest(): Promise<number | undefined>;
  get(version: number): Promise<KnowledgeVersion | undefined>;
  /** Adds a version under its number; false when that number exists (another instance was first). */
  add(version: KnowledgeVersion): Promise<boolean>;
  draft(): Promise<TaggedDraft | undefined>;
  /**
   * Writes (or with undefined deletes) the draft if it still has `tag` (undefined: only if there is none);
   * false when someone else changed it in between.
   */
  saveDraft(draft: KnowledgeDraft | undefined, tag: string | undefined): Promise<boolean>;
}
