import { normalize } from '../text/normalize';
import { sentencesOf } from '../text/sentences';

/** One folded word and the sentence it stands in. */
export interface Token {
  readonly word: string;
  readonly sentence: number;
}

/**
 * Text → folded words (lower case, ä→ae, ß→ss …) with sentence numbers. Hyphenated compounds stay one
 * word ("Gewalt-Prävention" → "gewaltpraevention"), so a part of one is never read as a word of its own.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // "won't", "didn’t", "wär's" stay one word; "9. Klasse" and "ca. zwei Wochen" stay in their sentence.
  sentencesOf(text.normalize('NFKC').replace(/['’`´]/g, '')).forEach((sentence, index) => {
    const folded = normalize(sentence.replace(/-/g, ''));
    if (folded) for (const word of folded.split(' ')) tokens.push({ word, sentence: index });
  });
  return tokens;
}
