import { describe, expect, it } from 'vitest';
import { realCore } from '../../support/bot-harness';

const { engine } = realCore();

describe('a long story: the asking sentence says what is wanted', () => {
  it('the question about the records leads, not the story about absence and the parents', () => {
    const story =
      'Unsere Realschule hat einen Achtklässler, der seit Wochen oft fehlt, mal mit Zettel der Mutter, mal ohne. ' +
      'Die Schulsozialarbeiterin kennt die Familie, das Jugendamt war auch schon einmal da. ' +
      'Wir überlegen, wie es weitergeht, und sammeln gerade alles. ';
    expect(
      engine.ask(`${story}Welche Angaben gehören eigentlich in die Dokumentation der Fehlzeiten?`).candidates[0]?.ref,
    ).toBe('topic:dokumentation');
  });

  it('a short question is ranked as it is (the question is the whole message)', () => {
    const short = 'Welche Angaben gehören in die Dokumentation?';
    expect(engine.ask(short).candidates[0]?.ref).toBe('topic:dokumentation');
  });
});
