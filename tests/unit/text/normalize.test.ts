import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/search/analyzer';
import { normalize } from '../../../src/text/normalize';

describe('When normalising German text', () => {
  it.each([
    ['Anhörung', 'anhoerung'],
    ['ANHOERUNG', 'anhoerung'],
    ['Bußgeld', 'bussgeld'],
    ['Schüler-Innen', 'schueler innen'],
    ['Kinder- und Jugendpsychiatrie!', 'kinder und jugendpsychiatrie'],
    ['„Versäumnis­anzeige“?', 'versaeumnisanzeige'],
    ['Café\u200b Élan', 'cafe elan'],
    ['§ 53 Abs. 2', '53 abs 2'],
  ])('%s becomes %s', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });
});

describe('When analysing a question', () => {
  it('treats umlauts and their ae/oe/ue spellings alike', () => {
    expect(analyze('Anhörung Schüler Bußgeld')).toEqual(analyze('Anhoerung Schueler Bussgeld'));
  });

  it('drops stop words but keeps content words', () => {
    expect(analyze('Was mache ich, wenn das Kind fehlt?')).toEqual(analyze('Kind fehlt'));
  });

  it('keeps upper-case abbreviations that look like stop words', () => {
    expect(analyze('JA anrufen')).toContain('ja');
    expect(analyze('ja, anrufen')).not.toContain('ja');
  });

  it('stems inflected forms to one term', () => {
    expect(analyze('Versäumnisanzeigen')).toEqual(analyze('Versäumnisanzeige'));
  });

  it.each([
    ['skips', 'skipping'],
    ['fined', 'fine'],
    ['days', 'day'],
    ['personally', 'person'],
  ])('reads English inflections the German stemmer keeps as one term: "%s" = "%s"', (a, b) => {
    expect(analyze(a)).toEqual(analyze(b));
  });

  it('yields nothing for punctuation or stop words only', () => {
    expect(analyze('?!… und oder')).toEqual([]);
  });
});
