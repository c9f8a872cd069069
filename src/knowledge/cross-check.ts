import { CONTRACT_IDS } from './contract';
import { refOf } from './knowledge';
import type { Problem } from './problems';
import type { Entry } from './schema';

/** An entry that passed its schema, with where it came from. */
export interface LocatedEntry {
  readonly entry: Entry;
  readonly file: string;
  lineOf(field: readonly (string | number)[]): number | undefined;
}

/** Unique ids, resolvable references, contract ids present, step orders distinct. */
export function crossCheck(
  located: readonly LocatedEntry[],
  opts: { requireContract: boolean; invalidRefs: ReadonlySet<string> },
): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  for (const { entry, file, lineOf } of located) {
    const previous = seen.get(entry.id);
    if (previous) {
      problems.push({ file, entry: entry.id, field: 'id', line: lineOf(['id']), message: `Id ist doppelt (schon in ${previous})` });
    }
    seen.set(entry.id, file);
  }
  const refs = new Set([...located.map(({ entry }) => refOf(entry)), ...opts.invalidRefs]);
  for (const { entry, file, lineOf } of located) {
    for (const [field, ref] of referencesOf(entry)) {
      if (!refs.has(ref)) {
        problems.push({ file, entry: entry.id, field: field.join('.'), line: lineOf(field), message: `Verweis auf unbekannten Eintrag ${ref}` });
      }
    }
  }
  for (const [kind, ids] of opts.requireContract ? Object.entries(CONTRACT_IDS) : []) {
    for (const id of ids) {
      if (!refs.has(`${kind}:${id}`)) {
        problems.push({ file: `(${kind})`, entry: id, message: `Pflicht-Eintrag ${kind}:${id} aus dem Wissensvertrag fehlt` });
      }
    }
  }
  const orders = new Map<number, string>();
  for (const { entry, file, lineOf } of located) {
    if (entry.kind !== 'step') continue;
    const other = orders.get(entry.order);
    if (other) problems.push({ file, entry: entry.id, field: 'order', line: lineOf(['order']), message: `Reihenfolge ${entry.order} hat schon ${other}` });
    orders.set(entry.order, entry.id);
  }
  return problems;
}

type FieldPath = (string | number)[];

function referencesOf(entry: Entry): [FieldPath, string][] {
  const list = (field: string, kind: string, ids: readonly string[]): [FieldPath, string][] =>
    ids.map((id, i) => [[field, i], `${kind}:${id}`]);
  const common = [...list('ask', 'agency', entry.ask), ...entry.related.map((r, i): [FieldPath, string] => [['related', i], r])];
  switch (entry.kind) {
    case 'step':
      return [...common, ...list('next', 'step', entry.next), ...list('forms', 'form', entry.forms), ...list('agencies', 'agency', entry.agencies)];
    case 'form':
      return [...common, [['step'], `step:${entry.step}`]];
    case 'offering':
      return entry.provider ? [...common, [['provider'], `agency:${entry.provider}`]] : common;
    case 'agency':
    case 'topic':
      return common;
  }
}
