import type { Token } from './tokens';

/**
 * A word pattern: `vater` matches the word exactly, `misshandl*` any word starting so, `*dach` any
 * word ending so, and `a|b*` either. `@NAME` stands for a named word group (see concepts.ts).
 */
export type Pattern = string;

export type WordGroups = Readonly<Record<string, readonly Pattern[]>>;

/** Compiles `a|b*|@GROUP` into a word test. */
export function compile(spec: Pattern, groups: WordGroups): (word: string) => boolean {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  const suffixes: string[] = [];
  const add = (p: string): void => {
    if (p.startsWith('@')) {
      const group = groups[p.slice(1)];
      if (!group) throw new Error(`safety: unknown word group ${p}`);
      group.forEach((g) => g.split('|').forEach(add));
    } else if (p.endsWith('*')) prefixes.push(p.slice(0, -1));
    else if (p.startsWith('*')) suffixes.push(p.slice(1));
    else exact.add(p);
  };
  spec.split('|').forEach(add);
  return (word) =>
    exact.has(word) || prefixes.some((p) => word.startsWith(p)) || suffixes.some((p) => word.endsWith(p));
}

/** Verdicts remembered per word (bounded): words repeat across messages. */
const MEMO_WORDS = 50_000;

/**
 * Every pattern the rules use, compiled once. A word is tested against all of them once, and a text
 * becomes a table pattern → positions, so rules look up positions instead of testing words.
 */
export class PatternTable {
  private readonly ids = new Map<Pattern, number>();
  private readonly tests: ((word: string) => boolean)[] = [];
  private readonly memo = new Map<string, readonly number[]>();

  constructor(private readonly groups: WordGroups) {}

  /** The id of a pattern (registered on first use). */
  id(spec: Pattern): number {
    let id = this.ids.get(spec);
    if (id === undefined) {
      id = this.tests.push(compile(spec, this.groups)) - 1;
      this.ids.set(spec, id);
      this.memo.clear();
    }
    return id;
  }

  /** Pattern id → positions of the words it matches in `tokens`. */
  positions(tokens: readonly Token[]): ReadonlyMap<number, readonly number[]> {
    const table = new Map<number, number[]>();
    tokens.forEach((t, i) => {
      for (const id of this.matching(t.word)) {
        const list = table.get(id);
        if (list) list.push(i);
        else table.set(id, [i]);
      }
    });
    return table;
  }

  private matching(word: string): readonly number[] {
    let ids = this.memo.get(word);
    if (!ids) {
      ids = this.tests.flatMap((test, id) => (test(word) ? [id] : []));
      if (this.memo.size < MEMO_WORDS) this.memo.set(word, ids);
    }
    return ids;
  }
}

/** Paths where the position lists follow in order, each within `gap` words after the previous, in one sentence. */
export function sequenceAt(tokens: readonly Token[], lists: readonly (readonly number[])[], gap: number): number[][] {
  const found: number[][] = [];
  const extend = (path: number[]): void => {
    if (path.length === lists.length) return void found.push(path);
    const last = path[path.length - 1]!;
    for (const j of lists[path.length]!)
      if (j > last && j <= last + 1 + gap && tokens[j]!.sentence === tokens[last]!.sentence) extend([...path, j]);
  };
  lists[0]!.forEach((p) => extend([p]));
  return found;
}

/** Paths where every list has a position within `within` words of the first one, in one sentence (any order). */
export function nearAt(tokens: readonly Token[], lists: readonly (readonly number[])[], within: number): number[][] {
  const [first, ...rest] = lists;
  return (first ?? []).flatMap((p) => {
    const path = [p];
    for (const list of rest) {
      const q = list.find((q) => q !== p && Math.abs(q - p) <= within && tokens[q]!.sentence === tokens[p]!.sentence);
      if (q === undefined) return [];
      path.push(q);
    }
    return [path];
  });
}
