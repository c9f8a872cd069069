import { zipSync, strToU8 } from 'fflate';
import type { CheckFiles, LiveKnowledge } from '../core/live-knowledge';
import { filesFromRecord, filesToRecord, isKnowledgeFileName, type KnowledgeFiles } from '../knowledge/knowledge-files';
import type { Problem } from '../knowledge/problems';
import type { Logger } from '../shared/logger';
import { FILE_OF_KIND, listEntries, parseRef, readEntry, writeEntry, type ListedEntry } from './entry-edit';
import { diffVersions, summarise, type EntryDiff } from './version-diff';
import type {
  DraftChange,
  KnowledgeDraft,
  KnowledgeVersionStore,
  TaggedDraft,
  VersionInfo,
} from '../core/knowledge-versions';

/** One problem as the API reports it: which entry (`kind:id`, or the file), which field, what. */
export interface RefProblem {
  readonly ref: string;
  readonly field?: string;
  readonly message: string;
}

export type Refusal = {
  readonly ok: false;
  readonly status: 400 | 403 | 404 | 409 | 422;
  readonly error: string;
  readonly problems?: RefProblem[];
};
export type Done<T> = ({ readonly ok: true } & T) | Refusal;

const KIND_OF_FILE = new Map(Object.entries(FILE_OF_KIND).map(([kind, file]) => [file, kind]));

/** Problems of the shared check, named by entry ref where the file tells the kind. */
export function refProblems(problems: readonly Problem[]): RefProblem[] {
  return problems.map((p) => {
    const kind = KIND_OF_FILE.get(p.file);
    const ref = kind && p.entry ? `${kind}:${p.entry}` : p.entry ? `${p.file} ${p.entry}` : p.file;
    const where = p.line !== undefined ? ` (${p.file}, Zeile ${p.line})` : '';
    return { ref, ...(p.field ? { field: p.field } : {}), message: p.message + where };
  });
}

const refuse = (status: Refusal['status'], error: string, problems?: RefProblem[]): Refusal => ({
  ok: false,
  status,
  error,
  ...(problems ? { problems } : {}),
});

/** How often a save re-reads the draft when another coordinator saved at the same moment. */
const DRAFT_RETRIES = 5;

/**
 * The coordinators' knowledge editing: a shared draft that is always valid (a save that breaks the check
 * is refused with every problem), publishing as numbered versions, rollback, export and import.
 * Every instance follows the store (LiveKnowledge), so a publish reaches all of them.
 */
export function knowledgeEditor(deps: {
  store: KnowledgeVersionStore;
  live: LiveKnowledge;
  check: CheckFiles;
  /** KNOWLEDGE_APPROVAL: a second coordinator approves before a draft is published. */
  approval: boolean;
  logger: Logger;
  now?: () => number;
}) {
  const { store, live, logger } = deps;
  const now = deps.now ?? Date.now;
  const published = () => live.current().files;

  async function working(): Promise<{ files: KnowledgeFiles; tagged?: TaggedDraft }> {
    const tagged = await store.draft();
    return tagged ? { files: filesFromRecord(tagged.draft.files), tagged } : { files: published() };
  }

  const problemsOf = (files: KnowledgeFiles) => refProblems(deps.check(files).problems);

  /** Applies `edit` to the draft (starting one from the live version if none), checked, with retries. */
  async function changeDraft(
    author: string,
    what: string,
    edit: (
      files: KnowledgeFiles,
      draft: KnowledgeDraft | undefined,
    ) => { files: KnowledgeFiles; draft: Omit<KnowledgeDraft, 'files'> },
  ): Promise<Done<{ problems: RefProblem[] }>> {
    for (let attempt = 0; attempt < DRAFT_RETRIES; attempt++) {
      const { files, tagged } = await working();
      const next = edit(files, tagged?.draft);
      const problems = problemsOf(next.files);
      if (problems.length) return refuse(422, 'Die Änderung verletzt die Prüfung der Wissensbasis.', problems);
      const unchanged = diffVersions(published(), next.files).length === 0;
      const draft = unchanged ? undefined : { ...next.draft, files: filesToRecord(next.files) };
      if (await store.saveDraft(draft, tagged?.tag)) {
        logger.info({ intent: 'knowledge', author, what, changes: next.draft.changes.length }, 'knowledge draft saved');
        return { ok: true, problems: [] };
      }
    }
    return refuse(409, 'Der Entwurf wurde gleichzeitig geändert. Bitte noch einmal speichern.');
  }

  const baseOf = (draft: KnowledgeDraft | undefined) => draft?.base ?? live.current().version;

  function recordChange(draft: KnowledgeDraft | undefined, change: DraftChange): Omit<KnowledgeDraft, 'files'> {
    const changes = [...(draft?.changes ?? []).filter((c) => c.ref !== change.ref), change];
    // A save after a request to publish withdraws it: the approver must see what would go live.
    return { base: baseOf(draft), changes, ...(draft?.imported ? { imported: draft.imported } : {}) };
  }

  /** The draft to publish, on top of the live version when someone published or rolled back meanwhile. */
  function rebased(draft: KnowledgeDraft): KnowledgeFiles {
    const files = filesFromRecord(draft.files);
    if (draft.imported || draft.base === live.current().version) return files;
    return draft.changes.reduce(
      (acc, c) => writeEntry(acc, c.ref, c.removed ? undefined : readEntry(files, c.ref)),
      published(),
    );
  }

  async function publishFiles(files: KnowledgeFiles, author: string, extra: { approvedBy?: string; summary?: string }) {
    await live.refresh();
    for (let attempt = 0; attempt < DRAFT_RETRIES; attempt++) {
      const latest = (await store.latest()) ?? 0;
      const previous =
        latest === live.current().version ? published() : filesFromRecord((await store.get(latest))!.files);
      const version = latest + 1;
      const summary = extra.summary ?? summarise(diffVersions(previous, files));
      const added = await store.add({
        version,
        author,
        at: now(),
        summary,
        files: filesToRecord(files),
        ...(extra.approvedBy ? { approvedBy: extra.approvedBy } : {}),
      });
      if (added) {
        logger.info(
          { intent: 'knowledge', version, author, approvedBy: extra.approvedBy },
          'knowledge version published',
        );
        await live.refresh();
        return version;
      }
    }
    return undefined;
  }

  async function publishDraft(
    tagged: TaggedDraft,
    author: string,
    approvedBy?: string,
  ): Promise<Done<{ version: number }>> {
    const files = rebased(tagged.draft);
    const problems = problemsOf(files);
    if (problems.length) return refuse(422, 'Der Entwurf passt nicht mehr zur geltenden Version.', problems);
    // Taking the draft first: two coordinators pressing at once publish once.
    if (!(await store.saveDraft(undefined, tagged.tag))) return refuse(409, 'Der Entwurf wurde gerade geändert.');
    const version = await publishFiles(files, author, { approvedBy });
    if (version === undefined) {
      await store.saveDraft(tagged.draft, undefined);
      return refuse(409, 'Die Versionsnummer war vergeben. Bitte noch einmal veröffentlichen.');
    }
    return { ok: true, version };
  }

  return {
    approval: deps.approval,

    /** All entries of the working state (the draft if there is one). */
    async entries(): Promise<ListedEntry[]> {
      return listEntries((await working()).files);
    },

    async entry(ref: string): Promise<Record<string, unknown> | undefined> {
      return readEntry((await working()).files, ref);
    },

    /** The draft: what changed against the live version, who asked to publish. */
    async draft() {
      const { files, tagged } = await working();
      return {
        version: live.current().version,
        base: tagged?.draft.base,
        changes: tagged?.draft.changes ?? [],
        imported: tagged?.draft.imported,
        requested: tagged?.draft.requested,
        diff: tagged ? diffVersions(published(), files) : [],
      };
    },

    /** The draft's files (the preview builds the bot from them). */
    draftFiles: async (): Promise<KnowledgeFiles | undefined> => (await store.draft()) && (await working()).files,

    save(ref: string, entry: unknown, author: string): Promise<Done<{ problems: RefProblem[] }>> {
      const parsed = parseRef(ref);
      if (!parsed) return Promise.resolve(refuse(404, `Unbekannter Eintrag ${ref}`));
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
        return Promise.resolve(refuse(400, 'Der Eintrag muss ein Objekt sein.'));
      const body = entry as Record<string, unknown>;
      const wrong = [
        body.id !== parsed.id && { ref, field: 'id', message: `Id muss "${parsed.id}" sein (wie in der Adresse)` },
        parsed.kind !== 'node' &&
          body.kind !== parsed.kind && { ref, field: 'kind', message: `kind muss "${parsed.kind}" sein` },
      ].filter((p) => p !== false) as RefProblem[];
      if (wrong.length) return Promise.resolve(refuse(422, 'Id oder Art passen nicht zur Adresse.', wrong));
      return changeDraft(author, ref, (files, draft) => ({
        files: writeEntry(files, ref, body),
        draft: recordChange(draft, { ref, author, at: now() }),
      }));
    },

    remove(ref: string, author: string): Promise<Done<{ problems: RefProblem[] }>> {
      if (!parseRef(ref)) return Promise.resolve(refuse(404, `Unbekannter Eintrag ${ref}`));
      return changeDraft(author, `${ref} removed`, (files, draft) => ({
        files: writeEntry(files, ref, undefined),
        draft: recordChange(draft, { ref, author, at: now(), removed: true }),
      }));
    },

    async discard(author: string): Promise<Done<object>> {
      const tagged = await store.draft();
      if (tagged && !(await store.saveDraft(undefined, tagged.tag)))
        return refuse(409, 'Der Entwurf wurde gerade geändert.');
      logger.info({ intent: 'knowledge', author }, 'knowledge draft discarded');
      return { ok: true };
    },

    /** Publishes the draft, or with KNOWLEDGE_APPROVAL asks a second coordinator to approve it. */
    async publish(author: string): Promise<Done<{ version?: number; requested?: boolean }>> {
      const tagged = await store.draft();
      if (!tagged) return refuse(409, 'Es gibt keinen Entwurf mit Änderungen.');
      if (!deps.approval) return publishDraft(tagged, author);
      const requested = { ...tagged.draft, requested: { by: author, at: now() } };
      if (!(await store.saveDraft(requested, tagged.tag))) return refuse(409, 'Der Entwurf wurde gerade geändert.');
      logger.info({ intent: 'knowledge', author }, 'knowledge draft submitted for approval');
      return { ok: true, requested: true };
    },

    /** The four-eyes step: a coordinator other than the one who asked publishes the draft. */
    async approve(approver: string): Promise<Done<{ version: number }>> {
      const tagged = await store.draft();
      const request = tagged?.draft.requested;
      if (!tagged || !request) return refuse(409, 'Es liegt keine Freigabe-Anfrage vor.');
      if (request.by === approver)
        return refuse(403, 'Eine zweite Koordinatorin oder ein zweiter Koordinator muss freigeben.');
      return publishDraft(tagged, request.by, approver);
    },

    versions: (): Promise<VersionInfo[]> => store.versions(),

    /** What a version changed against the one before it. */
    async diff(version: number): Promise<Done<{ diff: EntryDiff[] }>> {
      const [after, before] = await Promise.all([store.get(version), version > 1 ? store.get(version - 1) : undefined]);
      if (!after) return refuse(404, `Version ${version} gibt es nicht.`);
      return { ok: true, diff: diffVersions(filesFromRecord(before?.files ?? {}), filesFromRecord(after.files)) };
    },

    /** A new version with the files of an earlier one (history stays complete). */
    async rollback(version: number, author: string): Promise<Done<{ version: number }>> {
      const target = await store.get(version);
      if (!target) return refuse(404, `Version ${version} gibt es nicht.`);
      const files = filesFromRecord(target.files);
      const problems = problemsOf(files);
      if (problems.length) return refuse(422, `Version ${version} besteht die heutige Prüfung nicht.`, problems);
      const made = await publishFiles(files, author, { summary: `Zurück auf Version ${version}` });
      if (made === undefined) return refuse(409, 'Die Versionsnummer war vergeben. Bitte noch einmal versuchen.');
      return { ok: true, version: made };
    },

    /** The YAML files of a version (default: the live one) as a zip, as they sit in knowledge/. */
    async exportZip(version?: number): Promise<Done<{ zip: Uint8Array; version: number }>> {
      const v = version ?? live.current().version;
      const files =
        v === live.current().version
          ? published()
          : (await store.get(v)) && filesFromRecord((await store.get(v))!.files);
      if (!files) return refuse(404, `Version ${v} gibt es nicht.`);
      const zip = zipSync(Object.fromEntries([...files].map(([name, text]) => [name, strToU8(text)])));
      return { ok: true, zip, version: v };
    },

    /** YAML files in, as the draft (the same check); files not given stay as they are. */
    async import(record: unknown, author: string): Promise<Done<{ problems: RefProblem[] }>> {
      const given = typeof record === 'object' && record !== null ? Object.entries(record) : [];
      const bad = given.filter(([name, text]) => !isKnowledgeFileName(name) || typeof text !== 'string');
      if (!given.length || bad.length)
        return refuse(
          400,
          `Erwartet: {"files": {"steps.yaml": "…"}}${bad.length ? `; ungültig: ${bad.map(([n]) => n).join(', ')}` : ''}`,
        );
      return changeDraft(author, `import ${given.map(([n]) => n).join(',')}`, (files, draft) => ({
        files: new Map([...files, ...(given as [string, string][])]),
        draft: { base: baseOf(draft), changes: draft?.changes ?? [], imported: { author, at: now() } },
      }));
    },
  };
}

export type KnowledgeEditor = ReturnType<typeof knowledgeEditor>;
