import { createTwoFilesPatch } from 'diff';
import { stringify } from 'yaml';
import type { KnowledgeFiles } from '../knowledge/knowledge-files';
import { changedRefs, FILE_OF_KIND, readEntry } from './entry-edit';

export interface EntryDiff {
  readonly ref: string;
  readonly change: 'added' | 'changed' | 'removed';
  /** Unified diff of the entry's YAML (jsdiff): what a coordinator reads before publishing. */
  readonly patch: string;
}

const yamlOf = (entry: Record<string, unknown> | undefined) => (entry ? stringify(entry, { lineWidth: 0 }) : '');

/** Entry by entry, what differs between two versions (files outside the entries, e.g. synonyms, by file). */
export function diffVersions(before: KnowledgeFiles, after: KnowledgeFiles): EntryDiff[] {
  const entries = changedRefs(before, after).map((ref): EntryDiff => {
    const a = readEntry(before, ref);
    const b = readEntry(after, ref);
    const change = !a ? 'added' : !b ? 'removed' : 'changed';
    return { ref, change, patch: createTwoFilesPatch(ref, ref, yamlOf(a), yamlOf(b), '', '', { context: 2 }) };
  });
  const entryFiles = new Set(Object.values(FILE_OF_KIND));
  const files = [...new Set([...before.keys(), ...after.keys()])]
    .filter((f) => !entryFiles.has(f) && before.get(f) !== after.get(f))
    .sort()
    .map((f): EntryDiff => {
      const change = !before.has(f) ? 'added' : !after.has(f) ? 'removed' : 'changed';
      return {
        ref: f,
        change,
        patch: createTwoFilesPatch(f, f, before.get(f) ?? '', after.get(f) ?? '', '', '', { context: 2 }),
      };
    });
  return [...entries, ...files];
}

/** "agency:jugendamt geändert; offering:x neu" – the version list's one-line summary. */
export function summarise(diffs: readonly EntryDiff[]): string {
  const word = { added: 'neu', changed: 'geändert', removed: 'entfernt' } as const;
  const parts = diffs.map((d) => `${d.ref} ${word[d.change]}`);
  return parts.length <= 6 ? parts.join('; ') : `${parts.slice(0, 6).join('; ')} und ${parts.length - 6} weitere`;
}
