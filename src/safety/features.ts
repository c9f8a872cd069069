import { stem as stemOf } from '../text/stem';
import { STOPWORDS } from '../text/stopwords';
import { GROUPS } from './concepts';
import { PatternTable } from './matcher';
import { tokenize } from './tokens';

/** Groups that are the rules' grammar, not something about the child's situation. */
const GRAMMAR = ['NEGATION', 'EVIDENCE', 'BREAK', 'PASSIVE', 'CHILD_SELF'];
/**
 * Groups that give a rule its who, where, when or doubt (the parents, the flat, the night, a stranger, "wieder"):
 * everyday words in every absence story ("muss", "zuhause", "Mann"). Alone they name no harm, and as features
 * the model learned them as danger – the rules read them in context instead.
 */
const CONTEXT = [
  'AGENT',
  'BLUE',
  'SPOT',
  'SUSPICION',
  'FOOD',
  'LONG_TIME',
  'CLOTHES',
  'ALONE',
  'HOME',
  'SMALL_CHILD',
  'FEAR',
  'NO_CARE',
  'MARRY_FORCE',
  'GIRL',
  'ONLINE',
  'STRANGER',
  'DIE',
  'WANT',
  'WORK',
  'CHILD_DUTY',
  'CRIME_FOR',
  'FORCED',
  'OUTSIDE',
  'SLEEP',
  'POLICE',
  'AT_NIGHT',
];
const NOT_FEATURES = new Set([...GRAMMAR, ...CONTEXT]);
const CONCEPTS = Object.keys(GROUPS).filter((g) => !NOT_FEATURES.has(g));
const table = new PatternTable(GROUPS);
const conceptIds = CONCEPTS.map((name) => ({ name, id: table.id(`@${name}`) }));
const NEGATION = table.id('@NEGATION');
const BREAK = table.id('@BREAK');

/** How many words back a negation colours a word ("nichts gegessen", "no signs of …"). */
const NEGATION_REACH = 3;
/** Word pieces: typos, compounds and inflections share them ("Blutergüsse", "Bluterguss"). */
const PIECE = 5;

/**
 * The features the learned model reads in a text: stems, neighbouring stems, word pieces and the
 * detector's concept groups, each marked `!` when a negation stands just before it in the sentence.
 */
export function featuresOf(text: string): string[] {
  return [...new Set(featuresBySentence(text).flat())];
}

/** The same features, per sentence (every feature is read within its sentence), empty sentences left out. */
export function featuresBySentence(text: string): string[][] {
  const tokens = tokenize(text);
  const positions = table.positions(tokens);
  const at = (id: number) => positions.get(id) ?? [];
  const negations = new Set(at(NEGATION));
  const breaks = new Set(at(BREAK));
  const negated = new Set<number>();
  for (const n of negations) {
    for (let j = n + 1; j <= n + NEGATION_REACH && j < tokens.length; j++) {
      if (tokens[j]!.sentence !== tokens[n]!.sentence || breaks.has(j)) break;
      negated.add(j);
    }
  }
  const bySentence = new Map<number, Set<string>>();
  const add = (i: number, feature: string) => {
    const sentence = tokens[i]!.sentence;
    const set = bySentence.get(sentence) ?? new Set<string>();
    set.add(feature);
    bySentence.set(sentence, set);
  };
  const mark = (i: number) => (negated.has(i) ? '!' : '');
  const content: { stem: string; i: number }[] = [];
  tokens.forEach((t, i) => {
    if (STOPWORDS.has(t.word) || negations.has(i)) return;
    const stem = stemOf(t.word);
    content.push({ stem, i });
    add(i, `${mark(i)}w:${stem}`);
    const padded = `^${t.word}$`;
    for (let k = 0; k + PIECE <= padded.length; k++) add(i, `p:${padded.slice(k, k + PIECE)}`);
  });
  content.forEach((c, k) => {
    const next = content[k + 1];
    if (next && tokens[next.i]!.sentence === tokens[c.i]!.sentence) add(c.i, `b:${c.stem}_${next.stem}`);
  });
  for (const { name, id } of conceptIds) for (const i of at(id)) add(i, `${mark(i)}g:${name}`);
  return [...bySentence.keys()].sort((a, b) => a - b).map((k) => [...bySentence.get(k)!]);
}
