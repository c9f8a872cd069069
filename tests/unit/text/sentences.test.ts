import { describe, expect, it } from 'vitest';
import { sentencesOf } from '../../../src/text/sentences';

describe('sentences', () => {
  it.each([
    ['Malik, 9. Klasse, fehlt seit dem 12. Mai. Was nun?', ['Malik, 9. Klasse, fehlt seit dem 12. Mai.', 'Was nun?']],
    [
      'Ben (Kl. 7) fehlt ca. drei Wochen, z. B. montags. Und jetzt?',
      ['Ben (Kl. 7) fehlt ca. drei Wochen, z. B. montags.', 'Und jetzt?'],
    ],
    ['Fr. Okafor war da; nichts hat sich geändert!', ['Fr. Okafor war da;', 'nichts hat sich geändert!']],
    ['Frist: bis 2026.', ['Frist:', 'bis 2026.']],
    ['Er ist in meiner Klasse. Er fehlt oft.', ['Er ist in meiner Klasse.', 'Er fehlt oft.']],
    ['Sie ist 14. Die Mutter weiß nichts.', ['Sie ist 14.', 'Die Mutter weiß nichts.']],
  ])('"%s"', (text, sentences) => {
    expect(sentencesOf(text)).toEqual(sentences);
  });

  it('a colon can be kept inside the sentence', () => {
    expect(sentencesOf('Frage: was nun? Danke.', { colon: false })).toEqual(['Frage: was nun?', 'Danke.']);
  });
});
