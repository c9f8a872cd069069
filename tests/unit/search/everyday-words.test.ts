import { describe, expect, it } from 'vitest';
import { buildKnowledge } from '../../../src/knowledge/knowledge';
import { Entry } from '../../../src/knowledge/schema';
import { buildIndex } from '../../../src/search/search-index';
import { analyze } from '../../../src/search/analyzer';

const topic = Entry.parse({
  kind: 'topic',
  id: 'schulangst',
  title: 'Schulangst: Bauchschmerzen morgens vor der Schule',
  short_title: 'Schulangst',
  summary: 'Angst vor der Schule zeigt sich oft morgens.',
  keywords: ['Bauchschmerzen', 'morgens', 'früher Schulweg'],
  sources: ['https://example.org/a'],
  scope: 'nrw',
  as_of: '2024',
});

describe('subject words', () => {
  const index = buildIndex(buildKnowledge([topic], { groups: [] }));
  const stem = (word: string) => analyze(word)[0]!;

  it('are the words of titles and keywords', () => {
    for (const word of ['Schulangst', 'Bauchschmerzen', 'Schulweg'])
      expect(index.subjectTerms.has(stem(word))).toBe(true);
  });
  it('never include everyday words, even where a title uses them ("morgens", "früher")', () => {
    for (const word of ['morgens', 'früher']) {
      expect(index.postings.has(stem(word))).toBe(true);
      expect(index.subjectTerms.has(stem(word))).toBe(false);
    }
  });
});
