import { normalize } from './normalize';

/** "15 Jahre", "14-jährige", "16-year-old", "14+", "ab 14", "unter 14" (one less), "über 14" (one more). */
const AGE_PATTERNS: readonly [RegExp, number][] = [
  [/\b(\d{1,2}) ?(?:jahre|jahren|jaehrig\w*|jahrig\w*|j|year old|years old|yo|y o)\b/, 0],
  [/\b(?:ab|aged|age|alter) (\d{1,2})\b/, 0],
  [/\b(?:unter|under|juenger als|younger than) (\d{1,2})\b/, -1],
  [/\b(?:ueber|over|aelter als|older than) (\d{1,2})\b/, 1],
];
/** "Kevin (15)", "eine Schülerin (14 J.)": an age in brackets after a name. */
const BRACKETED_AGE = /\((\d{1,2})(?: ?j\.?| ?jahre)?\)/i;
const SCHOOL_AGES = [5, 25];
/** The age a message tells (`normalized` is normalize(raw), passed when the caller has it). */
export const ageIn = (raw: string, normalized: string = normalize(raw)): number | undefined => {
  const plus = /\b(\d{1,2}) ?\+/.exec(raw);
  if (plus) return Number(plus[1]);
  const bracketed = Number(BRACKETED_AGE.exec(raw)?.[1]);
  if (bracketed >= SCHOOL_AGES[0]! && bracketed <= SCHOOL_AGES[1]!) return bracketed;
  for (const [pattern, shift] of AGE_PATTERNS) {
    const m = pattern.exec(normalized);
    if (m) return Number(m[1]) + shift;
  }
  return undefined;
};
