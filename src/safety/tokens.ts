import { normalize } from '../text/normalize';

/** One folded word and the sentence it stands in. */
export interface Token {
  readonly word: string;
  readonly sentence: number;
}

const SENTENCE_END = /[.!?;:\n]+/;

/**
 * Text → folded words (lower case, ä→ae, ß→ss …) with sentence numbers. Hyphenated compounds stay one
 * word ("Gewalt-Prävention" → "gewaltpraevention"), so a part of one is never read as a word of its own.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  text
    .normalize('NFKC')
    // "won't", "didn’t", "wär's" stay one word.
    .replace(/['’`´]/g, '')
    .split(SENTENCE_END)
    .forEach((sentence, index) => {
      const folded = normalize(sentence.replace(/-/g, ''));
      if (folded) for (const word of folded.split(' ')) tokens.push({ word, sentence: index });
    });
  return tokens;
}
