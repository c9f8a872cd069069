import { newStemmer } from 'snowball-stemmers';

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
