import { describe, expect, it } from 'vitest';
import { buildKnowledge } from '../../../src/knowledge/knowledge';
import { Entry } from '../../../src/knowledge/schema';
import { createAnswerEngine } from '../../../src/search/engine';

/** Two topics with the same words; one describes practice in another region. */
const topic = (id: string, scope: 'dortmund' | 'andere') =>
  Entry.parse({
    kind: 'topic',
    id,
    title: 'Elternbriefe bei Fehlzeiten',
    short_title: 'Elternbriefe',
    summary: 'Gestufte Elternbriefe bei wiederholten Fehlzeiten.',
    keywords: ['Elternbrief'],
    sources: ['https://example.org/a'],
    scope,
    as_of: '2024',
  });

describe('practice from other regions', () => {
  it('ranks below an equally matching entry from Dortmund, whatever the order of the entries', () => {
    for (const entries of [
      [topic('aus-ahlen', 'andere'), topic('aus-dortmund', 'dortmund')],
      [topic('aus-dortmund', 'dortmund'), topic('aus-ahlen', 'andere')],
    ]) {
      const engine = createAnswerEngine(buildKnowledge(entries, { groups: [] }));
      const refs = engine.ask('Elternbriefe bei Fehlzeiten').candidates.map((c) => c.ref);
      expect(refs).toEqual(['topic:aus-dortmund', 'topic:aus-ahlen']);
    }
  });
});
