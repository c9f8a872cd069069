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

/** Text → search terms: normalised, stop words dropped (abbreviations kept), stemmed. */
export function analyze(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.normalize('NFKC').match(/[\p{L}\p{M}\p{N}]+/gu) ?? []) {
    for (const word of normalize(raw).split(' ')) {
      if (!word || (word.length < 2 && !/\d/.test(word))) continue;
      if (STOPWORDS.has(word) && !isAbbreviation(raw)) continue;
      out.push(stem(word));
    }
  }
  return out;
}
