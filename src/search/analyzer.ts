import { normalize } from '../text/normalize';
import { STOPWORDS } from '../text/stopwords';
import { newStemmer } from 'snowball-stemmers';
import { stem } from '../text/stem';

/** "JA", "OA", "BK": short all-caps words are abbreviations even when they look like stop words. */
const isAbbreviation = (raw: string) =>
  raw.length >= 2 && raw.length <= 5 && raw === raw.toUpperCase() && /\p{Lu}/u.test(raw);

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

const recent = new Map<string, string[]>();
/** One turn analyses its text several times; only the last few texts are kept, never more. */
const RECENT_TEXTS = 8;

/** Text → search terms: normalised, stop words dropped (abbreviations kept), stemmed. */
export function analyze(text: string): string[] {
  const hit = recent.get(text);
  if (hit) return hit;
  const terms = analyzeUncached(text);
  recent.set(text, terms);
  if (recent.size > RECENT_TEXTS) recent.delete(recent.keys().next().value!);
  return terms;
}

function analyzeUncached(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.normalize('NFKC').match(/[\p{L}\p{M}\p{N}]+/gu) ?? []) {
    for (const word of foldWord(raw)) {
      if (!word || (word.length < 2 && !/\d/.test(word))) continue;
      if (STOPWORDS.has(word) && !isAbbreviation(raw)) continue;
      out.push(stem(englishBase(word)));
    }
  }
  return out;
}

const english = newStemmer('english');
/**
 * English inflections the German stemmer keeps ("skips", "skipping", "fined", "personally", "days"): their English
 * base, so "skips single lessons" meets "skipping single lessons". Texts and the index are read alike, so a German
 * word of the same shape ("Mobbing") is folded on both sides.
 */
const ENGLISH_INFLECTED = /^[a-z]{3,}(?:ing|ed|ly)$|^[a-z]{2,}[pcwyvx]s$/;
const bases = new Map<string, string>();
function englishBase(word: string): string {
  if (!ENGLISH_INFLECTED.test(word)) return word;
  let base = bases.get(word);
  if (base === undefined) {
    base = english.stem(word);
    if (bases.size < 50_000) bases.set(word, base);
  }
  return base;
}

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
