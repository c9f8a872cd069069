import { newStemmer } from 'snowball-stemmers';
import { normalize } from './normalize';
import { STOPWORDS } from './stopwords';

const german = newStemmer('german');
const cache = new Map<string, string>();

/** Snowball German stem of one normalised word (cached: the vocabulary is small). */
export function stem(word: string): string {
  let s = cache.get(word);
  if (s === undefined) {
    s = /\d/.test(word) ? word : german.stem(word);
    if (cache.size < 50_000) cache.set(word, s);
  }
  return s;
}

/** "JA", "OA", "BK": short all-caps words are abbreviations even when they look like stop words. */
const isAbbreviation = (raw: string) =>
  raw.length >= 2 && raw.length <= 5 && raw === raw.toUpperCase() && /\p{Lu}/u.test(raw);

const NEGATIONS = new Set([
  'ohne',
  'kein',
  'keine',
  'keinen',
  'keiner',
  'keinem',
  'nicht',
  'nich',
  'nie',
  'niemals',
  'no',
  'not',
  'without',
]);
/** How many words after a negation it reaches ("ohne akute Gefahr"). */
const NEGATION_REACH = 3;

export interface AnalyzedTerm {
  readonly term: string;
  /** A negation stands shortly before it ("keine Gefahr"). */
  readonly negated: boolean;
  /** The word is itself a negation ("kein", "nie"). */
  readonly negation?: true;
}

const folded = new Map<string, string[]>();
/** normalize() per raw word, remembered: words repeat across questions. */
function foldWord(raw: string): string[] {
  let words = folded.get(raw);
  if (!words) {
    words = normalize(raw).split(' ');
    if (folded.size < 50_000) folded.set(raw, words);
  }
  return words;
}

const recent = new Map<string, AnalyzedTerm[]>();
const RECENT_TEXTS = 256;

/** Text → terms with negation marks: normalised, stop words dropped (abbreviations kept), stemmed. */
export function analyzeMarked(text: string): AnalyzedTerm[] {
  const hit = recent.get(text);
  if (hit) return hit;
  const terms = analyzeUncached(text);
  recent.set(text, terms);
  if (recent.size > RECENT_TEXTS) recent.delete(recent.keys().next().value!);
  return terms;
}

function analyzeUncached(text: string): AnalyzedTerm[] {
  const out: AnalyzedTerm[] = [];
  let sinceNegation = Infinity;
  for (const raw of text.normalize('NFKC').match(/[\p{L}\p{M}\p{N}]+/gu) ?? []) {
    for (const word of foldWord(raw)) {
      sinceNegation++;
      const negation = NEGATIONS.has(word);
      if (negation) sinceNegation = 0;
      if (!word || (word.length < 2 && !/\d/.test(word))) continue;
      if (STOPWORDS.has(word) && !isAbbreviation(raw)) continue;
      const term = stem(word);
      out.push(negation ? { term, negated: true, negation } : { term, negated: sinceNegation <= NEGATION_REACH });
    }
  }
  return out;
}

/** Text → search terms. */
export const analyze = (text: string): string[] => analyzeMarked(text).map((t) => t.term);

const ENGLISH = new Set([
  'my',
  'the',
  'to',
  'of',
  'because',
  'is',
  'are',
  'what',
  'how',
  'who',
  'when',
  'should',
  'does',
  'do',
  'pupil',
  'student',
  'school',
  'with',
  'for',
  'and',
  'i',
  'we',
]);
/** Two or more common English words: the question is (mostly) English. */
export const looksEnglish = (text: string): boolean =>
  normalize(text)
    .split(' ')
    .filter((w) => ENGLISH.has(w)).length >= 2;
