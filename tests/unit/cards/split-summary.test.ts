import { describe, expect, it } from 'vitest';
import { splitSummary } from '../../../src/cards/entry-card';

describe('the direct answer on a card', () => {
  it.each([
    ['Die Schule schreibt z. B. einen Brief. Danach folgt die Anhörung.', 'Die Schule schreibt z. B. einen Brief.'],
    [
      'Nach § 41 Abs. 1 SchulG sind die Eltern verantwortlich. Mehr steht im Leitfaden.',
      'Nach § 41 Abs. 1 SchulG sind die Eltern verantwortlich.',
    ],
    [
      'Vordruck Nr. 080 ist das Schreiben an die Eltern. Er gehört zu Schritt 9.',
      'Vordruck Nr. 080 ist das Schreiben an die Eltern.',
    ],
  ])('never cuts at an abbreviation: %s', (summary, first) => {
    expect(splitSummary(summary)[0]!.startsWith(first)).toBe(true);
  });

  it('keeps two short sentences together and puts the rest behind "Mehr anzeigen"', () => {
    const [lead, rest] = splitSummary('Kurz. Auch kurz. Das hier kommt später.');
    expect(lead).toBe('Kurz. Auch kurz.');
    expect(rest).toBe('Das hier kommt später.');
  });
});
