const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const FOLDS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/**
 * German-aware folding: lower case, ä→ae, ö→oe, ü→ue, ß→ss, other diacritics dropped,
 * invisible characters removed, punctuation and hyphens turned into spaces.
 */
export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(CONTROL, ' ')
    .toLocaleLowerCase('de')
    .replace(/[äöüß]/g, (c) => FOLDS[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Words of a normalised text. */
export const words = (text: string): string[] => {
  const n = normalize(text);
  return n ? n.split(' ') : [];
};
