import { describe, expect, it } from 'vitest';
import { createFreeTextDecider } from '../../../src/decision/free-text';
import { createCaseReader } from '../../../src/search/case-reading';
import { realCore } from '../../support/bot-harness';

const core = realCore();
const stepsDone = createCaseReader(core.knowledge.entries.filter((e) => e.kind === 'step'));
const decide = createFreeTextDecider(core);

describe('case reading: what a story tells was already done', () => {
  it.each([
    [
      'Zwei Elterngespräche hatten wir schon, die Klassenkonferenz hat getagt.',
      ['gespraeche', 'schulinterne-massnahmen'],
    ],
    ['Die schriftliche Aufforderung ist raus.', ['schriftliche-aufforderung']],
    // An abbreviation or an ordinal ends no sentence: the mention and its done word stay together.
    ['Ein schriftlicher Verweis für Ben (Kl. 7) hat null gebracht.', ['schulinterne-massnahmen']],
    ['Die Anhörung ging am 12. Mai raus.', ['anhoerung']],
    ['We sent the written demand and held the hearing.', ['schriftliche-aufforderung', 'anhoerung']],
    ['Die Aufforderung ist noch nicht raus.', []],
    ['Sollen wir das Jugendamt anrufen?', []],
    // Perfect and passive read as done, whatever the verb; English simple past too.
    ['Die Klassenlehrerin hat die Eltern zum Gespräch eingeladen.', ['gespraeche']],
    ['Den Eltern wurde die Aufforderung zugestellt.', ['schriftliche-aufforderung']],
    [
      'We had talks with the parents, and the class conference met last month.',
      ['gespraeche', 'schulinterne-massnahmen'],
    ],
    // Planned is not done.
    ['Eine Klassenkonferenz ist geplant.', []],
    ['We planned a class conference.', []],
    // A duty, a wish or a future just before the done word: still to do.
    ['Jetzt soll die Anhörung raus.', []],
    ['Mit welchem Brief wird der Junge selbst angehört?', []],
    ['Die Anrufe haben nichts gebracht, jetzt will ich ein richtiges Gespräch führen.', []],
  ])('"%s" → %j', (text, ids) => {
    expect(stepsDone(text).map((s) => s.id)).toEqual(ids);
  });
});

describe('routing on the case: the step after the latest one done', () => {
  it.each([
    [
      'Mit Dilara (15) hatten wir schon zwei Gespräche, dann eine Klassenkonferenz, und die Schulleitung hat die schriftliche Aufforderung verschickt. Sie kommt trotzdem kaum. Was ist jetzt dran?',
      'step:anhoerung',
    ],
    ['Drei Elterngespräche hatten wir, passiert ist nichts. Was nun?', 'step:schulinterne-massnahmen'],
    [
      "We've sent the written demand and done the hearing, he still isn't coming. What's the next step?",
      'step:versaeumnisanzeige',
    ],
    [
      'Gespräche, Konferenz, Aufforderung, Anhörung, Anzeige – alles durch, er fehlt weiter. Was jetzt?',
      'step:zwangszufuehrung',
    ],
    // The question alone asks what follows (no "hat nichts gebracht", no "was nun").
    [
      'Wir haben die schriftliche Aufforderung rausgeschickt, seitdem war sie einen Tag da. Was ist denn jetzt der nächste formale Schritt?',
      'step:anhoerung',
    ],
  ])('"%s" is answered with %s', (text, first) => {
    const d = decide(text);
    expect(d.route).toBe('answer');
    expect(d.refs[0]).toBe(first);
  });

  it("the dialog's 'what was done' is the latest step the story tells done, not the first its keywords see", () => {
    const text =
      'Hauptschule, 15 Jahre, schwänzt. Wir haben Gespräche geführt, danach hat die Klassenkonferenz eine Ordnungsmaßnahme beschlossen. Was kommt jetzt?';
    expect(core.reader.extract(text).erledigt).toBe('gespraeche');
    const d = decide(text);
    expect(d.prefill.erledigt).toBe('schulintern');
    expect(d.refs[0]).toBe('step:schriftliche-aufforderung');
  });

  it.each([
    ['Die Schulleitung möchte ihm jetzt eine schriftliche Aufforderung schicken. Er fehlt unentschuldigt.', undefined],
    [
      'Wir hatten Elterngespräche und eine Klassenkonferenz. Die Schulleitung will jetzt die schriftliche Aufforderung schicken.',
      'schulintern',
    ],
    ['Die schriftliche Aufforderung ist raus, er fehlt weiter unentschuldigt.', 'aufforderung'],
  ])('a step only wished or planned is not what was done: "%s" → erledigt %s', (text, erledigt) => {
    expect(decide(text).prefill.erledigt).toBe(erledigt);
  });

  it('when the next step needs the school type, the guided dialog asks for it', () => {
    const d = decide('Wir haben schon die Anhörung gemacht, was jetzt?');
    expect(d.route).toBe('guide');
    expect(d.refs[0]).toBe('step:versaeumnisanzeige');
  });

  it('anxiety still never leads with a sanction step', () => {
    const d = decide('Sie hat starke Schulangst. Gespräche hatten wir schon, was nun?');
    expect(['step:schulinterne-massnahmen', 'step:schriftliche-aufforderung', 'step:anhoerung']).not.toContain(
      d.refs[0],
    );
  });
});
