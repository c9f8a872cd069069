import { normalize } from './normalize';
import { STOPWORDS } from './stopwords';

/**
 * Abbreviations whose period ends no sentence ("Kl. 7", "ca. drei Wochen", "z. B.", "Fr. Okafor"), folded to lower
 * case without the period. An ordinal ("9. Klasse", "am 12. Mai") ends none either.
 */
const ABBREVIATIONS = new Set(
  (
    'kl ca bzw nr abs ggf evtl inkl usw vgl sog bspw z b u a o d h s v dr fr hr st str tel std min max ' +
    'j jg jhs lt gem zzgl etc eg ie mr mrs ms vs approx incl'
  ).split(' '),
);

const BOUNDARY = /[.!?;:\n]+/g;

/**
 * A text's sentences, each with its closing marks ("… erledigt?"). Breaks at . ! ? ; and new lines, at ":" too
 * unless `colon: false`; a period after a number or an abbreviation is no break.
 */
export function sentencesOf(text: string, { colon = true }: { colon?: boolean } = {}): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const m of text.matchAll(BOUNDARY)) {
    const marks = m[0];
    const end = m.index + marks.length;
    if (!colon && marks === ':') continue;
    if (marks === '.' && !endsSentence(text, m.index)) continue;
    sentences.push(text.slice(start, end));
    start = end;
  }
  if (start < text.length) sentences.push(text.slice(start));
  return sentences.map((s) => s.trim()).filter((s) => s.length > 0);
}

/** A single period at `at` ends a sentence unless a number or an abbreviation stands right before it. */
function endsSentence(text: string, at: number): boolean {
  const word = /([\p{L}\d]+)$/u.exec(text.slice(Math.max(0, at - 12), at))?.[1];
  if (!word) return true;
  // "9. Klasse", "am 12. Mai": an ordinal stands before a word of meaning; "… Resten 9. Das ist …" closes.
  if (/^\d{1,2}$/.test(word)) {
    const next = /^\s+([\p{L}]+)/u.exec(text.slice(at + 1))?.[1];
    return !next || STOPWORDS.has(normalize(next));
  }
  return !ABBREVIATIONS.has(word.toLowerCase());
}
