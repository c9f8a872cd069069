import { basename } from 'node:path';
import type { ZodError } from 'zod';
import { AppError } from '../shared/errors';
import { crossCheck, type LocatedEntry } from './cross-check';
import { buildKnowledge, hostOf, type Knowledge } from './knowledge';
import { formatProblem, type Problem } from './problems';
import { Entry, EntryFile, SourceQualityFile, SynonymFile } from './schema';
import { readKnowledgeFiles, type KnowledgeFiles } from './knowledge-files';
import { parseYamlText, type YamlFile } from './yaml-file';

export const SYNONYMS_FILE = 'synonyms.yaml';
export const SOURCES_FILE = 'sources.yaml';
/** Files in knowledge/ that are not entry lists (read by their own features). */
const NOT_ENTRY_FILES = new Set([SYNONYMS_FILE, SOURCES_FILE, 'flow.yaml']);

export interface LoadResult {
  readonly knowledge?: Knowledge;
  readonly problems: readonly Problem[];
}

/** Reads and checks every file of a folder; collects all problems instead of stopping at the first. */
export const loadKnowledgeDir = (dir: string, opts: { requireContract?: boolean } = {}): LoadResult =>
  loadKnowledgeFiles(readKnowledgeFiles(dir), opts);

/** Checks the YAML files of one version (folder or store); all problems at once. */
export function loadKnowledgeFiles(texts: KnowledgeFiles, opts: { requireContract?: boolean } = {}): LoadResult {
  const problems: Problem[] = [];
  const files = [...texts.keys()].sort();
  const located: LocatedEntry[] = [];
  const invalidRefs = new Set<string>();
  let synonyms: SynonymFile | undefined;
  let doubtful: SourceQualityFile['doubtful'] = [];
  let unreadable = false;

  for (const name of files) {
    const file = parseYamlText(name, texts.get(name)!);
    problems.push(...file.errors.map((message) => ({ file: name, message })));
    if (file.errors.length) {
      unreadable = true;
      continue;
    }
    if (name === SYNONYMS_FILE) {
      const parsed = SynonymFile.safeParse(file.data);
      if (parsed.success) synonyms = parsed.data;
      else problems.push(...zodProblems(parsed.error, name, file, []));
    } else if (name === SOURCES_FILE) {
      const parsed = SourceQualityFile.safeParse(file.data);
      if (parsed.success) doubtful = parsed.data.doubtful;
      else problems.push(...zodProblems(parsed.error, name, file, []));
    } else if (!NOT_ENTRY_FILES.has(name)) {
      located.push(...readEntries(file, name, problems, invalidRefs));
    }
  }
  if (!files.includes(SYNONYMS_FILE)) problems.push({ file: SYNONYMS_FILE, message: 'Datei fehlt' });
  // A file that is not even YAML hides its entries: references to them would be follow-on noise.
  if (unreadable) return { problems };
  problems.push(...crossCheck(located, { requireContract: opts.requireContract ?? true, invalidRefs }));
  problems.push(...unusedDoubtfulHosts(doubtful, located));
  if (problems.length > 0 || !synonyms) return { problems };
  const doubtfulHosts = doubtful.map((d) => d.host);
  return { knowledge: buildKnowledge(located.map((l) => l.entry), synonyms, doubtfulHosts), problems };
}

/** A doubtful host no entry cites is a typo or a leftover: say so. */
function unusedDoubtfulHosts(doubtful: SourceQualityFile['doubtful'], located: readonly LocatedEntry[]): Problem[] {
  const cited = new Set(located.flatMap((l) => l.entry.sources.map(hostOf)));
  return doubtful
    .filter((d) => !cited.has(d.host))
    .map((d) => ({ file: SOURCES_FILE, message: `"${d.host}" wird von keinem Eintrag als Quelle genannt` }));
}

/** Loads or throws one AppError that lists every problem. */
export function loadKnowledgeOrThrow(dir: string, opts: { requireContract?: boolean } = {}): Knowledge {
  const { knowledge, problems } = loadKnowledgeDir(dir, opts);
  if (!knowledge) {
    throw new AppError('KNOWLEDGE_INVALID', `Wissensbasis in ${dir} ist ungültig (${problems.length} Probleme)`, problems.map(formatProblem));
  }
  return knowledge;
}

/** Entries that fail their schema are reported once; their refs still count as existing (no follow-on noise). */
function readEntries(file: YamlFile, name: string, problems: Problem[], invalidRefs: Set<string>): LocatedEntry[] {
  const shape = EntryFile.safeParse(file.data);
  if (!shape.success) {
    problems.push(...zodProblems(shape.error, name, file, []));
    return [];
  }
  const out: LocatedEntry[] = [];
  shape.data.entries.forEach((raw, index) => {
    const at = ['entries', index];
    const parsed = Entry.safeParse(raw);
    if (!parsed.success) {
      problems.push(...zodProblems(parsed.error, name, file, at, entryLabel(raw, index)));
      const { kind, id } = (typeof raw === 'object' && raw !== null ? raw : {}) as { kind?: unknown; id?: unknown };
      if (typeof kind === 'string' && typeof id === 'string') invalidRefs.add(`${kind}:${id}`);
      return;
    }
    out.push({ entry: parsed.data, file: name, lineOf: (field) => file.lineOf([...at, ...field]) });
  });
  return out;
}

function zodProblems(error: ZodError, name: string, file: YamlFile, at: (string | number)[], entry?: string): Problem[] {
  return error.issues.map((issue) => ({
    file: basename(name),
    entry,
    field: issue.path.join('.') || undefined,
    line: file.lineOf([...at, ...issue.path]),
    message: issue.message,
  }));
}

function entryLabel(raw: unknown, index: number): string {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : `#${index + 1}`;
}
