import type { Agency, AgencyId, Entry, EntryKind, Form, FormId, Offering, Step, StepId, SynonymFile, Topic } from './schema';

/** The validated, cross-checked knowledge base. */
export interface Knowledge {
  readonly entries: readonly Entry[];
  readonly steps: readonly Step[];
  readonly agencies: readonly Agency[];
  readonly forms: readonly Form[];
  readonly topics: readonly Topic[];
  readonly offerings: readonly Offering[];
  readonly synonyms: SynonymFile;
  /** Look up any entry by `kind:id`. */
  byRef(ref: string): Entry | undefined;
  step(id: StepId): Step | undefined;
  agency(id: AgencyId): Agency | undefined;
  form(id: FormId): Form | undefined;
  /** The entry's sources users may see: those of doubtful standing (sources.yaml) left out. */
  shownSources(entry: Entry): string[];
}

/** "https://www.yumpu.com/de/…" → "yumpu.com". */
export const hostOf = (url: string): string => new URL(url).hostname.replace(/^www\d?\./, '');

export const refOf = (entry: { kind: EntryKind; id: string }): string => `${entry.kind}:${entry.id}`;

export function buildKnowledge(
  entries: readonly Entry[],
  synonyms: SynonymFile,
  doubtfulHosts: readonly string[] = [],
): Knowledge {
  const doubtful = new Set(doubtfulHosts);
  const map = new Map(entries.map((e) => [refOf(e), e]));
  const ofKind = <K extends EntryKind>(kind: K) =>
    entries.filter((e): e is Extract<Entry, { kind: K }> => e.kind === kind);
  return {
    entries,
    steps: [...ofKind('step')].sort((a, b) => a.order - b.order),
    agencies: ofKind('agency'),
    forms: ofKind('form'),
    topics: ofKind('topic'),
    offerings: ofKind('offering'),
    synonyms,
    byRef: (ref) => map.get(ref),
    step: (id) => map.get(`step:${id}`) as Step | undefined,
    agency: (id) => map.get(`agency:${id}`) as Agency | undefined,
    form: (id) => map.get(`form:${id}`) as Form | undefined,
    shownSources: (entry) => entry.sources.filter((s) => !doubtful.has(hostOf(s))),
  };
}
